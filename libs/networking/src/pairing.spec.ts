import { metPairs, pairKey, pairRound, roundAt, type Candidate } from './pairing';

const people = (...ids: string[]): Candidate[] => ids.map((personId) => ({ personId, topics: [] }));
const keys = (groups: string[][]) => [...metPairs(groups)].sort();
const sizes = (groups: string[][]) => groups.map((g) => g.length).sort();
const everyone = (groups: string[][]) => groups.flat().sort();

describe('speed-networking pairs', () => {
  it('four people over three rounds meet all six pairs, nobody twice', () => {
    const met = new Set<string>();
    const seen: string[] = [];
    for (const seed of [11, 12, 13]) {
      const groups = pairRound(people('a', 'b', 'c', 'd'), met, seed);
      expect(sizes(groups)).toEqual([2, 2]);
      for (const k of keys(groups)) {
        expect(met.has(k)).toBe(false);
        met.add(k);
        seen.push(k);
      }
    }
    expect(seen.sort()).toEqual(['a|b', 'a|c', 'a|d', 'b|c', 'b|d', 'c|d']);
  });

  it('six people over five rounds: fifteen different pairs (a full round robin)', () => {
    const met = new Set<string>();
    for (let round = 1; round <= 5; round++) for (const k of keys(pairRound(people('a', 'b', 'c', 'd', 'e', 'f'), met, 100 + round))) met.add(k);
    expect(met.size).toBe(15);
  });

  it('an odd person makes a trio: nobody waits', () => {
    const groups = pairRound(people('a', 'b', 'c', 'd', 'e'), new Set(), 7);
    expect(sizes(groups)).toEqual([2, 3]);
    expect(everyone(groups)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('with a trio too, nobody meets someone twice when a draw avoids it', () => {
    const met = new Set(['a|b', 'c|d']);
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const groups = pairRound(people('a', 'b', 'c', 'd', 'e'), met, seed);
      expect(sizes(groups)).toEqual([2, 3]);
      expect(keys(groups).filter((k) => met.has(k))).toEqual([]);
    }
  });

  it('when a repeat cannot be avoided, people still meet (three people: the same trio)', () => {
    expect(everyone(pairRound(people('a', 'b', 'c'), new Set(['a|b', 'a|c', 'b|c']), 5))).toEqual(['a', 'b', 'c']);
    expect(sizes(pairRound(people('a', 'b', 'c'), new Set(['a|b', 'a|c', 'b|c']), 5))).toEqual([3]);
  });

  it('fewer than two people: no groups', () => {
    expect(pairRound(people('a'), new Set(), 1)).toEqual([]);
    expect(pairRound([], new Set(), 1)).toEqual([]);
  });

  it('by topic: people sharing a topic meet first, whatever the seed', () => {
    const topical: Candidate[] = [
      { personId: 'a', topics: ['Wohnen'] },
      { personId: 'b', topics: ['Arbeit'] },
      { personId: 'c', topics: ['Wohnen', 'Sprache'] },
      { personId: 'd', topics: ['Arbeit'] },
    ];
    for (const seed of [1, 2, 3, 4, 5, 6]) expect(keys(pairRound(topical, new Set(), seed, true))).toEqual(['a|c', 'b|d']);
    // Once they met, new people come before shared topics.
    expect(keys(pairRound(topical, new Set(['a|c', 'b|d']), 9, true))).not.toContain('a|c');
  });

  it('is the same draw for the same seed and input order does not matter; seeds vary the draw', () => {
    const one = pairRound(people('a', 'b', 'c', 'd', 'e', 'f'), new Set(), 42);
    expect(pairRound(people('f', 'e', 'd', 'c', 'b', 'a'), new Set(), 42)).toEqual(one);
    const draws = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => keys(pairRound(people('a', 'b', 'c', 'd', 'e', 'f'), new Set(), seed)).join(' ')));
    expect(draws.size).toBeGreaterThan(1);
  });

  it('pair keys do not depend on the order', () => {
    expect([pairKey('b', 'a'), pairKey('a', 'b')]).toEqual(['a|b', 'a|b']);
    expect([...metPairs([['c', 'a', 'b']])].sort()).toEqual(['a|b', 'a|c', 'b|c']);
  });
});

describe('rounds on the clock', () => {
  it('open until started, then rounds of N minutes, then done', () => {
    expect(roundAt(null, 5, 3, 0)).toEqual({ status: 'open' });
    expect(roundAt(1_000, 5, 3, 1_000)).toEqual({ status: 'running', round: 1, endsAt: 301_000 });
    expect(roundAt(1_000, 5, 3, 300_999)).toEqual({ status: 'running', round: 1, endsAt: 301_000 });
    expect(roundAt(1_000, 5, 3, 301_000)).toEqual({ status: 'running', round: 2, endsAt: 601_000 });
    expect(roundAt(1_000, 5, 3, 900_999)).toEqual({ status: 'running', round: 3, endsAt: 901_000 });
    expect(roundAt(1_000, 5, 3, 901_000)).toEqual({ status: 'done' });
  });
});
