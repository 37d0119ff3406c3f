import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { NETWORKING_CLOCK, type NetworkingClock } from './networking-clock';
import { NetworkingRetentionRepository } from './networking-retention-repository';
import { PeriodicSweep } from '../common/periodic-sweep';

const SWEEP_MS = 60 * 60 * 1000;

/** Deletes networking data (requests, exchanged details, rounds) older than each conference's setting; idempotent, any process. */
@Injectable()
export class NetworkingRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('networking');
  private readonly sweeps = new PeriodicSweep(SWEEP_MS, () => this.sweep(), (error) => this.logger.warn(`networking retention sweep failed: ${error.message}`));

  constructor(
    private readonly repo: NetworkingRetentionRepository,
    @Inject(NETWORKING_CLOCK) private readonly clock: NetworkingClock,
  ) {}

  onApplicationBootstrap(): void {
    this.sweeps.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.sweeps.stop();
  }

  /** One pass at the clock's time: how many requests and runs were deleted. */
  async sweep(now = this.clock()): Promise<{ requests: number; rounds: number }> {
    const deleted = await this.repo.sweep(new Date(now));
    if (deleted.requests + deleted.rounds > 0) this.logger.log(`networking retention: ${deleted.requests} contact requests and ${deleted.rounds} speed-networking runs deleted (now ${new Date(now).toISOString()})`);
    return deleted;
  }
}
