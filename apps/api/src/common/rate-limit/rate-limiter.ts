import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { DomainError } from '@podium/contracts';
import { REDIS } from '../../redis/redis.module';
import { RUNTIME, type Runtime } from '../../runtime';
import { FixedWindowCounter } from './fixed-window';
import { RATE_LIMIT_POLICIES, type RateLimitName } from './policies';

/**
 * Counts hits per person and per address. With Redis the counts are shared by all api processes;
 * if Redis is unreachable we count locally rather than refuse or wave everything through.
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger('rate-limit');
  private readonly local = new FixedWindowCounter();

  constructor(
    @Inject(REDIS) private readonly redis: Redis | null,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  /** Throws RATE_LIMITED (429) when either the person's or the address's budget is used up. */
  async consume(name: RateLimitName, who: { personId?: string | null; address?: string | null }): Promise<void> {
    const policy: { windowMs: number; perPerson?: number; perAddress?: number } = RATE_LIMIT_POLICIES[name];
    const factor = this.runtime.config.rateLimitFactor;
    if (factor === 0) return;
    const checks: [string, number][] = [];
    if (policy.perPerson && who.personId) checks.push([`p:${who.personId}`, policy.perPerson * factor]);
    if (policy.perAddress && who.address) checks.push([`a:${who.address}`, policy.perAddress * factor]);
    for (const [key, limit] of checks) {
      const { count, resetAt } = await this.hit(`${name}:${key}`, policy.windowMs);
      if (count > limit) {
        const retryAfterSeconds = Math.max(1, Math.ceil((resetAt - Date.now()) / 1000));
        throw new DomainError('RATE_LIMITED', `Too many requests; please try again in ${retryAfterSeconds} s`, { retryAfterSeconds, limit: name });
      }
    }
  }

  private async hit(key: string, windowMs: number): Promise<{ count: number; resetAt: number }> {
    const now = Date.now();
    if (this.redis && this.redis.status === 'ready') {
      try {
        const window = Math.floor(now / windowMs);
        const redisKey = `podium:rl:${key}:${window}`;
        const [[, count]] = (await this.redis.multi().incr(redisKey).pexpire(redisKey, windowMs).exec()) as [[null, number], unknown];
        return { count, resetAt: (window + 1) * windowMs };
      } catch (error) {
        this.logger.warn(`Redis unavailable for rate limits, counting locally: ${(error as Error).message}`);
      }
    }
    return this.local.hit(key, windowMs, now);
  }
}
