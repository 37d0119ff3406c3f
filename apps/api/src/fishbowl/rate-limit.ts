/** A token bucket per socket: people click, scripts flood; a flood gets RATE_LIMITED instead of the database. */
export class RateLimit {
  private tokens: number;
  private last = Date.now();

  constructor(
    private readonly burst = 40,
    private readonly perSecond = 20,
  ) {
    this.tokens = burst;
  }

  take(): boolean {
    const now = Date.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
