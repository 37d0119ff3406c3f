import type { FishbowlEvent } from '@podium/contracts';
import { SYSTEM_ACTOR } from './commands';
import { evolve } from './evolve';
import { rotationSuggestion } from './policies';
import { freeOpenChairs, waiting } from './queries';
import type { FishbowlState } from './state';

/**
 * Auto mode's reactions after any command: confirm a due rotation (open mode), then invite the
 * head of the waiting queue to each free open chair. Repeats until nothing is left to do.
 */
export function autoReactions(state: FishbowlState, now: number): FishbowlEvent[] {
  const events: FishbowlEvent[] = [];
  let s = state;
  // Each step frees or holds a chair, so chairCount * 2 + 2 steps always reach the fixpoint.
  for (let step = 0; step < state.chairs.length * 2 + 2; step++) {
    const event = nextReaction(s, now);
    if (!event) break;
    events.push(event);
    s = evolve(s, event);
  }
  return events;
}

function nextReaction(s: FishbowlState, now: number): FishbowlEvent | null {
  if (!s.settings.auto || s.status !== 'running') return null;
  const rotation = rotationSuggestion(s, now);
  if (rotation && rotation.dueAt <= now) {
    return { type: 'left-chair', at: now, actor: SYSTEM_ACTOR, personId: rotation.personId, chairIndex: rotation.chairIndex, reason: 'rotation' };
  }
  const chair = freeOpenChairs(s)[0];
  const head = waiting(s)[0];
  if (!chair || !head) return null;
  return { type: 'guest-invited', at: now, actor: SYSTEM_ACTOR, personId: head.personId, chairIndex: chair.index, expiresAt: now + s.settings.invitationTimeoutMs };
}
