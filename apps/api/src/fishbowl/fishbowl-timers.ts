import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@podium/contracts';
import { nextDeadline, SYSTEM_ACTOR } from '@podium/fishbowl';
import { EventLog } from './event-log';
import { FishbowlStore } from './fishbowl-store';

/** How often every process looks for deadlines set by others (or by a process that died). */
const SWEEP_MS = 2000;
/** setTimeout's limit is ~24.8 days; far deadlines are re-armed by the sweep anyway. */
const MAX_DELAY_MS = 3_600_000;
/** A tick at an overdue deadline that changed nothing must not spin. */
const IDLE_BACKOFF_MS = 1000;

interface Armed {
  at: number;
  timer: NodeJS.Timeout;
}

/**
 * One timer per active fishbowl at nextDeadline(state), sending `tick` as the system. Several
 * processes may tick the same deadline: ticks go through the locked command path, so the second
 * one sees the first's events and appends nothing.
 */
@Injectable()
export class FishbowlTimers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('fishbowl');
  private readonly armed = new Map<string, Armed>();
  private sweeper: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly store: FishbowlStore,
    private readonly db: DataSource,
  ) {
    store.onCommitted(({ sessionId, state }) => this.arm(sessionId, nextDeadline(state), true));
  }

  onApplicationBootstrap(): void {
    void this.sweep();
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_MS);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    this.stopped = true;
    if (this.sweeper) clearInterval(this.sweeper);
    for (const a of this.armed.values()) clearTimeout(a.timer);
    this.armed.clear();
  }

  /** Arms the fishbowl's timer; `replace` (after our own commit) moves it later too, the sweep only earlier. */
  arm(sessionId: string, at: number | null, replace: boolean): void {
    const current = this.armed.get(sessionId);
    if (current && !replace && current.at <= (at ?? Infinity)) return;
    if (current) clearTimeout(current.timer);
    this.armed.delete(sessionId);
    if (at === null || this.stopped) return;
    const delay = Math.min(MAX_DELAY_MS, Math.max(0, at - Date.now()));
    const timer = setTimeout(() => void this.tick(sessionId, at), delay);
    this.armed.set(sessionId, { at, timer });
  }

  private async tick(sessionId: string, at: number): Promise<void> {
    this.armed.delete(sessionId);
    try {
      const result = await this.store.submit(sessionId, { type: 'tick', actor: SYSTEM_ACTOR });
      if (result.events.length === 0 && at <= Date.now()) {
        // Nothing was due after all (another process ticked first, or clocks differ): look again a bit later.
        const state = this.store.cached(sessionId);
        const next = state ? nextDeadline(state) : null;
        if (next !== null && next <= at) this.arm(sessionId, Date.now() + IDLE_BACKOFF_MS, true);
      }
    } catch (error) {
      if (!(error instanceof DomainError)) this.logger.warn(`tick of fishbowl ${sessionId} failed (the sweep retries): ${(error as Error).message}`);
    }
  }

  private async sweep(): Promise<void> {
    if (this.stopped) return;
    try {
      for (const { sessionId, deadline } of await EventLog.due(this.db.manager, Date.now() + SWEEP_MS * 2)) this.arm(sessionId, deadline, false);
    } catch (error) {
      this.logger.warn(`fishbowl timer sweep failed: ${(error as Error).message}`);
    }
  }
}
