import type { LiveEvent } from './aggregate';
import type { EventLogPort, LogTransaction } from './event-log';

class VersionConflict extends Error {}

interface Row<E> {
  events: E[];
  status: string;
  nextDeadline: number | null;
  /** Tail of the lock chain: transactions on one aggregate run one after another. */
  lock: Promise<void>;
}

/**
 * The log in memory with the same contract as the PostgreSQL one (locks, versions, conflicts):
 * for specs of the store and of any live feature. Not durable, one process only.
 */
export class MemoryEventLog<E extends LiveEvent> implements EventLogPort<E> {
  private readonly rows = new Map<string, Row<E>>();
  /** Transactions started, for specs that count round trips. */
  transactions = 0;

  async ensure(id: string): Promise<void> {
    if (!this.rows.has(id)) this.rows.set(id, { events: [], status: 'new', nextDeadline: null, lock: Promise.resolve() });
  }

  async after(id: string, version: number): Promise<E[]> {
    return this.row(id).events.slice(version);
  }

  async transaction<T>(work: (tx: LogTransaction<E>) => Promise<T>): Promise<T> {
    this.transactions++;
    const releases: (() => void)[] = [];
    const staged: { id: string; from: number; events: readonly E[]; summary: { status: string; nextDeadline: number | null } }[] = [];
    const tx: LogTransaction<E> = {
      lock: async (id) => {
        const row = this.row(id);
        const previous = row.lock;
        let release!: () => void;
        row.lock = new Promise((r) => (release = r));
        releases.push(release);
        await previous;
        return row.events.length;
      },
      after: async (id, version) => this.row(id).events.slice(version),
      append: async (id, from, events, summary) => {
        if (this.row(id).events.length !== from) throw new VersionConflict(`${id}: version ${from + 1} exists`);
        staged.push({ id, from, events, summary });
      },
    };
    try {
      const result = await work(tx);
      for (const s of staged) {
        const row = this.row(s.id);
        if (row.events.length !== s.from) throw new VersionConflict(`${s.id}: version ${s.from + 1} exists`);
        row.events.push(...s.events);
        row.status = s.summary.status;
        row.nextDeadline = s.summary.nextDeadline;
      }
      return result;
    } finally {
      for (const release of releases) release();
    }
  }

  isVersionConflict(error: unknown): boolean {
    return error instanceof VersionConflict;
  }

  async due(until: number): Promise<{ id: string; deadline: number }[]> {
    return [...this.rows.entries()].filter(([, r]) => r.nextDeadline !== null && r.nextDeadline <= until).map(([id, r]) => ({ id, deadline: r.nextDeadline! }));
  }

  /** Appends behind the store's back, as another process would (without its lock). */
  appendDirectly(id: string, events: E[]): void {
    this.row(id).events.push(...events);
  }

  private row(id: string): Row<E> {
    const row = this.rows.get(id);
    if (!row) throw new Error(`${id} has no row`);
    return row;
  }
}
