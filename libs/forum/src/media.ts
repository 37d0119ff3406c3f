import { DomainError, type ForumPublishRight } from '@podium/contracts';

/** LiveKit track sources a forum participant may publish (the names LiveKit uses in tokens). */
export type ForumSource = 'camera' | 'microphone' | 'screen_share';

/** What a participant may do in the forum's LiveKit room: talk with a right, listen without. */
export interface ForumMediaPermission {
  canSubscribe: true;
  canPublish: boolean;
  canPublishSources: ForumSource[];
}

/** Moderators may also share a screen (slides for the forum); everyone else camera and microphone. */
export function forumPermission(right: ForumPublishRight | null): ForumMediaPermission {
  if (right === null) return { canSubscribe: true, canPublish: false, canPublishSources: [] };
  return { canSubscribe: true, canPublish: true, canPublishSources: right === 'moderator' ? ['camera', 'microphone', 'screen_share'] : ['camera', 'microphone'] };
}

const SESSION_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The forum's own LiveKit room: apart from the livestream's stage, whose reconciler enforces the stage list. */
export function forumRoomName(sessionId: string): string {
  if (!SESSION_ID.test(sessionId)) throw new DomainError('VALIDATION', 'Session id cannot be used in a LiveKit room name', { sessionId });
  return `podium-forum-${sessionId}`;
}
