/**
 * A read-through cache for rows that rarely change (sessions, chat rooms): concurrent and recent
 * lookups of one key share one load, misses are cached too (so random ids cost no more), a failed
 * load is forgotten at once (the next lookup asks again). Plain TypeScript: the clock is injectable.
 */
export class CachedLookup<T> {
  private readonly entries = new Map<string, { at: number; value: Promise<T | null> }>();

  constructor(
    private readonly load: (key: string) => Promise<T | null>,
    private readonly options: { ttlMs: number; maxEntries?: number; now?: () => number },
  ) {}

  /** The value (null when there is none), loaded unless one at most `maxAgeMs` old is at hand. */
  get(key: string, maxAgeMs = this.options.ttlMs): Promise<T | null> {
    const now = (this.options.now ?? Date.now)();
    const cached = this.entries.get(key);
    if (cached && now - cached.at <= Math.min(maxAgeMs, this.options.ttlMs)) return cached.value;
    // A flood of distinct keys must not grow the map without bound: start over when it is full.
    if (!cached && this.entries.size >= (this.options.maxEntries ?? 10_000)) this.entries.clear();
    const entry = { at: now, value: this.load(key) };
    this.entries.set(key, entry);
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return entry.value;
  }

  /** Drops one key (after a write that changed it). */
  forget(key: string): void {
    this.entries.delete(key);
  }
}
