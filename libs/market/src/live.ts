import { DomainError, MARKET_EVENTS, type BoothEvent, type BoothLivePlace, type MarketBoothPayload, type MarketEventName } from '@podium/contracts';
import { boothWaitMs, type BoothState } from './booth';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A person's place at the booth as `/market` pushes it. */
export function livePlace(state: BoothState, personId: string): BoothLivePlace {
  const busy = { boothId: state.boothId, open: state.staff.length > 0, visitors: state.visitors.length, capacity: state.capacity, queue: state.queue.length };
  const index = state.queue.findIndex((q) => q.personId === personId);
  if (index >= 0) return { ...busy, status: 'queued', position: index + 1, expectedWaitMs: boothWaitMs(state, index) };
  const inside = [...state.visitors, ...state.staff].some((p) => p.personId === personId);
  return { ...busy, status: inside ? 'in' : 'out', position: null, expectedWaitMs: null };
}

/**
 * Whose place a commit changed: everyone still waiting (positions and waits move with any change) and
 * everyone the events name (let in, left, queued).
 */
export function placesTouched(state: BoothState, events: readonly BoothEvent[]): string[] {
  const people = new Set(state.queue.map((q) => q.personId));
  for (const e of events) if ('personId' in e) people.add(e.personId);
  return [...people];
}

/** A `/market` payload: exactly `{ boothId }` with a booth id (a UUID). */
export function validateMarketPayload(event: MarketEventName, raw: unknown): MarketBoothPayload | DomainError {
  if (!MARKET_EVENTS.includes(event)) return new DomainError('VALIDATION', `Unknown event ${event}`);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return new DomainError('VALIDATION', 'The payload must be an object');
  const value = raw as Record<string, unknown>;
  for (const key of Object.keys(value)) if (key !== 'boothId') return new DomainError('VALIDATION', `${key}: is not a field of this event`, { field: key });
  if (typeof value.boothId !== 'string' || !UUID.test(value.boothId)) return new DomainError('VALIDATION', 'boothId: must be a booth id', { field: 'boothId' });
  return { boothId: value.boothId.toLowerCase() };
}
