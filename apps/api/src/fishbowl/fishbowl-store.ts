import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, type FishbowlEvent, type FishbowlSettings } from '@podium/contracts';
import { decide, evolve, fold, initialState, nextDeadline, SYSTEM_ACTOR, type FishbowlCommand, type FishbowlState } from '@podium/fishbowl';
import { EventLog, isVersionConflict } from './event-log';
import { FishbowlSessions } from './fishbowl-sessions';

/** What a committed batch tells the broadcaster, the timers and the stage. */
export interface Committed {
  sessionId: string;
  /** Version before the first of `events`. */
  from: number;
  events: FishbowlEvent[];
  state: FishbowlState;
}

export interface CommandResult {
  version: number;
  events: FishbowlEvent[];
}

type Job =
  | { kind: 'command'; command: FishbowlCommand; resolve(r: CommandResult): void; reject(e: unknown): void }
  | { kind: 'read'; resolve(s: FishbowlState): void; reject(e: unknown): void };

interface Entry {
  sessionId: string;
  /** Fold of the log up to `state.version`: a cache, the database is the truth. */
  state: FishbowlState;
  jobs: Job[];
  draining: boolean;
  /** The row exists and the first-use settings were considered. */
  ready: boolean;
}

/** Commands per transaction: group commit keeps a burst of asks to a few round trips. */
const MAX_BATCH = 256;
const MAX_CONFLICT_RETRIES = 5;

/**
 * The fishbowls of this process: an in-memory fold per fishbowl, commands serialised per fishbowl by
 * a job queue (per process) and by the fishbowl row's lock (across processes); every transaction
 * first reads what other processes appended, then decides and appends.
 */
@Injectable()
export class FishbowlStore {
  private readonly logger = new Logger('fishbowl');
  private readonly entries = new Map<string, Entry>();
  private readonly listeners: ((c: Committed) => void)[] = [];

  constructor(
    private readonly db: DataSource,
    private readonly sessions: FishbowlSessions,
  ) {}

  onCommitted(listener: (c: Committed) => void): void {
    this.listeners.push(listener);
  }

  /** Runs a command; rejects with the DomainError it caused. The session must be a fishbowl. */
  submit(sessionId: string, command: FishbowlCommand): Promise<CommandResult> {
    return new Promise((resolve, reject) => this.enqueue(sessionId, { kind: 'command', command, resolve, reject }));
  }

  /** The state including every append so far, by any process. */
  current(sessionId: string): Promise<FishbowlState> {
    return new Promise((resolve, reject) => this.enqueue(sessionId, { kind: 'read', resolve, reject }));
  }

  /** The cached state without asking the database (for broadcasts right after a commit). */
  cached(sessionId: string): FishbowlState | undefined {
    return this.entries.get(sessionId)?.state;
  }

  /** The whole log from the database (record and minutes). */
  async log(sessionId: string): Promise<FishbowlEvent[]> {
    return EventLog.after(this.db.manager, sessionId, 0);
  }

  private enqueue(sessionId: string, job: Job): void {
    let entry = this.entries.get(sessionId);
    if (!entry) {
      entry = { sessionId, state: initialState(sessionId), jobs: [], draining: false, ready: false };
      this.entries.set(sessionId, entry);
    }
    entry.jobs.push(job);
    if (!entry.draining) void this.drain(entry);
  }

  private async drain(entry: Entry): Promise<void> {
    entry.draining = true;
    try {
      while (entry.jobs.length > 0) {
        const jobs = entry.jobs.splice(0, MAX_BATCH);
        try {
          const commands = jobs.filter((j) => j.kind === 'command');
          if (!entry.ready) await this.prepare(entry);
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

  private async prepare(entry: Entry): Promise<void> {
    await EventLog.ensure(this.db.manager, entry.sessionId);
  }

  private async catchUp(entry: Entry): Promise<void> {
    const events = await EventLog.after(this.db.manager, entry.sessionId, entry.state.version);
    if (events.length) entry.state = fold(entry.state, events);
  }

  private async write(entry: Entry, jobs: Extract<Job, { kind: 'command' }>[]): Promise<void> {
    const initial = entry.state.version === 0 ? await this.sessions.initialSettings(entry.sessionId) : null;
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await this.db.transaction((m) => this.decideAndAppend(m, entry, jobs, initial));
        entry.state = result.state;
        result.outcomes.forEach((outcome, i) => (outcome instanceof DomainError ? jobs[i].reject(outcome) : jobs[i].resolve(outcome)));
        // After the acks (microtasks) have gone out: a big room's broadcast must not hold the batch's answers back.
        const committed = { sessionId: entry.sessionId, from: result.from, events: result.appended, state: result.state };
        setImmediate(() => this.notify(committed));
        return;
      } catch (error) {
        // Only another writer on the same version causes this (e.g. a process without the row lock): reload and decide again.
        if (isVersionConflict(error) && attempt < MAX_CONFLICT_RETRIES) continue;
        throw error;
      }
    }
  }

  private async decideAndAppend(
    m: import('typeorm').EntityManager,
    entry: Entry,
    jobs: Extract<Job, { kind: 'command' }>[],
    initial: FishbowlSettings | null,
  ) {
    const stored = await EventLog.lock(m, entry.sessionId);
    if (stored > entry.state.version) entry.state = fold(entry.state, await EventLog.after(m, entry.sessionId, entry.state.version));
    if (stored < entry.state.version) throw new Error(`fishbowl ${entry.sessionId}: the log (${stored}) is behind the cache (${entry.state.version})`);
    const from = entry.state.version;
    let state = entry.state;
    const appended: FishbowlEvent[] = [];
    const apply = (events: FishbowlEvent[]) => {
      state = events.reduce(evolve, state);
      appended.push(...events);
    };
    if (state.version === 0 && initial) {
      const boot = decide(state, { type: 'configure', actor: SYSTEM_ACTOR, settings: initial, expectedVersion: 0 }, Date.now());
      if (boot instanceof DomainError) this.logger.warn(`fishbowl ${entry.sessionId}: first-use settings refused: ${boot.message}`);
      else apply(boot);
    }
    const outcomes = jobs.map((job): CommandResult | DomainError => {
      const events = decide(state, job.command, Date.now());
      if (events instanceof DomainError) return events;
      apply(events);
      return { version: state.version, events };
    });
    if (appended.length) await EventLog.append(m, entry.sessionId, from, appended, { status: state.status, nextDeadline: nextDeadline(state) });
    return { from, state, appended, outcomes };
  }

  private notify(committed: Committed): void {
    for (const listener of this.listeners) {
      try {
        listener(committed);
      } catch (error) {
        this.logger.error(`after-commit listener failed: ${(error as Error).stack ?? error}`);
      }
    }
  }
}
