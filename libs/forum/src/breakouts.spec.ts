import { DomainError, type ForumActor } from '@podium/contracts';
import { randomGroups } from './breakouts';
import { decide } from './decide';
import { evolve } from './evolve';
import { FORUM_SYSTEM, groupOf, initialForum, nextDeadline, type ForumCommand, type ForumState } from './state';
import { toView } from './view';

const mo: ForumActor = { personId: 'mo', displayName: 'Mo', moderator: true };
const person = (personId: string): ForumActor => ({ personId, displayName: personId.toUpperCase(), moderator: false });
function run(state: ForumState, steps: [ForumCommand, number][]): ForumState {
  for (const [command, at] of steps) {
    const events = decide(state, command, at);
    if (events instanceof DomainError) throw events;
    state = events.reduce(evolve, state);
  }
  return state;
}
const codeOf = (state: ForumState, command: ForumCommand, at = 0) => {
  const r = decide(state, command, at);
  return r instanceof DomainError ? `${r.code}:${String(r.details?.forum ?? r.details?.personId ?? '')}` : 'ok';
};
const sizes = (groups: { personIds: string[] }[]) => groups.map((g) => g.personIds.length);

const forum = run(initialForum('s'), [
  [{ type: 'enter', actor: mo }, 0],
  ...(['a', 'b', 'c', 'd', 'e'] as const).map((id): [ForumCommand, number] => [{ type: 'enter', actor: person(id) }, 0]),
]);

describe('random groups', () => {
  it('splits into groups of N; a last group of one joins the one before; everyone exactly once', () => {
    expect(sizes(randomGroups(['a', 'b', 'c', 'd', 'e'], 2, 7))).toEqual([2, 3]);
    expect(sizes(randomGroups(['a', 'b', 'c', 'd', 'e', 'f'], 2, 7))).toEqual([2, 2, 2]);
    expect(sizes(randomGroups(['a', 'b', 'c', 'd', 'e', 'f', 'g'], 3, 1))).toEqual([3, 4]);
    const all = randomGroups(['a', 'b', 'c', 'd', 'e', 'f', 'g'], 3, 99).flatMap((g) => g.personIds);
    expect([...all].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });

  it('the same seed draws the same groups; named g1, g2, …', () => {
    const one = randomGroups(['a', 'b', 'c', 'd'], 2, 42);
    expect(randomGroups(['a', 'b', 'c', 'd'], 2, 42)).toEqual(one);
    expect(one.map((g) => g.id)).toEqual(['g1', 'g2']);
  });
});

describe('breakouts in a forum', () => {
  const open = run(forum, [[{ type: 'open-breakouts', actor: mo, groupSize: 2, durationSeconds: 600, groups: [['a', 'b'], ['c', 'd', 'e']], seed: 1 }, 1_000]]);

  it('opens the chosen groups with a deadline; the moderator is in none', () => {
    expect(open.breakout!.groups).toEqual([
      { id: 'g1', personIds: ['a', 'b'] },
      { id: 'g2', personIds: ['c', 'd', 'e'] },
    ]);
    expect(nextDeadline(open)).toBe(601_000);
    expect(groupOf(open, 'd')?.id).toBe('g2');
    expect(groupOf(open, 'mo')).toBeUndefined();
  });

  it('a random opening takes everyone but the moderators', () => {
    const s = run(forum, [[{ type: 'open-breakouts', actor: mo, groupSize: 2, durationSeconds: 60, seed: 3 }, 0]]);
    expect(s.breakout!.groups.flatMap((g) => g.personIds).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('refuses a second opening, strangers and doubles in chosen groups, and non-moderators', () => {
    expect(codeOf(open, { type: 'open-breakouts', actor: mo, groupSize: 2, durationSeconds: 60, seed: 1 })).toBe('CONFLICT:breakouts-open');
    expect(codeOf(forum, { type: 'open-breakouts', actor: mo, groupSize: 2, durationSeconds: 60, groups: [['a', 'zz']], seed: 1 })).toBe('NOT_FOUND:zz');
    expect(codeOf(forum, { type: 'open-breakouts', actor: mo, groupSize: 2, durationSeconds: 60, groups: [['a'], ['a', 'b']], seed: 1 })).toBe('VALIDATION:a');
    expect(codeOf(forum, { type: 'open-breakouts', actor: mo, groupSize: 2, durationSeconds: 60, groups: [['mo', 'a']], seed: 1 })).toBe('NOT_FOUND:mo');
    expect(codeOf(forum, { type: 'open-breakouts', actor: person('a'), groupSize: 2, durationSeconds: 60, seed: 1 })).toBe('FORBIDDEN:');
  });

  it('a broadcast reaches every group through the view', () => {
    const s = run(open, [[{ type: 'broadcast', actor: mo, message: 'Noch 2 Minuten' }, 5_000]]);
    expect(toView(s, 6_000).breakout).toEqual({
      groups: [
        { id: 'g1', members: [{ personId: 'a', displayName: 'A' }, { personId: 'b', displayName: 'B' }] },
        { id: 'g2', members: [{ personId: 'c', displayName: 'C' }, { personId: 'd', displayName: 'D' }, { personId: 'e', displayName: 'E' }] },
      ],
      endsAt: 601_000,
      message: 'Noch 2 Minuten',
    });
    expect(codeOf(forum, { type: 'broadcast', actor: mo, message: 'x' })).toBe('CONFLICT:no-breakouts');
  });

  it('the timer closes them when time is up, not before; everyone is back', () => {
    expect(decide(open, { type: 'tick', actor: FORUM_SYSTEM }, 600_999)).toEqual([]);
    const back = run(open, [[{ type: 'tick', actor: FORUM_SYSTEM }, 601_000]]);
    expect(back.breakout).toBeNull();
    expect(nextDeadline(back)).toBeNull();
    expect(back.participants).toHaveLength(6);
  });

  it('a moderator closes them early; someone leaving leaves their group', () => {
    expect(run(open, [[{ type: 'close-breakouts', actor: mo }, 2_000]]).breakout).toBeNull();
    const s = run(open, [[{ type: 'leave', actor: person('a') }, 2_000]]);
    expect(s.breakout!.groups[0].personIds).toEqual(['b']);
  });
});
