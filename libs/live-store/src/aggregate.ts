import type { DomainError } from '@podium/contracts';

/** What every logged event carries; the rest of an event is its payload. */
export interface LiveEvent {
  type: string;
  /** Epoch milliseconds. */
  at: number;
  actor: unknown;
}

/** A live aggregate's state: a fold of its log, `version` = events folded so far. */
export interface Versioned {
  version: number;
}

/**
 * A live feature's rules, plugged into the store: pure functions, no I/O, time passed in.
 * `evolve` must add 1 to `version` per event (the log's versions are the state's).
 */
export interface Aggregate<S extends Versioned, C, E extends LiveEvent> {
  initial(id: string): S;
  decide(state: S, command: C, now: number): E[] | DomainError;
  evolve(state: S, event: E): S;
  /** What the aggregate's row keeps beside the version: a status and the next deadline (null = no timer). */
  summary(state: S): { status: string; nextDeadline: number | null };
}

export const foldWith =
  <S extends Versioned, E extends LiveEvent>(evolve: (s: S, e: E) => S) =>
  (state: S, events: readonly E[]): S =>
    events.reduce(evolve, state);
