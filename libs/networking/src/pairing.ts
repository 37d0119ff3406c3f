/** Speed networking: who talks with whom in a round. Plain, seeded (the api stores the seed), so a round can be redrawn identically. */
import { seededRandom } from '@podium/random';

export interface Candidate {
  personId: string;
  topics: readonly string[];
}

/** Shuffles tried per round; the draw with the fewest repeated meetings (then most shared topics) wins. */
const TRIES = 24;
/** A repeated meeting costs more than any number of shared topics: new people first, topics second. */
const REPEAT_COST = 1000;

export const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Every pair that met in these groups (a trio is three pairs). */
export function metPairs(groups: readonly (readonly string[])[]): Set<string> {
  const met = new Set<string>();
  for (const g of groups) for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) met.add(pairKey(g[i], g[j]));
  return met;
}


/**
 * Groups of two for one round. Nobody meets someone twice when another draw avoids it; with `byTopic`, people
 * sharing a topic are preferred (after that). An odd person joins the group that suits them best: a trio, so nobody
 * waits out a round. Fewer than two people: no groups.
 */
export function pairRound(people: readonly Candidate[], met: ReadonlySet<string>, seed: number, byTopic = false): string[][] {
  if (people.length < 2) return [];
  const sorted = [...people].sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
  const random = seededRandom(seed);
  let best: { groups: string[][]; cost: number } | null = null;
  for (let t = 0; t < TRIES; t++) {
    const draw = greedy(shuffle(sorted, random), met, byTopic);
    if (!best || draw.cost < best.cost) best = draw;
    if (best.cost === 0 && !byTopic) break; // no repeats and nothing else to prefer
  }
  return best!.groups;
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function cost(a: Candidate, b: Candidate, met: ReadonlySet<string>, byTopic: boolean): number {
  const repeat = met.has(pairKey(a.personId, b.personId)) ? REPEAT_COST : 0;
  const shared = byTopic ? a.topics.filter((x) => b.topics.includes(x)).length : 0;
  return repeat - shared;
}

function greedy(order: Candidate[], met: ReadonlySet<string>, byTopic: boolean): { groups: string[][]; cost: number } {
  const left = [...order];
  const groups: Candidate[][] = [];
  let total = 0;
  while (left.length >= 2) {
    const first = left.shift()!;
    let pick = 0;
    for (let i = 1; i < left.length; i++) if (cost(first, left[i], met, byTopic) < cost(first, left[pick], met, byTopic)) pick = i;
    total += cost(first, left[pick], met, byTopic);
    groups.push([first, left.splice(pick, 1)[0]]);
  }
  if (left.length === 1) {
    const odd = left[0];
    const costs = groups.map((g) => g.reduce((sum, m) => sum + cost(odd, m, met, byTopic), 0));
    const at = costs.indexOf(Math.min(...costs));
    total += costs[at];
    groups[at].push(odd);
  }
  return { groups: groups.map((g) => g.map((c) => c.personId)), cost: total };
}

/** Where a run of rounds stands at `now`: not started, round `round` (1-based) until `endsAt`, or done. */
export function roundAt(startedAt: number | null, minutes: number, rounds: number, now: number): { status: 'open' } | { status: 'running'; round: number; endsAt: number } | { status: 'done' } {
  if (startedAt === null) return { status: 'open' };
  const length = minutes * 60_000;
  const index = Math.floor(Math.max(0, now - startedAt) / length);
  if (index >= rounds) return { status: 'done' };
  return { status: 'running', round: index + 1, endsAt: startedAt + (index + 1) * length };
}
