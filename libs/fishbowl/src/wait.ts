import { averageSeatMs, freeOpenChairs, invitationOf, openChairs } from './queries';
import type { FishbowlState } from './state';

/**
 * Expected wait per queued person, in queue order (ms).
 *   k = open chairs, f = free open chairs (neither occupied nor held), p = waiting people ahead
 *   (invited entries do not count), T = average completed open-chair seating (or the seat limit,
 *   or 180 s, before there is one).
 *   invited or p < f               -> 0
 *   open mode                      -> ceil((p - f + 1) / k) * T
 *   closed mode                    -> time left in the round + floor((p - f) / k) * roundLength
 */
export function expectedWaits(state: FishbowlState, now: number): number[] {
  const k = Math.max(1, openChairs(state).length);
  const f = freeOpenChairs(state).length;
  const seat = averageSeatMs(state);
  let ahead = 0;
  return state.queue.map((entry) => {
    if (invitationOf(state, entry.personId)) return 0;
    const p = ahead++;
    if (p < f) return 0;
    if (state.settings.mode === 'closed') {
      const roundLeft = state.round ? Math.max(0, state.round.endsAt - now) : state.settings.roundLengthMs;
      return roundLeft + Math.floor((p - f) / k) * state.settings.roundLengthMs;
    }
    return Math.ceil((p - f + 1) / k) * seat;
  });
}
