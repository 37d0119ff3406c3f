import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { NETWORKING_CLOCK, type NetworkingClock } from './networking-clock';
import { NetworkingRepository } from './networking-repository';

const SWEEP_MS = 60 * 60 * 1000;

/** Deletes networking data (requests, exchanged details, rounds) older than each conference's setting; idempotent, any process. */
@Injectable()
export class NetworkingRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('networking');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly repo: NetworkingRepository,
    @Inject(NETWORKING_CLOCK) private readonly clock: NetworkingClock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.sweep()
        .catch((error: Error) => this.logger.warn(`networking retention sweep failed: ${error.message}`))
        .finally(() => (this.running = null));
    }, SWEEP_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass at the clock's time: how many requests and runs were deleted. */
  async sweep(now = this.clock()): Promise<{ requests: number; rounds: number }> {
    const deleted = await this.repo.sweep(new Date(now));
    if (deleted.requests + deleted.rounds > 0) this.logger.log(`networking retention: ${deleted.requests} contact requests and ${deleted.rounds} speed-networking runs deleted (now ${new Date(now).toISOString()})`);
    return deleted;
  }
}
