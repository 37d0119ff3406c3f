import type { LiveEvent } from './aggregate';

/** The log inside one transaction that holds the aggregate's lock. */
export interface LogTransaction<E extends LiveEvent> {
  /** Locks the aggregate (serialises writers across processes) and returns its stored version. */
  lock(id: string): Promise<number>;
  /** Events after `version`, in order, without gaps. */
  after(id: string, version: number): Promise<E[]>;
  /** Appends events as versions from+1..; a concurrent append of the same version fails with a version conflict. */
  append(id: string, from: number, events: readonly E[], summary: { status: string; nextDeadline: number | null }): Promise<void>;
}

/** The append-only log with optimistic versions, as the store needs it (PostgreSQL at the edge, memory in specs). */
export interface EventLogPort<E extends LiveEvent> {
  /** Creates the aggregate's row on first use; safe to race. */
  ensure(id: string): Promise<void>;
  /** Events after `version`, outside any transaction. */
  after(id: string, version: number): Promise<E[]>;
  transaction<T>(work: (tx: LogTransaction<E>) => Promise<T>): Promise<T>;
  /** True when another writer appended the same version first: the store reloads and decides again. */
  isVersionConflict(error: unknown): boolean;
  /** Aggregates whose next deadline falls before `until`: the timers' sweep. */
  due(until: number): Promise<{ id: string; deadline: number }[]>;
}
