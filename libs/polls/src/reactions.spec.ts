import { DomainError } from '@podium/contracts';
import { addReaction, emptyTally, flush, type ReactionTally } from './reactions';

const T = 1_000_000;
function add(t: ReactionTally, sessionId: string, personId: string, kind: string): ReactionTally {
  const r = addReaction(t, sessionId, personId, kind);
  if (r instanceof DomainError) throw r;
  return r;
}

describe('reactions aggregator', () => {
  it('one batch per session per interval with every kind, capped at 3 per person per kind', () => {
    let t = emptyTally(T);
    for (let i = 0; i < 5; i++) t = add(t, 's2', 'p1', 'applause'); // 5 from one person count 3
    t = add(t, 's2', 'p2', 'applause');
    t = add(t, 's2', 'p1', 'heart');
    t = add(t, 's1', 'p3', 'laughter');
    const { batches, next } = flush(t, T + 1_000);
    expect(batches).toEqual([
      { sessionId: 's1', from: T, to: T + 1_000, counts: { applause: 0, heart: 0, laughter: 1, 'thumbs-up': 0, surprise: 0 } },
      { sessionId: 's2', from: T, to: T + 1_000, counts: { applause: 4, heart: 1, laughter: 0, 'thumbs-up': 0, surprise: 0 } },
    ]);
    expect(flush(next, T + 2_000).batches).toEqual([]);
    // The cap is per interval: the next one counts p1 again.
    expect(flush(add(next, 's2', 'p1', 'applause'), T + 2_000).batches[0].counts.applause).toBe(1);
  });

  it('refuses unknown kinds and bad ids, and leaves the tally untouched', () => {
    const t = emptyTally(T);
    const codes = [addReaction(t, 's1', 'p1', 'boo'), addReaction(t, 's 1', 'p1', 'heart'), addReaction(t, 's1', '', 'heart'), addReaction(t, 's1', 'p1', 7)].map((r) => (r instanceof DomainError ? r.details?.field : 'ok'));
    expect(codes).toEqual(['kind', 'sessionId', 'personId', 'kind']);
    expect(t.sessions.size).toBe(0);
  });

  it('is pure: adding returns a new tally, the old one unchanged', () => {
    const t0 = emptyTally(T);
    const t1 = add(t0, 's1', 'p1', 'heart');
    expect(flush(t0, T + 1).batches).toEqual([]);
    expect(flush(t1, T + 1).batches).toHaveLength(1);
  });
});
