import type { FishbowlRotationPolicy } from '@podium/contracts';
import { isAway, openChairs, openOccupants, speakingMsAt, hasSat, someonePresentQueued } from './queries';
import type { FishbowlState, QueueEntry } from './state';

// ---------------------------------------------------------------- queue order

/**
 * The policy's sort key for a queue entry (lower goes first). Queued people are never seated, so
 * their key does not change while they wait: the order is decided once, on arrival.
 */
export function queueKey(state: FishbowlState, personId: string): number {
  switch (state.settings.queuePolicy) {
    case 'first-time-first':
      return hasSat(state, personId) ? 1 : 0;
    case 'least-speaking-time':
      return speakingMsAt(state, personId, state.lastEventAt);
    default:
      return 0;
  }
}

/**
 * Where a newcomer goes: right after the last entry whose key is not worse, so nobody with an equal or
 * better key is overtaken (fifo within a key), and a moderator's manual moves stay in place.
 */
export function insertIndex(state: FishbowlState, personId: string): number {
  const key = queueKey(state, personId);
  for (let i = state.queue.length - 1; i >= 0; i--) {
    if (queueKey(state, state.queue[i].personId) <= key) return i + 1;
  }
  return 0;
}

/** After a policy change: stable sort by the new key (equal keys keep their current order). */
export function sortQueue(state: FishbowlState): QueueEntry[] {
  const keys = new Map(state.queue.map((e) => [e.personId, queueKey(state, e.personId)]));
  return [...state.queue].sort((a, b) => keys.get(a.personId)! - keys.get(b.personId)!);
}

// ---------------------------------------------------------------- rotation (open mode)

export interface RotationSuggestion {
  personId: string;
  displayName: string;
  chairIndex: number;
  policy: FishbowlRotationPolicy;
  /** When auto mode carries it out: once the person has sat `rotationGraceMs`. */
  dueAt: number;
}

/**
 * Open mode: when every open chair is occupied and someone waits, one guest should leave.
 * Guests seated at least `rotationGraceMs` are preferred; among them the policy picks
 * (longest current seating, or most speaking time in this fishbowl); ties go to the lower chair.
 */
export function rotationSuggestion(state: FishbowlState, now: number): RotationSuggestion | null {
  if (state.status !== 'running' || state.settings.mode !== 'open') return null;
  // Nobody rotates out for people who are away.
  if (!someonePresentQueued(state)) return null;
  if (openChairs(state).some((c) => !c.occupant)) return null;
  const candidates = openOccupants(state);
  if (candidates.length === 0) return null;
  const grace = state.settings.rotationGraceMs;
  const eligible = candidates.filter(({ occupant }) => occupant.since + grace <= now);
  const pool = eligible.length > 0 ? eligible : candidates;
  const policy = state.settings.rotationPolicy;
  const score = ({ occupant }: (typeof pool)[number]) =>
    policy === 'most-speaking-time' ? -speakingMsAt(state, occupant.personId, now) : occupant.since;
  const best = pool.reduce((a, b) => (score(b) < score(a) || (score(b) === score(a) && b.occupant.since < a.occupant.since) ? b : a));
  return {
    personId: best.occupant.personId,
    displayName: best.occupant.displayName,
    chairIndex: best.chair.index,
    policy,
    dueAt: best.occupant.since + grace,
  };
}

/** The earliest moment any open-chair guest becomes eligible for rotation (for the timer). */
export function rotationEligibleAt(state: FishbowlState): number | null {
  const times = openOccupants(state).map(({ occupant }) => occupant.since + state.settings.rotationGraceMs);
  return times.length ? Math.min(...times) : null;
}
