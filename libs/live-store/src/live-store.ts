import { DomainError } from '@podium/contracts';
import { foldWith, type Aggregate, type LiveEvent, type Versioned } from './aggregate';
import type { EventLogPort, LogTransaction } from './event-log';

/** What a committed batch tells the after-commit listeners (broadcast, timers, side effects). */
export interface Committed<S, E> {
  id: string;
  /** Version before the first of `events`. */
  from: number;
  events: E[];
  state: S;
}

export interface CommandResult<E> {
  version: number;
  events: E[];
}

/** Where the store reports what it cannot throw to a caller. */
export interface StoreLogger {
  warn(message: string): void;
  error(message: string): void;
}

export interface LiveStoreOptions<S extends Versioned, C, E extends LiveEvent> {
  /** Names the aggregate in messages, e.g. 'fishbowl'. */
  name: string;
  aggregate: Aggregate<S, C, E>;
  log: EventLogPort<E>;
  logger: StoreLogger;
  /** A command decided before the first one on an empty log (first-use settings); a refusal is only logged. */
  boot?: (id: string) => Promise<C | null>;
  /** Commands per transaction: group commit keeps a burst to a few round trips. */
  maxBatch?: number;
  maxConflictRetries?: number;
  now?: () => number;
}

type Job<S, C, E> =
  | { kind: 'command'; command: C; resolve(r: CommandResult<E>): void; reject(e: unknown): void }
  | { kind: 'read'; resolve(s: S): void; reject(e: unknown): void };
type CommandJob<S, C, E> = Extract<Job<S, C, E>, { kind: 'command' }>;

interface Entry<S, C, E> {
  id: string;
  /** Fold of the log up to `state.version`: a cache, the log is the truth. */
  state: S;
  jobs: Job<S, C, E>[];
  draining: boolean;
  /** The row exists and the first-use command was considered. */
  ready: boolean;
}

/**
 * The live aggregates of this process: an in-memory fold per aggregate, commands serialised per
 * aggregate by a job queue (per process) and by the log's lock (across processes), many commands per
 * transaction (group commit); every transaction first reads what other processes appended, then
 * decides and appends. Listeners run after the commit, after the acks.
 */
export class LiveStore<S extends Versioned, C, E extends LiveEvent> {
  private readonly entries = new Map<string, Entry<S, C, E>>();
  private readonly listeners: ((c: Committed<S, E>) => void)[] = [];
  private readonly fold: (s: S, events: readonly E[]) => S;
  private readonly maxBatch: number;
  private readonly maxRetries: number;
  private readonly now: () => number;

  constructor(private readonly options: LiveStoreOptions<S, C, E>) {
    this.fold = foldWith(options.aggregate.evolve);
    this.maxBatch = options.maxBatch ?? 256;
    this.maxRetries = options.maxConflictRetries ?? 5;
    this.now = options.now ?? Date.now;
  }

  onCommitted(listener: (c: Committed<S, E>) => void): void {
    this.listeners.push(listener);
  }

  /** Runs a command; rejects with the DomainError it caused. */
  submit(id: string, command: C): Promise<CommandResult<E>> {
    return new Promise((resolve, reject) => this.enqueue(id, { kind: 'command', command, resolve, reject }));
  }

  /** The state including every append so far, by any process: the full state on join and reconnect. */
  current(id: string): Promise<S> {
    return new Promise((resolve, reject) => this.enqueue(id, { kind: 'read', resolve, reject }));
  }

  /** The cached state without asking the log (for broadcasts right after a commit). */
  cached(id: string): S | undefined {
    return this.entries.get(id)?.state;
  }

  /** The whole log (records, minutes). */
  log(id: string): Promise<E[]> {
    return this.options.log.after(id, 0);
  }

  /** Aggregates whose next deadline (set by any process) falls before `until`: for the timers' sweep. */
  due(until: number): Promise<{ id: string; deadline: number }[]> {
    return this.options.log.due(until);
  }

  private enqueue(id: string, job: Job<S, C, E>): void {
    let entry = this.entries.get(id);
    if (!entry) {
      entry = { id, state: this.options.aggregate.initial(id), jobs: [], draining: false, ready: false };
      this.entries.set(id, entry);
    }
    entry.jobs.push(job);
    if (!entry.draining) void this.drain(entry);
  }

  private async drain(entry: Entry<S, C, E>): Promise<void> {
    entry.draining = true;
    try {
      while (entry.jobs.length > 0) {
        const jobs = entry.jobs.splice(0, this.maxBatch);
        try {
          const commands = jobs.filter((j): j is CommandJob<S, C, E> => j.kind === 'command');
          if (!entry.ready) await this.options.log.ensure(entry.id);
          if (commands.length > 0 || (entry.state.version === 0 && !entry.ready)) await this.write(entry, commands);
          else await this.catchUp(entry);
          entry.ready = true;
          for (const job of jobs) if (job.kind === 'read') job.resolve(entry.state);
        } catch (error) {
          // Reads and commands not yet settled get the error; the cache stays as committed.
          for (const job of jobs) job.reject(error);
        }
      }
    } finally {
      entry.draining = false;
    }
  }

  private async catchUp(entry: Entry<S, C, E>): Promise<void> {
    const events = await this.options.log.after(entry.id, entry.state.version);
    if (events.length) entry.state = this.fold(entry.state, events);
  }

  private async write(entry: Entry<S, C, E>, jobs: CommandJob<S, C, E>[]): Promise<void> {
    const boot = entry.state.version === 0 && this.options.boot ? await this.options.boot(entry.id) : null;
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await this.options.log.transaction((tx) => this.decideAndAppend(tx, entry, jobs, boot));
        entry.state = result.state;
        result.outcomes.forEach((outcome, i) => (outcome instanceof DomainError ? jobs[i].reject(outcome) : jobs[i].resolve(outcome)));
        // After the acks (microtasks) have gone out: a big room's broadcast must not hold the batch's answers back.
        const committed = { id: entry.id, from: result.from, events: result.appended, state: result.state };
        setImmediate(() => this.notify(committed));
        return;
      } catch (error) {
        // Only another writer on the same version causes this (e.g. a process without the lock): reload and decide again.
        if (this.options.log.isVersionConflict(error) && attempt < this.maxRetries) continue;
        throw error;
      }
    }
  }

  private async decideAndAppend(tx: LogTransaction<E>, entry: Entry<S, C, E>, jobs: CommandJob<S, C, E>[], boot: C | null) {
    const { aggregate, name } = this.options;
    const stored = await tx.lock(entry.id);
    if (stored > entry.state.version) entry.state = this.fold(entry.state, await tx.after(entry.id, entry.state.version));
    if (stored < entry.state.version) throw new Error(`${name} ${entry.id}: the log (${stored}) is behind the cache (${entry.state.version})`);
    const from = entry.state.version;
    let state = entry.state;
    const appended: E[] = [];
    const apply = (events: E[]) => {
      state = this.fold(state, events);
      appended.push(...events);
    };
    if (state.version === 0 && boot !== null) {
      const booted = aggregate.decide(state, boot, this.now());
      if (booted instanceof DomainError) this.options.logger.warn(`${name} ${entry.id}: first-use command refused: ${booted.message}`);
      else apply(booted);
    }
    const outcomes = jobs.map((job): CommandResult<E> | DomainError => {
      const events = aggregate.decide(state, job.command, this.now());
      if (events instanceof DomainError) return events;
      apply(events);
      return { version: state.version, events };
    });
    if (appended.length) await tx.append(entry.id, from, appended, aggregate.summary(state));
    return { from, state, appended, outcomes };
  }

  private notify(committed: Committed<S, E>): void {
    for (const listener of this.listeners) {
      try {
        listener(committed);
      } catch (error) {
        this.options.logger.error(`after-commit listener failed: ${(error as Error).stack ?? error}`);
      }
    }
  }
}
