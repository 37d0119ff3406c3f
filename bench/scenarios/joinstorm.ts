// Join storm: many POST /api/sessions/:id/join against the built api as its own process, vs bare token signing.
import { Agent, request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { AccessToken } from 'livekit-server-sdk';
import { Client } from 'pg';
import { participantAttributes, stagePermission, toVideoGrant } from '@podium/livestream';
import { findLiveKitBinary, startLocalLiveKitServer, type LocalLiveKitServer } from '../../apps/api/src/livestream/local-livekit-server';
import { createTestDatabase, type TestDatabase } from '../../test/support/database';
import { startServerProcess, type ServerProcess } from '../../test/support/server-process';
import { progress } from '../support/progress';
import { ratio, round, summarise } from '../support/stats';
import type { BenchOptions } from '../support/options';
import type { Scenario } from './index';

const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-0123456789';
const ROOT = join(__dirname, '..', '..', '..');

export interface LivestreamStack {
  api: ServerProcess;
  livekit: LocalLiveKitServer;
  db: Client;
  sessionId: string;
  /** Signs a Podium session token for a person (as the api's SessionTokens does). */
  sessionToken(personId: string): Promise<string>;
  /** Creates `n` attendees of the session's conference in one statement. */
  attendees(n: number): Promise<string[]>;
  stop(): Promise<void>;
}

/** LiveKit (local launcher), a fresh database on the real PostgreSQL, the built api as a process, one live session. */
export async function startLivestreamStack(label: string): Promise<LivestreamStack> {
  const binary = findLiveKitBinary(ROOT);
  if (!binary) throw new Error('LiveKit server binary not found: run "npm run livekit:install"');
  const dataDir = mkdtempSync(join(tmpdir(), `podium-bench-${label}-`));
  const livekit = await startLocalLiveKitServer({ binary, dir: join(dataDir, 'livekit'), apiKey: 'podium-bench', logLevel: 'warn' });
  const database: TestDatabase = await createTestDatabase(`bench_${label}`);
  const api = await startServerProcess({
    DATABASE_URL: database.url,
    LIVEKIT_URL: livekit.url,
    LIVEKIT_API_KEY: livekit.apiKey,
    LIVEKIT_API_SECRET: livekit.apiSecret,
    JWT_SECRET,
    NODE_ENV: 'production',
    // Every bench client shares 127.0.0.1; the 'join' limit (3000/min per address) is for real audiences.
    RATE_LIMIT_FACTOR: '100',
    PODIUM_SEED_DEMO: 'true',
    PODIUM_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  });
  const db = new Client({ connectionString: database.url });
  await db.connect();
  const [{ id: sessionId }] = (
    await db.query(
      `INSERT INTO session (conference_id, kind, title, starts_at, ends_at, status)
       SELECT id, 'keynote', 'Bench', now() - interval '5 minutes', now() + interval '2 hours', 'live' FROM conference WHERE slug = 'buko-2020' RETURNING id`,
    )
  ).rows;
  const jwt = new JwtService({ secret: JWT_SECRET, signOptions: { algorithm: 'HS256', expiresIn: 3600, issuer: 'podium' } });
  return {
    api,
    livekit,
    db,
    sessionId,
    sessionToken: (personId) => jwt.signAsync({ sub: personId, typ: 'session' }),
    async attendees(n) {
      const { rows } = await db.query(
        `WITH p AS (INSERT INTO person (display_name) SELECT 'Bench ' || g FROM generate_series(1, $1) g RETURNING id)
         INSERT INTO conference_role (conference_id, person_id, role) SELECT c.id, p.id, 'attendee' FROM p, conference c WHERE c.slug = 'buko-2020' RETURNING person_id`,
        [n],
      );
      return rows.map((r) => r.person_id as string);
    },
    async stop() {
      await db.end().catch(() => undefined);
      await api.stop();
      await livekit.stop();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** One POST over a keep-alive agent; resolves with the status. */
function post(agent: Agent, url: URL, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { authorization: `Bearer ${token}`, 'content-length': 0 } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Bare token signing in a loop: what a join can at best cost. */
async function signingBaseline(n: number, apiKey: string, apiSecret: string) {
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const at = new AccessToken(apiKey, apiSecret, { identity: `p${i}`, name: `Bench ${i}`, ttl: 600, attributes: { ...participantAttributes('attendee', false) } });
    at.addGrant(toVideoGrant(stagePermission('attendee', false), 'bench-room'));
    await at.toJwt();
    samples.push(performance.now() - t0);
  }
  return { per_second: n / ((performance.now() - started) / 1000), ...summarise(samples) };
}

export const joinstorm: Scenario = {
  name: 'joinstorm',
  summary: 'N joins (--joins, default 300) as fast as they come, --concurrency clients, vs bare token signing',
  async run(options: BenchOptions) {
    const joins = options.int('joins', 300);
    const concurrency = options.int('concurrency', 32);
    const stack = await startLivestreamStack('joinstorm');
    try {
      progress(`api ${stack.api.url}, LiveKit ${stack.livekit.url}; preparing ${joins} attendees`);
      const people = await stack.attendees(joins + concurrency);
      const tokens = await Promise.all(people.map((id) => stack.sessionToken(id)));
      const url = new URL(`${stack.api.url}/api/sessions/${stack.sessionId}/join`);
      const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
      // Warm-up (not measured): opens the sockets, creates the room, warms the JIT.
      await Promise.all(tokens.slice(0, concurrency).map((t) => post(agent, url, t)));
      const queue = tokens.slice(concurrency);
      const samples: number[] = [];
      let ok = 0;
      progress(`${joins} joins, ${concurrency} at a time`);
      const started = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          for (let token = queue.pop(); token; token = queue.pop()) {
            const t0 = performance.now();
            const status = await post(agent, url, token).catch(() => 0);
            samples.push(performance.now() - t0);
            if (status === 200) ok++;
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      agent.destroy();
      const ours = { per_second: round(joins / seconds, 1), ...summarise(samples) };
      progress(`baseline: ${joins} bare AccessToken.toJwt`);
      const baseline = await signingBaseline(joins, stack.livekit.apiKey, stack.livekit.apiSecret);
      return {
        joins,
        concurrency,
        per_second: ours.per_second,
        p50_ms: ours.p50_ms,
        p99_ms: ours.p99_ms,
        max_ms: ours.max_ms,
        delivered: round(ok / joins, 4),
        baseline: { per_second: round(baseline.per_second, 1), p50_ms: baseline.p50_ms, p99_ms: baseline.p99_ms },
        ratio_p99: ratio(ours.p99_ms, baseline.p99_ms),
        ratio_per_second: ratio(ours.per_second, baseline.per_second),
      };
    } finally {
      await stack.stop();
    }
  },
};
