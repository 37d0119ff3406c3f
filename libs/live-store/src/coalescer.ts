/** How a burst of changes to one aggregate is coalesced into few broadcasts. */
export interface CoalescerOptions<T> {
  /** Sends everything pending for `id` (the view first, then the changes); returns nothing, may throw. */
  flush(id: string, changes: T[]): void;
  onError(id: string, error: unknown): void;
  /** An isolated change goes out at once; during a burst at most one flush per interval (at least this). */
  minIntervalMs?: number;
  /** The longest pause after a flush during a burst (the interval itself, start to start, may be longer). */
  maxIntervalMs?: number;
  /** Flushes may use at most 1/loadFactor of the event loop: big rooms get fewer, fuller broadcasts in a burst. */
  loadFactor?: number;
  now?: () => number;
  cost?: () => number;
}

interface Pending<T> {
  changes: T[];
  /** When the last flush started: the interval runs from there, so flushes take at most 1/loadFactor of the time. */
  lastFlush: number;
  interval: number;
  timer: ReturnType<typeof setTimeout> | null;
}

/**
 * After-commit broadcast with coalescing: per aggregate at most one flush per interval (start to start), the
 * interval growing with the cost of the last one. Counted from the end instead, a flush of cost C kept the loop
 * C/(C + factor·C) busy (1/3, not 1/2) and a change C·factor after the end of a big broadcast still waited.
 */
export class Coalescer<T> {
  private readonly pending = new Map<string, Pending<T>>();
  private readonly min: number;
  private readonly max: number;
  private readonly factor: number;
  private readonly now: () => number;
  private readonly clock: () => number;

  constructor(private readonly options: CoalescerOptions<T>) {
    this.min = options.minIntervalMs ?? 100;
    this.max = options.maxIntervalMs ?? 1000;
    this.factor = options.loadFactor ?? 2;
    this.now = options.now ?? Date.now;
    this.clock = options.cost ?? (() => performance.now());
  }

  push(id: string, changes: readonly T[]): void {
    if (changes.length === 0) return;
    let p = this.pending.get(id);
    if (!p) {
      p = { changes: [], lastFlush: 0, interval: this.min, timer: null };
      this.pending.set(id, p);
    }
    p.changes.push(...changes);
    if (p.timer) return;
    const wait = p.lastFlush + p.interval - this.now();
    const pending = p;
    if (wait <= 0) this.flush(id, pending);
    else p.timer = setTimeout(() => this.flush(id, pending), wait);
  }

  /** Pending timers are dropped (shutdown). */
  stop(): void {
    for (const p of this.pending.values()) if (p.timer) clearTimeout(p.timer);
  }

  private flush(id: string, p: Pending<T>): void {
    p.timer = null;
    p.lastFlush = this.now();
    const started = this.clock();
    try {
      this.options.flush(id, p.changes.splice(0));
    } catch (error) {
      this.options.onError(id, error);
    }
    const cost = this.clock() - started;
    // At most `max` of pause after a flush, so a flush dearer than `max` cannot take the whole loop.
    p.interval = Math.max(this.min, Math.min(cost * this.factor, cost + this.max));
  }
}
