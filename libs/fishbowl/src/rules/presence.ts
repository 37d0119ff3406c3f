import type { DomainError, FishbowlEvent } from '@podium/contracts';
import type { ReportPresenceCommand } from '../commands';
import { invalid } from '../errors';
import { isConnected, isTracked } from '../queries';
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
