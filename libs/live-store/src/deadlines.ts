/** What the timers need from the store and the log. */
export interface DeadlinesOptions {
  /** Sends the aggregate's `tick` through the command path; resolves with the events it appended. */
  tick(id: string): Promise<{ events: readonly unknown[] }>;
  /** The next deadline of the cached state (null = none). */
  nextDeadline(id: string): number | null;
  /** Deadlines set by any process before `until`. */
  due(until: number): Promise<{ id: string; deadline: number }[]>;
  /** A tick that failed for another reason than a refusal (the sweep retries). */
  onError(message: string, error: unknown): void;
  /** True for a refusal of the tick (not worth a warning). */
  isRefusal(error: unknown): boolean;
  sweepMs?: number;
  now?: () => number;
}

/** setTimeout's limit is ~24.8 days; far deadlines are re-armed by the sweep anyway. */
const MAX_DELAY_MS = 3_600_000;
/** A tick at an overdue deadline that changed nothing must not spin. */
const IDLE_BACKOFF_MS = 1000;

/**
 * One timer per active aggregate at its next deadline. Several processes may tick the same deadline:
 * ticks go through the locked command path, so the second one sees the first's events and appends nothing.
 * A sweep every `sweepMs` picks up deadlines set by other processes (or by one that died).
 */
export class Deadlines {
  private readonly armed = new Map<string, { at: number; timer: ReturnType<typeof setTimeout> }>();
  private sweeper: ReturnType<typeof setInterval> | null = null;
  private stopped = false;
  private readonly sweepMs: number;
  private readonly now: () => number;

  constructor(private readonly options: DeadlinesOptions) {
    this.sweepMs = options.sweepMs ?? 2000;
    this.now = options.now ?? Date.now;
  }

  start(): void {
    void this.sweep();
    this.sweeper = setInterval(() => void this.sweep(), this.sweepMs);
    this.sweeper.unref?.();
  }

  stop(): void {
    this.stopped = true;
    if (this.sweeper) clearInterval(this.sweeper);
    for (const a of this.armed.values()) clearTimeout(a.timer);
    this.armed.clear();
  }

  /** Arms the aggregate's timer; `replace` (after our own commit) moves it later too, the sweep only earlier. */
  arm(id: string, at: number | null, replace: boolean): void {
    const current = this.armed.get(id);
    if (current && !replace && current.at <= (at ?? Infinity)) return;
    if (current) clearTimeout(current.timer);
    this.armed.delete(id);
    if (at === null || this.stopped) return;
    const delay = Math.min(MAX_DELAY_MS, Math.max(0, at - this.now()));
    const timer = setTimeout(() => void this.fire(id, at), delay);
    this.armed.set(id, { at, timer });
  }

  /** When the aggregate's timer is set for (null = none): for specs and diagnostics. */
  armedAt(id: string): number | null {
    return this.armed.get(id)?.at ?? null;
  }

  private async fire(id: string, at: number): Promise<void> {
    this.armed.delete(id);
    try {
      const result = await this.options.tick(id);
      if (result.events.length === 0 && at <= this.now()) {
        // Nothing was due after all (another process ticked first, or clocks differ): look again a bit later.
        const next = this.options.nextDeadline(id);
        if (next !== null && next <= at) this.arm(id, this.now() + IDLE_BACKOFF_MS, true);
      }
    } catch (error) {
      if (!this.options.isRefusal(error)) this.options.onError(`tick of ${id} failed (the sweep retries)`, error);
    }
  }

  private async sweep(): Promise<void> {
    if (this.stopped) return;
    try {
      for (const { id, deadline } of await this.options.due(this.now() + this.sweepMs * 2)) this.arm(id, deadline, false);
    } catch (error) {
      this.options.onError('timer sweep failed', error);
    }
  }
}
