import { DomainError, type BoothActor } from '@podium/contracts';
import { decideBooth, evolveBooth, initialBooth, type BoothCommand, type BoothState } from './booth';
import { livePlace, placesTouched, validateMarketPayload } from './live';

const staff: BoothActor = { personId: 'st', displayName: 'Stefanie Stand', staff: true };
const visitor = (id: string): BoothActor => ({ personId: id, displayName: `V ${id}`, staff: false });
function step(state: BoothState, c: BoothCommand, at: number) {
  const events = decideBooth(state, c, at);
  if (events instanceof DomainError) throw events;
  return { state: events.reduce(evolveBooth, state), events };
}
let s = step(initialBooth('b1'), { type: 'set-capacity', actor: staff, capacity: 2 }, 0).state;
s = step(s, { type: 'staff-enter', actor: staff }, 0).state;
for (const id of ['a', 'b', 'c', 'd']) s = step(s, { type: 'visit', actor: visitor(id) }, 0).state;

describe('a booth place as /market pushes it', () => {
  it('gives each person their own: in, queued with position and wait, or out', () => {
    const busy = { boothId: 'b1', open: true, visitors: 2, capacity: 2, queue: 2 };
    expect(livePlace(s, 'a')).toEqual({ ...busy, status: 'in', position: null, expectedWaitMs: null });
    expect(livePlace(s, 'st')).toEqual({ ...busy, status: 'in', position: null, expectedWaitMs: null });
    // No visit finished yet: the 5-minute default; both places taken, so the head waits one visit.
    expect(livePlace(s, 'c')).toEqual({ ...busy, status: 'queued', position: 1, expectedWaitMs: 300_000 });
    expect(livePlace(s, 'd')).toEqual({ ...busy, status: 'queued', position: 2, expectedWaitMs: 300_000 });
    expect(livePlace(s, 'z')).toEqual({ ...busy, status: 'out', position: null, expectedWaitMs: null });
  });

  it('a move touches everyone waiting and whoever the events name', () => {
    const left = step(s, { type: 'leave', actor: visitor('a') }, 60_000);
    expect(placesTouched(left.state, left.events).sort()).toEqual(['a', 'c', 'd']);
    const invited = step(left.state, { type: 'invite-next', actor: staff }, 61_000);
    expect(placesTouched(invited.state, invited.events).sort()).toEqual(['c', 'd']);
    expect(livePlace(invited.state, 'c').status).toBe('in');
    expect(livePlace(invited.state, 'd')).toMatchObject({ status: 'queued', position: 1 });
  });
});

describe('/market payloads', () => {
  const id = '11111111-1111-4111-8111-111111111111';
  it.each([
    [{ boothId: id }, 'ok'],
    [{ boothId: id.toUpperCase() }, 'ok'],
    [{ boothId: 'stand-1' }, 'VALIDATION:boothId'],
    [{}, 'VALIDATION:boothId'],
    [{ boothId: id, personId: id }, 'VALIDATION:personId'],
    [null, 'VALIDATION:'],
    [[id], 'VALIDATION:'],
  ])('%j -> %s', (raw, expected) => {
    const r = validateMarketPayload('market:follow', raw);
    expect(r instanceof DomainError ? `${r.code}:${String(r.details?.field ?? '')}` : 'ok').toBe(expected);
  });
  it('lower-cases the id', () => {
    expect(validateMarketPayload('market:unfollow', { boothId: id.toUpperCase() })).toEqual({ boothId: id });
  });
});
