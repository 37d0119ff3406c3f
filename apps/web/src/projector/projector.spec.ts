import type { FishbowlChairView, FishbowlView } from '@podium/contracts';
import { featuredQuestion, nextOf, speakerOf, type ShownQuestion } from './projector';

const occupant = (personId: string, displayName: string, seatedSince: number, speaking = false) => ({
  personId, displayName, where: 'hall' as const, topic: null, seatedSince, endsAt: null, timeLeftMs: null, warning: false, speaking, guest: false, connected: true,
});
const chair = (index: number, occ: ReturnType<typeof occupant> | null, kind: 'fixed' | 'open' = 'open'): FishbowlChairView => ({
  index, kind, fixedRole: kind === 'fixed' ? 'panelist' : null, occupant: occ, heldFor: null,
});
const entry = (personId: string, displayName: string, position: number, invited = false, away = false) => ({
  personId, displayName, where: 'remote' as const, topic: null, askedAt: 0, position, invited, firstTime: true, expectedWaitMs: 0, guest: false, away,
});

function view(over: Partial<FishbowlView>): FishbowlView {
  return { chairs: [], queue: [], invitations: [], queueLength: 0, queueOrder: [], fullQueue: true, ...over } as unknown as FishbowlView;
}

describe('who the projector names as speaking', () => {
  it('the voice marked speaking, even if somebody sat down later', () => {
    const v = view({ chairs: [chair(0, occupant('p1', 'Paula', 1000, true), 'fixed'), chair(1, occupant('g1', 'Gustav', 5000))] });
    expect(speakerOf(v)?.displayName).toBe('Paula');
  });
  it('without a marked voice, the person who sat down last', () => {
    const v = view({ chairs: [chair(0, occupant('p1', 'Paula', 1000), 'fixed'), chair(1, occupant('g1', 'Gustav', 5000)), chair(2, null)] });
    expect(speakerOf(v)).toEqual(expect.objectContaining({ personId: 'g1', displayName: 'Gustav' }));
  });
  it('empty chairs: nobody', () => {
    expect(speakerOf(view({ chairs: [chair(0, null), chair(1, null)] }))).toBeNull();
  });
});

describe('"Als Nächstes"', () => {
  it('an invited person before the head of the queue', () => {
    const v = view({
      queue: [entry('a', 'Anna', 1, true), entry('b', 'Bert', 2)],
      invitations: [{ personId: 'a', displayName: 'Anna', chairIndex: 2, invitedAt: 0, expiresAt: 30_000, timeLeftMs: 30_000, guest: false }],
    });
    expect(nextOf(v)).toEqual({ displayName: 'Anna', invited: true });
  });
  it('the first waiting entry when nobody is invited', () => {
    expect(nextOf(view({ queue: [entry('b', 'Bert', 1), entry('c', 'Clara', 2)] }))).toEqual({ displayName: 'Bert', invited: false });
  });
  it('passes over an entry marked away (auto mode skips it too)', () => {
    expect(nextOf(view({ queue: [entry('a', 'Anna', 1, false, true), entry('b', 'Bert', 2)] }))).toEqual({ displayName: 'Bert', invited: false });
  });
  it('an empty queue: nothing', () => {
    expect(nextOf(view({}))).toBeNull();
  });
});

describe('which question the projector shows large', () => {
  const q = (id: string, status: string, votes: number, pinned = false): ShownQuestion => ({ id, text: `Frage ${id}`, askerName: null, status, pinned, votes, readAloud: false });
  const cases: [string, ShownQuestion[], string | null][] = [
    ['no questions: none', [], null],
    ['only pending, answered and rejected ones: none', [q('a', 'pending', 9, true), q('b', 'answered', 7), q('c', 'rejected', 5)], null],
    ['the approved one with the most votes', [q('a', 'approved', 2), q('b', 'approved', 5), q('c', 'answered', 8)], 'b'],
    ['a tie: the first in the server order', [q('a', 'approved', 3), q('b', 'approved', 3)], 'a'],
    ['a pinned approved one beats more votes', [q('a', 'approved', 9), q('b', 'approved', 1, true)], 'b'],
    ['a pinned pending one is not shown', [q('a', 'pending', 0, true), q('b', 'approved', 1)], 'b'],
    ['several pinned: the first in the server order', [q('a', 'approved', 0, true), q('b', 'approved', 4, true)], 'a'],
  ];
  it.each(cases)('%s', (_name, questions, expected) => {
    expect(featuredQuestion(questions)?.id ?? null).toBe(expected);
  });
});
