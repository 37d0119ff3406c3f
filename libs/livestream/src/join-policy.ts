import { DomainError } from '@podium/contracts';
import { isAlwaysOnStage } from './permissions';
import type { LivestreamRole } from './roles';
import type { RoomKind } from './rooms';

/** The strongest role of a person in a session (sessionRoleOf in @podium/identity). */
export type SessionRoleName = 'moderator' | 'speaker' | 'interpreter' | 'captioner' | 'attendee';

export interface JoinInput {
  session: { status: string; livestream: boolean; endsAtMs: number; delayMinutes: number };
  nowMs: number;
  sessionRole: SessionRoleName;
  /** Moderates only by being an organiser (not a moderator of the session or conference). */
  organiserOnly: boolean;
  room: RoomKind;
  asProductionDesk: boolean;
  banned: boolean;
  locked: boolean;
  /** The stage_assignment row of this person, if any. */
  assignedOnStage: boolean | null;
}

export interface JoinPlan {
  role: LivestreamRole;
  onStage: boolean;
  room: RoomKind;
}

/** Roles that may enter a locked room and the backstage: they run the session. */
const CREW: ReadonlySet<LivestreamRole> = new Set(['moderator', 'organiser', 'production-desk', 'captioner']);

/** The livestream role of a session role; organisers who are not moderators only publish on stage. */
export function livestreamRoleOf(sessionRole: SessionRoleName, organiserOnly: boolean): LivestreamRole {
  return sessionRole === 'moderator' && organiserOnly ? 'organiser' : sessionRole;
}

/** Whether someone is on stage when no moderator said otherwise: the session's own speakers are. */
export function defaultOnStage(role: LivestreamRole): boolean {
  return role === 'speaker' || isAlwaysOnStage(role);
}

/** Decides a join: who the person is in the room and whether they publish, or why they may not join. */
export function planJoin(input: JoinInput): JoinPlan {
  const { session } = input;
  if (!session.livestream) throw new DomainError('CONFLICT', 'This session has no livestream', { reason: 'no-livestream' });
  const shownEnd = session.endsAtMs + session.delayMinutes * 60_000;
  if (session.status === 'ended' || input.nowMs >= shownEnd) throw new DomainError('CONFLICT', 'This session has ended', { reason: 'ended' });
  if (input.banned) throw new DomainError('FORBIDDEN', 'You have been removed from this session by its moderators', { reason: 'removed' });
  if (input.asProductionDesk) {
    if (input.sessionRole !== 'moderator') throw new DomainError('FORBIDDEN', 'Only organisers and moderators can connect the production desk');
    if (input.room !== 'stage') throw new DomainError('VALIDATION', 'The production desk publishes into the stage room', { field: 'room' });
    return { role: 'production-desk', onStage: true, room: 'stage' };
  }
  const role = livestreamRoleOf(input.sessionRole, input.organiserOnly);
  if (input.room === 'backstage') {
    if (role === 'attendee') throw new DomainError('FORBIDDEN', 'The backstage is only for speakers, moderators, interpreters and organisers', { reason: 'backstage' });
    return { role, onStage: true, room: 'backstage' };
  }
  if (input.locked && !CREW.has(role)) throw new DomainError('FORBIDDEN', 'The moderators have locked this room against new joins', { reason: 'locked' });
  return { role, onStage: input.assignedOnStage ?? defaultOnStage(role), room: 'stage' };
}
