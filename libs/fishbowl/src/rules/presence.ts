import type { DomainError, FishbowlEvent } from '@podium/contracts';
import type { ReportPresenceCommand, SubstituteCommand } from '../commands';
import { conflict, invalid, notFound } from '../errors';
import { isConnected, isTracked, queueEntryOf } from '../queries';
import { isId } from '../settings';
import type { FishbowlState } from '../state';

type Result = FishbowlEvent[] | DomainError;

/** Defaults of the edge's presence times: away after 60 s gone, dropped from the queue 120 s later. */
export const PRESENCE_DEFAULTS = Object.freeze({ awayAfterMs: 60_000, removeAfterMs: 120_000 });
const MAX_MS = 86_400_000;

/**
 * The edge reports that a person's connections came or all went. Only queued, seated and fixed people
 * are tracked and only changes are recorded, so viewers coming and going write nothing.
 */
export function reportPresence(s: FishbowlState, c: ReportPresenceCommand, now: number): Result {
  if (!isId(c.personId)) return invalid('personId', 'must be a non-empty id');
  if (typeof c.present !== 'boolean') return invalid('present', 'must be true or false');
  const awayAfterMs = c.awayAfterMs ?? PRESENCE_DEFAULTS.awayAfterMs;
  const removeAfterMs = c.removeAfterMs ?? PRESENCE_DEFAULTS.removeAfterMs;
  for (const [field, value] of [['awayAfterMs', awayAfterMs], ['removeAfterMs', removeAfterMs]] as const) {
    if (!Number.isSafeInteger(value) || value < 0 || value > MAX_MS) return invalid(field, `must be an integer from 0 to ${MAX_MS}`);
  }
  if (s.status === 'ended' || !isTracked(s, c.personId)) return [];
  const connected = isConnected(s, c.personId);
  if (c.present === connected) return [];
  const base = { at: now, actor: c.actor, personId: c.personId };
  if (c.present) return [{ ...base, type: 'presence-returned' }];
  return [{ ...base, type: 'presence-lost', awayAt: now + awayAfterMs, removeAt: now + awayAfterMs + removeAfterMs }];
}

/**
 * A moderator seats a queued person on the fixed chair of a panelist who is not connected; naming the
 * panelist hands the chair back. The substitute keeps the chair without a time limit, like the panelist.
 */
export function substitute(s: FishbowlState, c: SubstituteCommand, now: number): Result {
  if (s.status !== 'running') return conflict('NOT_RUNNING', 'The fishbowl is not running');
  const chair = s.chairs[c.chairIndex];
  if (!chair || chair.kind !== 'fixed' || !chair.fixed) return invalid('chairIndex', 'must be a fixed chair');
  const fixed = chair.fixed;
  const base = { type: 'substitute-seated' as const, at: now, actor: c.actor, chairIndex: chair.index, replaces: chair.occupant?.personId ?? null };
  if (c.personId === fixed.personId) {
    if (chair.occupant?.personId === fixed.personId) return conflict('ALREADY_SEATED', 'The panelist is on their chair');
    return [{ ...base, personId: fixed.personId, displayName: fixed.displayName }];
  }
  if (isConnected(s, fixed.personId)) return conflict('SEAT_TAKEN', 'The panelist is connected: their chair is not free');
  const entry = queueEntryOf(s, c.personId);
  if (!entry) return notFound('NOT_QUEUED', 'Only people in the queue can stand in', { personId: c.personId });
  return [{ ...base, personId: entry.personId, displayName: entry.displayName }];
}
