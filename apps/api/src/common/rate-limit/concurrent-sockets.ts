import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type Redis from 'ioredis';
import { REDIS } from '../../redis/redis.module';

/** A claim not refreshed for this long is forgotten: a crashed process's sockets free their places by themselves. */
const CLAIM_TTL_MS = 120_000;
const REFRESH_MS = 40_000;

/**
 * Counts open sockets per key (a person, an address) across all namespaces. With Redis a sorted set
 * per key holds every process's sockets, scored by when the claim lapses; each process refreshes its
 * own claims, so a killed process leaks nothing for longer than CLAIM_TTL_MS. Without Redis (or while
 * it is unreachable) the count is this process's own.
 */
@Injectable()
export class ConcurrentSockets implements OnModuleDestroy {
  private readonly logger = new Logger('socket-caps');
  /** This process's claims: the local count, and what the refresh timer re-announces to Redis. */
  private readonly held = new Map<string, Set<string>>();
  private readonly timer: NodeJS.Timeout;

  constructor(@Inject(REDIS) private readonly redis: Redis | null) {
    this.timer = setInterval(() => void this.refresh(), REFRESH_MS);
    this.timer.unref();
  }

  /** Takes a place for `member` under `key`; false (and nothing held) when `limit` places are taken. */
  async claim(key: string, member: string, limit: number): Promise<boolean> {
    const total = (await this.claimShared(key, member, limit)) ?? this.localCount(key) + 1;
    if (total > limit) return false;
    this.hold(key, member);
    return true;
  }

  async release(key: string, member: string): Promise<void> {
    const set = this.held.get(key);
    set?.delete(member);
    if (set?.size === 0) this.held.delete(key);
    if (this.ready()) await this.redis!.zrem(redisKey(key), member).catch(() => undefined);
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** The count across processes including this claim, or null to fall back to the local count. */
  private async claimShared(key: string, member: string, limit: number): Promise<number | null> {
    if (!this.ready()) return null;
    const k = redisKey(key);
    const now = Date.now();
    try {
      const results = await this.redis!.multi().zremrangebyscore(k, '-inf', now).zadd(k, now + CLAIM_TTL_MS, member).zcard(k).pexpire(k, CLAIM_TTL_MS).exec();
      const total = Number(results?.[2]?.[1]);
      // Added first, counted second: two processes racing may both refuse, never both admit past the cap.
      if (total > limit) await this.redis!.zrem(k, member);
      return total;
    } catch (error) {
      this.logger.warn(`Redis unavailable for socket caps, counting locally: ${(error as Error).message}`);
      return null;
    }
  }

  private async refresh(): Promise<void> {
    if (!this.ready() || this.held.size === 0) return;
    const lapse = Date.now() + CLAIM_TTL_MS;
    const batch = this.redis!.pipeline();
    for (const [key, members] of this.held) {
      for (const member of members) batch.zadd(redisKey(key), lapse, member);
      batch.pexpire(redisKey(key), CLAIM_TTL_MS);
    }
    await batch.exec().catch((error: Error) => this.logger.warn(`could not refresh socket claims: ${error.message}`));
  }

  private hold(key: string, member: string): void {
    const set = this.held.get(key) ?? new Set<string>();
    set.add(member);
    this.held.set(key, set);
  }

  private localCount(key: string): number {
    return this.held.get(key)?.size ?? 0;
  }

  private ready(): boolean {
    return this.redis !== null && this.redis.status === 'ready';
  }
}

const redisKey = (key: string) => `podium:sockets:${key}`;
