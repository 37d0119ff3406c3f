import { DomainError, type BoothActor } from '@podium/contracts';
import { boothWaitMs, decideBooth, evolveBooth, initialBooth, type BoothCommand, type BoothState } from './booth';

const staff: BoothActor = { personId: 'st', displayName: 'Stefanie Stand', staff: true };
const visitor = (id: string): BoothActor => ({ personId: id, displayName: `V ${id}`, staff: false });
function run(state: BoothState, steps: [BoothCommand, number][]): BoothState {
  for (const [c, at] of steps) {
    const events = decideBooth(state, c, at);
    if (events instanceof DomainError) throw events;
    state = events.reduce(evolveBooth, state);
  }
  return state;
}
const code = (s: BoothState, c: BoothCommand) => {
  const r = decideBooth(s, c, 0);
  return r instanceof DomainError ? `${r.code}:${String(r.details?.market ?? '')}` : 'ok';
};
const ids = (list: { personId: string }[]) => list.map((p) => p.personId);

const open = run(initialBooth('b1'), [
  [{ type: 'set-capacity', actor: staff, capacity: 2 }, 0],
  [{ type: 'staff-enter', actor: staff }, 0],
]);

describe('a booth', () => {
  it('is closed without staff, and only staff staff it', () => {
    expect(code(initialBooth('b1'), { type: 'visit', actor: visitor('a') })).toBe('CONFLICT:closed');
    expect(code(initialBooth('b1'), { type: 'staff-enter', actor: visitor('a') })).toBe('FORBIDDEN:');
  });

  it('lets visitors in while there is room; then they queue first come, first served', () => {
    const s = run(open, [
      [{ type: 'visit', actor: visitor('a') }, 0],
      [{ type: 'visit', actor: visitor('b') }, 0],
      [{ type: 'visit', actor: visitor('c') }, 1],
      [{ type: 'visit', actor: visitor('d') }, 2],
    ]);
    expect(ids(s.visitors)).toEqual(['a', 'b']);
    expect(ids(s.queue)).toEqual(['c', 'd']);
  });

  it('a freed place is not taken past the queue: staff invite the head', () => {
    const s = run(open, [
      [{ type: 'visit', actor: visitor('a') }, 0],
      [{ type: 'visit', actor: visitor('b') }, 0],
      [{ type: 'visit', actor: visitor('c') }, 0],
      [{ type: 'leave', actor: visitor('a') }, 60_000],
      [{ type: 'visit', actor: visitor('e') }, 60_001],
    ]);
    expect(ids(s.visitors)).toEqual(['b']);
    expect(ids(s.queue)).toEqual(['c', 'e']);
    const invited = run(s, [[{ type: 'invite-next', actor: staff }, 61_000]]);
    expect(ids(invited.visitors)).toEqual(['b', 'c']);
    expect(ids(invited.queue)).toEqual(['e']);
    expect(code(invited, { type: 'invite-next', actor: staff })).toBe('CONFLICT:full');
    expect(code(invited, { type: 'invite-next', actor: visitor('b') })).toBe('FORBIDDEN:');
    expect(code(open, { type: 'invite-next', actor: staff })).toBe('CONFLICT:queue-empty');
  });

  it('estimates waits with the fishbowl formula: places as chairs, the average visit as the seating', () => {
    const s = run(open, [
      [{ type: 'visit', actor: visitor('a') }, 0],
      [{ type: 'visit', actor: visitor('b') }, 0],
      [{ type: 'leave', actor: visitor('a') }, 120_000], // one visit of 2 minutes done
    ]);
    // capacity 2, one visitor in: one free place -> the first in the queue waits 0, the second one visit, the fourth two.
    expect([0, 1, 2, 3].map((i) => boothWaitMs(s, i))).toEqual([0, 120_000, 120_000, 240_000]);
  });

  it('leaving the queue counts no visit; visiting twice changes nothing', () => {
    const s = run(open, [
      [{ type: 'visit', actor: visitor('a') }, 0],
      [{ type: 'visit', actor: visitor('b') }, 0],
      [{ type: 'visit', actor: visitor('c') }, 0],
      [{ type: 'leave', actor: visitor('c') }, 5],
    ]);
    expect(s.visitsDone).toBe(0);
    expect(decideBooth(s, { type: 'visit', actor: visitor('a') }, 6)).toEqual([]);
  });
});
