import type { FishbowlView } from '@podium/contracts';
import { nextActionOf } from './NextAction';

const entry = (personId: string, displayName: string, away: boolean) => ({
  personId, displayName, where: 'remote' as const, topic: null, askedAt: 0, position: 1, invited: false, firstTime: true, expectedWaitMs: 0, guest: false, away,
});
const view = (queue: ReturnType<typeof entry>[]) =>
  ({ status: 'running', rotation: null, chairs: [{ index: 0, kind: 'open', fixedRole: null, occupant: null, heldFor: null }], queue }) as unknown as FishbowlView;

describe('the next action with people marked away', () => {
  it('invites the first entry that is not away', () => {
    expect(nextActionOf(view([entry('a', 'Anna', true), entry('b', 'Bert', false)]))).toEqual({ kind: 'invite', personId: 'b', name: 'Bert' });
  });
  it('offers nothing when everyone waiting is away', () => {
    expect(nextActionOf(view([entry('a', 'Anna', true)]))).toEqual({ kind: 'none' });
  });
});
