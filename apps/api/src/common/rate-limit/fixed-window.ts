/** In-memory fixed-window counters: the fallback when no Redis is configured (one process). */
export class FixedWindowCounter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private lastSweep = 0;

  hit(key: string, windowMs: number, now: number): { count: number; resetAt: number } {
    this.sweep(now);
    const current = this.windows.get(key);
    if (!current || now - current.start >= windowMs) {
      this.windows.set(key, { start: now, count: 1 });
      return { count: 1, resetAt: now + windowMs };
    }
    current.count++;
    return { count: current.count, resetAt: current.start + windowMs };
  }

  /** Forget old windows now and then, so memory stays bounded under a flood of addresses. */
  private sweep(now: number) {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, w] of this.windows) if (now - w.start > 10 * 60_000) this.windows.delete(key);
  }
}
