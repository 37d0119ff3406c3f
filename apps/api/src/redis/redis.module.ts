import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { RUNTIME, type Runtime } from '../runtime';

export const REDIS = Symbol('podium:redis');

/** One shared Redis connection when REDIS_URL is set (null otherwise): health, adapters, rate limits. */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [RUNTIME],
      useFactory: (runtime: Runtime): Redis | null => {
        if (!runtime.config.redisUrl) return null;
        const logger = new Logger('redis');
        const client = new Redis(runtime.config.redisUrl, {
          lazyConnect: false,
          maxRetriesPerRequest: 1,
          retryStrategy: (times) => Math.min(times * 200, 2000),
        });
        client.on('error', (error) => logger.warn(`Redis: ${error.message}`));
        return client;
      },
    },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis | null) {}
  onApplicationShutdown() {
    this.redis?.disconnect();
  }
}
