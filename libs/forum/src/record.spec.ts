import type { ForumActor, ForumEvent } from '@podium/contracts';
import { buildForumRecord } from './record';

const mo: ForumActor = { personId: 'mo', displayName: 'Mo', moderator: true };
const at = (seconds: number) => Date.UTC(2026, 10, 30, 14, 0, seconds);
type Bare = ForumEvent extends infer E ? (E extends ForumEvent ? Omit<E, 'actor'> : never) : never;
const e = (event: Bare): ForumEvent => ({ ...event, actor: mo }) as ForumEvent;

describe('forum record', () => {
  it('adds up attendance, turns, speaking time, hands, breakouts and mutes from the log', () => {
    const record = buildForumRecord('s1', [
      e({ type: 'entered', at: at(0), personId: 'a', displayName: 'Ada', moderator: false, right: 'slot' }),
      e({ type: 'entered', at: at(5), personId: 'b', displayName: 'Ben', moderator: false, right: null }),
      e({ type: 'hand-raised', at: at(10), personId: 'b' }),
      e({ type: 'floor-given', at: at(20), personId: 'b' }),
      e({ type: 'floor-ended', at: at(50), personId: 'b', spokeMs: 30_000, right: null }),
      e({ type: 'muted', at: at(51), personId: null }),
      e({ type: 'breakouts-opened', at: at(52), groups: [{ id: 'g1', personIds: ['a', 'b'] }], endsAt: at(59) }),
      e({ type: 'breakouts-closed', at: at(59), reason: 'time-up' }),
      e({ type: 'left', at: at(58), personId: 'a' }),
      e({ type: 'removed', at: at(59), personId: 'b' }),
    ]);
    expect(record).toEqual({
      sessionId: 's1',
      people: [
        { personId: 'a', displayName: 'Ada', firstEnteredAt: '2026-11-30T14:00:00.000Z', lastLeftAt: '2026-11-30T14:00:58.000Z', turns: 0, speakingMs: 0, handsRaised: 0, removed: false },
        { personId: 'b', displayName: 'Ben', firstEnteredAt: '2026-11-30T14:00:05.000Z', lastLeftAt: '2026-11-30T14:00:59.000Z', turns: 1, speakingMs: 30_000, handsRaised: 1, removed: true },
      ],
      breakouts: [{ openedAt: '2026-11-30T14:00:52.000Z', groups: 1, closedAt: '2026-11-30T14:00:59.000Z', reason: 'time-up' }],
      mutes: 1,
    });
  });
});
