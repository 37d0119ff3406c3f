import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { DomainError } from '@podium/contracts';
import { REDIS } from '../../redis/redis.module';
import { RUNTIME, type Runtime } from '../../runtime';
import { FixedWindowCounter } from './fixed-window';
import { RATE_LIMIT_POLICIES, type RateLimitName, type RateLimitPolicy } from './policies';

export interface RateLimitSubject {
  personId?: string | null;
  address?: string | null;
  socketId?: string | null;
}

/**
 * The one rate limiter of HTTP routes and every Socket.IO namespace: fixed windows per person, per
 * address and per socket. With Redis the person and address counts are shared by all api processes;
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

  /** Throws RATE_LIMITED (429) when the socket's, the person's or the address's budget is used up. */
  async consume(name: RateLimitName, who: RateLimitSubject): Promise<void> {
    const policy: RateLimitPolicy = RATE_LIMIT_POLICIES[name];
    const factor = this.runtime.config.rateLimitFactor;
    if (factor === 0) return;
    // The socket's own budget first: a flooding socket is refused without touching Redis.
    if (policy.perSocket && who.socketId) {
      const { count, resetAt } = this.local.hit(`${name}:s:${who.socketId}`, policy.windowMs, Date.now());
      if (count > policy.perSocket * factor) throw limited(name, resetAt);
    }
    const checks: [string, number][] = [];
    if (policy.perPerson && who.personId) checks.push([`p:${who.personId}`, policy.perPerson * factor]);
    if (policy.perAddress && who.address) checks.push([`a:${who.address}`, policy.perAddress * factor]);
    for (const [key, limit] of checks) {
      const { count, resetAt } = await this.hit(`${name}:${key}`, policy.windowMs);
      if (count > limit) throw limited(name, resetAt);
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

function limited(name: RateLimitName, resetAt: number): DomainError {
  const retryAfterSeconds = Math.max(1, Math.ceil((resetAt - Date.now()) / 1000));
  return new DomainError('RATE_LIMITED', `Too many requests; please try again in ${retryAfterSeconds} s`, { retryAfterSeconds, limit: name });
}
