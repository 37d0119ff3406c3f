import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PeriodicSweep } from '../common/periodic-sweep';
import { ChatRepository } from './chat-repository';

/** The clock retention reads; tests provide their own to move time. */
export const CHAT_CLOCK = Symbol('CHAT_CLOCK');
export type ChatClock = () => number;

const SWEEP_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes chat older than each conference's `chat_retention_days`: messages (their reports go with them)
 * and the room's events about messages and people. Slow-mode settings stay (they are the room's state;
 * mutes end within 24 h, retention is at least a day). Idempotent, so several processes may sweep.
 */
@Injectable()
export class ChatRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('chat');
  private readonly sweeps = new PeriodicSweep(SWEEP_MS, () => this.sweep(), (error) => this.logger.warn(`chat retention sweep failed: ${error.message}`));

  constructor(
    private readonly repository: ChatRepository,
    @Inject(CHAT_CLOCK) private readonly clock: ChatClock,
  ) {}

  onApplicationBootstrap(): void {
    this.sweeps.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.sweeps.stop();
  }

  /** One pass at the clock's time: how many messages were deleted. */
  async sweep(now = this.clock()): Promise<number> {
    const at = new Date(now);
    const deleted = await this.repository.deleteExpired(at);
    if (deleted > 0) this.logger.log(`chat retention: ${deleted} messages older than their conference's retention deleted (now ${at.toISOString()}, day ${Math.floor(now / DAY_MS)})`);
    return deleted;
  }
}
