import { DomainError } from '@podium/contracts';
import { invalid } from './errors';
import { isId } from './rules';

/** The reactions a client may send. */
export const REACTION_KINDS = ['applause', 'heart', 'laughter', 'thumbs-up', 'surprise'] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];

/** How often the edge flushes: one message per session per interval, never one per reaction. */
export const REACTION_INTERVAL_MS = 1_000;
/** A person's reactions beyond this many per kind per interval are dropped (a held-down key counts as a few). */
export const REACTIONS_PER_PERSON_PER_INTERVAL = 3;

interface SessionTally {
  counts: Partial<Record<ReactionKind, number>>;
  /** `${personId}/${kind}` -> reactions counted this interval. */
  perPerson: Map<string, number>;
}

/** All sessions' counts for the interval that began at `from`. */
export interface ReactionTally {
  from: number;
  sessions: Map<string, SessionTally>;
}

/** What the edge broadcasts to a session's room once per interval. */
export interface ReactionBatch {
  sessionId: string;
  from: number;
  to: number;
  /** Every kind, 0 included, so a client need not know which kinds exist. */
  counts: Record<ReactionKind, number>;
}

export const emptyTally = (from: number): ReactionTally => ({ from, sessions: new Map() });

/**
 * Counts one reaction. Returns the new tally, the same one when the person's cap for this kind is
 * reached (dropped silently: no error to flood back), or a VALIDATION error for bad input.
 */
export function addReaction(tally: ReactionTally, sessionId: string, personId: string, kind: unknown): ReactionTally | DomainError {
  if (!isId(sessionId)) return invalid('sessionId', 'must be an id');
  if (!isId(personId)) return invalid('personId', 'must be an id');
  if (!(REACTION_KINDS as readonly unknown[]).includes(kind)) return invalid('kind', `must be one of ${REACTION_KINDS.join(', ')}`);
  const k = kind as ReactionKind;
  const old: SessionTally = tally.sessions.get(sessionId) ?? { counts: {}, perPerson: new Map() };
  const key = `${personId}/${k}`;
  const mine = old.perPerson.get(key) ?? 0;
  if (mine >= REACTIONS_PER_PERSON_PER_INTERVAL) return tally;
  const next: SessionTally = { counts: { ...old.counts, [k]: (old.counts[k] ?? 0) + 1 }, perPerson: new Map(old.perPerson).set(key, mine + 1) };
  return { from: tally.from, sessions: new Map(tally.sessions).set(sessionId, next) };
}

/** Ends the interval at `to`: one batch per session that had reactions (sorted by session id), and an empty tally from `to`. */
export function flush(tally: ReactionTally, to: number): { batches: ReactionBatch[]; next: ReactionTally } {
  const batches = [...tally.sessions.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([sessionId, s]) => ({
      sessionId,
      from: tally.from,
      to,
      counts: Object.fromEntries(REACTION_KINDS.map((k) => [k, s.counts[k] ?? 0])) as Record<ReactionKind, number>,
    }));
  return { batches, next: emptyTally(to) };
}
