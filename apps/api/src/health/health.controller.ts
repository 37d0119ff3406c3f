import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Access } from '../identity/access.decorator';
import { REDIS } from '../redis/redis.module';
import { RUNTIME, type Runtime } from '../runtime';
import { liveKitHttpUrl } from '../livestream/livekit-url';

type Check = { status: 'up' | 'down' | 'disabled'; detail?: string; ms?: number };

async function timed(probe: () => Promise<unknown>, timeoutMs = 2000): Promise<Check> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([probe(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)))]);
    return { status: 'up', ms: Date.now() - started };
  } catch (error) {
    return { status: 'down', detail: (error as Error).message, ms: Date.now() - started };
  } finally {
    clearTimeout(timer);
  }
}

/** 200 when everything the platform needs answers; 503 otherwise. LiveKit "disabled" is not a failure. */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly db: DataSource,
    @Inject(RUNTIME) private readonly runtime: Runtime,
    @Inject(REDIS) private readonly redis: Redis | null,
  ) {}

  @Get()
  @Access.public()
  @ApiOperation({ summary: 'Database, LiveKit and Redis status' })
  async health(@Res() res: Response) {
    const [database, livekit, redis] = await Promise.all([this.database(), this.livekit(), this.redisCheck()]);
    const ok = database.status === 'up' && livekit.status !== 'down' && redis.status !== 'down';
    res.status(ok ? 200 : 503).json({
      status: ok ? 'ok' : 'degraded',
      database: { ...database, kind: this.runtime.databaseKind },
      livekit,
      redis,
      media: livekit.status === 'up' ? 'available' : 'unavailable',
      uptimeSeconds: Math.round((Date.now() - this.runtime.startedAt.getTime()) / 1000),
    });
  }

  private database() {
    return timed(() => this.db.query('SELECT 1'));
  }

  private async livekit(): Promise<Check & { mode: string }> {
    const lk = this.runtime.livekit;
    if (!('url' in lk)) return { status: 'disabled', mode: lk.status, detail: lk.reason };
    const check = await timed(async () => {
      const res = await fetch(liveKitHttpUrl(lk.serverUrl ?? lk.url), { signal: AbortSignal.timeout(2000) });
      if (!res.ok) throw new Error(`LiveKit answered ${res.status}`);
    });
    return { ...check, mode: lk.status };
  }

  private async redisCheck(): Promise<Check> {
    if (!this.redis) return { status: 'disabled' };
    return timed(() => this.redis!.ping());
  }
}
