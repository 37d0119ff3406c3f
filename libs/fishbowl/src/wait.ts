import { expectedWaitMs, type FishbowlWaitInputs } from '@podium/contracts';
import { averageSeatMs, freeOpenChairs, invitationOf, openChairs } from './queries';
import type { FishbowlState } from './state';

/** The inputs of the expected-wait formula for a state at `now` (the same the view carries). */
export function waitInputs(state: FishbowlState, now: number): FishbowlWaitInputs {
  return {
    mode: state.settings.mode,
    openChairs: openChairs(state).length,
    freeOpenChairs: freeOpenChairs(state).length,
    averageSeatMs: averageSeatMs(state),
    roundLeftMs: state.round ? Math.max(0, state.round.endsAt - now) : state.settings.roundLengthMs,
    roundLengthMs: state.settings.roundLengthMs,
  };
}

/**
 * Expected wait per queued person, in queue order (ms), by `expectedWaitMs` from `@podium/contracts`
 * (the browser computes its own place with the same function):
 *   k = open chairs, f = free open chairs (neither occupied nor held), p = waiting people ahead
 *   (invited entries do not count), T = average completed open-chair seating (or the seat limit,
 *   or 180 s, before there is one).
 *   invited or p < f               -> 0
 *   open mode                      -> ceil((p - f + 1) / k) * T
 *   closed mode                    -> time left in the round + floor((p - f) / k) * roundLength
 */
export function expectedWaits(state: FishbowlState, now: number, count = state.queue.length): number[] {
  const inputs = waitInputs(state, now);
  let ahead = 0;
  return state.queue.slice(0, count).map((entry) => (invitationOf(state, entry.personId) ? 0 : expectedWaitMs(inputs, ahead++)));
}
