/**
 * Session lifecycle: scheduled -> backstage -> live -> ended, a one-way line.
 *
 * - Time moves a session forward along the line (backstage `backstageMinutes` before the shown
 *   start, live at the shown start, ended at the shown end; shown = planned + delay).
 * - A moderator may move it forward earlier than time would (start early, end early); time never
 *   moves it back, so the status at any moment is the later of the stored and the time-implied one.
 * - Nothing moves backwards. 'cancelled' is off the line: time ignores it, only reinstating leaves it.
 * The edge stores `status`; `dueTransitions` tells its scheduler which stored statuses lag behind.
 */
import { DomainError } from '@podium/contracts';
import { shownEndMs, shownStartMs } from './delay';
import { DEFAULT_BACKSTAGE_MINUTES, LIFECYCLE_STATUSES, LIMITS, type LifecycleStatus, type Session, type SessionStatus, type TimeInput } from './model';
import { addMinutes, toInstant, toMs } from './time';

const MINUTE = 60_000;

const rank = (status: LifecycleStatus): number => LIFECYCLE_STATUSES.indexOf(status);

/** What the clock alone says, from the shown (delayed) times. */
export function timeImpliedStatus(
  session: Pick<Session, 'start' | 'end' | 'delayMinutes'>,
  now: TimeInput,
  backstageMinutes = DEFAULT_BACKSTAGE_MINUTES,
): LifecycleStatus {
  const t = toMs(now);
  const start = shownStartMs(session);
  if (t < start - backstageMinutes * MINUTE) return 'scheduled';
  if (t < start) return 'backstage';
  if (t < shownEndMs(session)) return 'live';
  return 'ended';
}

/** The status a session has at `now`: the stored one unless time has moved it further along. */
export function lifecycleAt(
  session: Pick<Session, 'start' | 'end' | 'delayMinutes' | 'status'>,
  now: TimeInput,
  backstageMinutes = DEFAULT_BACKSTAGE_MINUTES,
): SessionStatus {
  if (session.status === 'cancelled') return 'cancelled';
  const implied = timeImpliedStatus(session, now, backstageMinutes);
  return rank(implied) > rank(session.status) ? implied : session.status;
}

export interface DueTransition {
  sessionId: string;
  from: SessionStatus;
  to: SessionStatus;
}

/**
 * Sessions whose stored status lags behind `lifecycleAt`, one step straight to where they belong.
 * Applying each as a compare-and-set (`UPDATE ... SET status = to WHERE id = ? AND status = from`)
 * makes it happen exactly once, however many scheduler instances run; afterwards it is no longer due.
 */
export function dueTransitions(
  sessions: readonly Session[],
  now: TimeInput,
  backstageMinutes = DEFAULT_BACKSTAGE_MINUTES,
): DueTransition[] {
  const due: Array<DueTransition & { at: number }> = [];
  for (const s of sessions) {
    const to = lifecycleAt(s, now, backstageMinutes);
    if (to !== s.status) due.push({ sessionId: s.id, from: s.status, to, at: shownStartMs(s) });
  }
  return due.sort((a, b) => a.at - b.at || (a.sessionId < b.sessionId ? -1 : 1)).map(({ at: _at, ...t }) => t);
}

/** Manual moves a moderator or organiser may make, from the status the session has now. */
const MANUAL: Record<SessionStatus, readonly SessionStatus[]> = {
  scheduled: ['backstage', 'live', 'ended', 'cancelled'],
  backstage: ['live', 'ended', 'cancelled'],
  live: ['ended'],
  ended: [],
  cancelled: ['scheduled'],
};

export function canTransition(from: SessionStatus, to: SessionStatus): boolean {
  return MANUAL[from].includes(to);
}

export type ModeratorAction =
  | { type: 'start-now' }
  | { type: 'end-now' }
  | { type: 'extend'; minutes: number }
  | { type: 'set-status'; status: SessionStatus }
  | { type: 'cancel' }
  | { type: 'reinstate' };

function refuse(session: Session, from: SessionStatus, to: SessionStatus): never {
  throw new DomainError('CONFLICT', `session "${session.title}" is ${from}; it cannot become ${to}`, {
    sessionId: session.id,
    from,
    to,
  });
}

function moveTo(session: Session, to: SessionStatus, now: TimeInput, backstageMinutes: number, idempotent: boolean): Session {
  const from = lifecycleAt(session, now, backstageMinutes);
  if (from === to && idempotent) return from === session.status ? session : { ...session, status: to };
  if (!canTransition(from, to)) refuse(session, from, to);
  return { ...session, status: to };
}

/**
 * Applies a moderator's action and returns the new session (the input is not changed).
 * Start and end are idempotent (a retried click does no harm); illegal moves throw CONFLICT;
 * an extension is checked here, its room and people conflicts by `checkSessionWrite` at the edge.
 */
export function applyModeratorAction(
  session: Session,
  action: ModeratorAction,
  now: TimeInput,
  backstageMinutes = DEFAULT_BACKSTAGE_MINUTES,
): Session {
  switch (action.type) {
    case 'start-now':
      return moveTo(session, 'live', now, backstageMinutes, true);
    case 'end-now':
      return moveTo(session, 'ended', now, backstageMinutes, true);
    case 'cancel':
      return moveTo(session, 'cancelled', now, backstageMinutes, true);
    case 'reinstate':
      return moveTo(session, 'scheduled', now, backstageMinutes, false);
    case 'set-status':
      return moveTo(session, action.status, now, backstageMinutes, true);
    case 'extend':
      return extend(session, action.minutes, now, backstageMinutes);
  }
}

function extend(session: Session, minutes: number, now: TimeInput, backstageMinutes: number): Session {
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > LIMITS.delayMinutes) {
    throw new DomainError('VALIDATION', `extend by a whole number of minutes from 1 to ${LIMITS.delayMinutes}`, { field: 'minutes' });
  }
  const status = lifecycleAt(session, now, backstageMinutes);
  if (status === 'ended' || status === 'cancelled') {
    throw new DomainError('CONFLICT', `session "${session.title}" is ${status}; it cannot be extended`, { sessionId: session.id });
  }
  const end = addMinutes(session.end, minutes);
  if (toMs(end) - toMs(session.start) > LIMITS.sessionDuration * MINUTE) {
    throw new DomainError('VALIDATION', `a session may last at most ${LIMITS.sessionDuration} minutes`, { field: 'end' });
  }
  // Keep the status the clock showed, so a stored-but-lagging status does not jump back later.
  return { ...session, end: toInstant(toMs(end)), status };
}
