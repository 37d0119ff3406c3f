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

const GROUP_ID = /^g[0-9]{1,2}$/;

/**
 * The forum's own LiveKit room (apart from the livestream's stage, whose reconciler enforces the stage
 * list), or a breakout group's room beside it.
 */
export function forumRoomName(sessionId: string, group: string | null = null): string {
  if (!SESSION_ID.test(sessionId)) throw new DomainError('VALIDATION', 'Session id cannot be used in a LiveKit room name', { sessionId });
  if (group !== null && !GROUP_ID.test(group)) throw new DomainError('VALIDATION', 'No such breakout group', { field: 'group' });
  return group === null ? `podium-forum-${sessionId}` : `podium-forum-${sessionId}-${group}`;
}

const FORUM_ROOM = /^podium-forum-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:-(g[0-9]{1,2}))?$/i;

/** Inverse of forumRoomName for webhooks (forum session ids are UUIDs); null for any other room. */
export function parseForumRoomName(name: string): { sessionId: string; group: string | null } | null {
  const m = FORUM_ROOM.exec(name);
  return m ? { sessionId: m[1], group: m[2] ?? null } : null;
}
