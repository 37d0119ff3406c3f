/**
 * Delays: the planned schedule stays as stored; what people are shown is start/end plus
 * `delayMinutes`, so a running-late room can be announced without rewriting the plan.
 */
import { DomainError } from '@podium/contracts';
import { DEFAULT_TIMEZONE, LIMITS, type Instant, type Session } from './model';
import { programmeDateOf, toInstant, toMs } from './time';

const MINUTE = 60_000;

export function shownStartMs(session: Pick<Session, 'start' | 'delayMinutes'>): number {
  return toMs(session.start) + (session.delayMinutes || 0) * MINUTE;
}

export function shownEndMs(session: Pick<Session, 'end' | 'delayMinutes'>): number {
  return toMs(session.end) + (session.delayMinutes || 0) * MINUTE;
}

/** The times to show: planned times shifted by the session's delay. */
export function shownTimes(session: Pick<Session, 'start' | 'end' | 'delayMinutes'>): { start: Instant; end: Instant } {
  return { start: toInstant(shownStartMs(session)), end: toInstant(shownEndMs(session)) };
}

export interface ApplyDelayOptions {
  /** The zone whose calendar day bounds the shift; the conference's. */
  timeZone?: string;
  /** The conference's day change ('04:00'): a night session still follows the evening before. */
  dayChange?: string;
}

/**
 * Sets the delay of one session to `minutes` and shifts the sessions after it in the same room
 * on the same local day by the same change, so a late start pushes the rest of the day.
 * The change is added (not set) on the followers, so a follower's own extra delay survives and
 * setting the delay back to 0 undoes exactly what was pushed. Cancelled and ended sessions stay.
 * Returns only the sessions whose delay changed, as new objects; the input is not touched.
 */
export function applyDelay(
  sessionsInRoom: readonly Session[],
  sessionId: string,
  minutes: number,
  options: ApplyDelayOptions = {},
): Session[] {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > LIMITS.delayMinutes) {
    throw new DomainError('VALIDATION', `delay must be a whole number of minutes from 0 to ${LIMITS.delayMinutes}`, {
      field: 'delayMinutes',
    });
  }
  const target = sessionsInRoom.find((s) => s.id === sessionId);
  if (!target) throw new DomainError('NOT_FOUND', `session ${sessionId} is not in this room`, { sessionId });
  if (target.status === 'cancelled' || target.status === 'ended') {
    throw new DomainError('CONFLICT', `session ${sessionId} is ${target.status}; its delay cannot change`, { sessionId });
  }
  const change = minutes - (target.delayMinutes || 0);
  if (change === 0) return [];
  const timeZone = options.timeZone ?? DEFAULT_TIMEZONE;
  const day = programmeDateOf(target.start, timeZone, options.dayChange);
  const targetStart = toMs(target.start);
  const affected: Session[] = [{ ...target, delayMinutes: minutes }];
  for (const s of sessionsInRoom) {
    if (s.id === target.id || s.roomId !== target.roomId) continue;
    if (s.status === 'cancelled' || s.status === 'ended') continue;
    const start = toMs(s.start);
    // Followers: planned to start later (ties broken by id, for a stable order), same local day.
    const follows = start > targetStart || (start === targetStart && s.id > target.id);
    if (!follows || programmeDateOf(s.start, timeZone, options.dayChange) !== day) continue;
    const delayMinutes = Math.min(LIMITS.delayMinutes, Math.max(0, (s.delayMinutes || 0) + change));
    if (delayMinutes !== s.delayMinutes) affected.push({ ...s, delayMinutes });
  }
  return affected;
}
