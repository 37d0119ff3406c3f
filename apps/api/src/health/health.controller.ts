import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Access } from '../identity/access.decorator';
import { IdentityService } from '../identity/identity.service';
import { CurrentAccess, type AccessContext } from '../identity/principal';
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

/** What anyone may read: each part up, down or disabled, and whether media works (the web client's banner). */
export function publicHealth(report: { status: string; database: Check; livekit: Check; redis: Check; media: string }) {
  return {
    status: report.status,
    database: { status: report.database.status },
    livekit: { status: report.livekit.status },
    redis: { status: report.redis.status },
    media: report.media,
  };
}

/** 200 when everything the platform needs answers; 503 otherwise. LiveKit "disabled" is not a failure. */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly db: DataSource,
    @Inject(RUNTIME) private readonly runtime: Runtime,
    @Inject(REDIS) private readonly redis: Redis | null,
    private readonly identity: IdentityService,
  ) {}

  @Get()
  @Access.public()
  @ApiOperation({ summary: 'Database, LiveKit and Redis status; the details (error texts, timings, modes) outside production or for platform organisers' })
  async health(@Res() res: Response, @CurrentAccess() access: AccessContext) {
    const [database, livekit, redis] = await Promise.all([this.database(), this.livekit(), this.redisCheck()]);
    const ok = database.status === 'up' && livekit.status !== 'down' && redis.status !== 'down';
    const report = {
      status: ok ? 'ok' : 'degraded',
      database: { ...database, kind: this.runtime.databaseKind },
      livekit,
      redis,
      media: livekit.status === 'up' ? 'available' : 'unavailable',
      uptimeSeconds: Math.round((Date.now() - this.runtime.startedAt.getTime()) / 1000),
    };
    // Error texts name internal addresses and versions: in production only the operators see them.
    const details = this.runtime.config.env !== 'production' || (await this.isOperator(access));
    res.status(ok ? 200 : 503).json(details ? report : publicHealth(report));
  }

  private async isOperator(access: AccessContext): Promise<boolean> {
    if (!access.principal || access.principal.guest) return false;
    return (await this.identity.rolesFor(access.principal.personId, null, null)).platformOrganiser;
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
