// Join storm: many POST /api/sessions/:id/join against the built api as its own process, then real LiveKit
// connections with a sample of the grants; the baseline is a bare join server doing the same signing (own process).
import { fork } from 'node:child_process';
import { Agent, request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { Room } from '@livekit/rtc-node';
import { Client } from 'pg';
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

/** One POST over a keep-alive agent; resolves with the status and the body. */
function post(agent: Agent, url: URL, token: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { authorization: `Bearer ${token}`, 'content-length': 0 } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

interface Storm {
  per_second: number;
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
  errors: number;
  grants: { url: string; token: string }[];
}

/** `tokens` POSTed to `url`, `concurrency` at a time. Only 200s are latency samples; anything else is an error. */
async function storm(url: URL, tokens: string[], concurrency: number): Promise<Storm> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  // Warm-up (not measured): opens the sockets, creates the room, warms the JIT.
  await Promise.all(tokens.slice(0, concurrency).map((t) => post(agent, url, t).catch(() => undefined)));
  const queue = tokens.slice(concurrency);
  const count = queue.length;
  const samples: number[] = [];
  const grants: Storm['grants'] = [];
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let token = queue.pop(); token; token = queue.pop()) {
        const t0 = performance.now();
        const answer = await post(agent, url, token).catch(() => ({ status: 0, body: '' }));
        if (answer.status !== 200) {
          errors++;
          continue;
        }
        samples.push(performance.now() - t0);
        const grant = JSON.parse(answer.body) as { url: string; token: string };
        grants.push({ url: grant.url, token: grant.token });
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  const { p50_ms, p99_ms, max_ms } = summarise(samples);
  return { per_second: round(count / seconds, 1), p50_ms, p99_ms, max_ms, errors, grants };
}

/** Real signal connections to LiveKit with the grants (no media, no subscriptions), `concurrency` at a time. */
async function connectBatch(grants: Storm['grants'], concurrency: number): Promise<{ samples: number[]; errors: number }> {
  const rooms: Room[] = [];
  const samples: number[] = [];
  let errors = 0;
  const queue = [...grants];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let grant = queue.pop(); grant; grant = queue.pop()) {
        const room = new Room();
        rooms.push(room);
        const t0 = performance.now();
        try {
          await room.connect(grant.url, grant.token, { autoSubscribe: false, dynacast: false });
          samples.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    }),
  );
  for (const room of rooms) await room.disconnect().catch(() => undefined);
  return { samples, errors };
}

/**
 * Connect samples for ours and the baseline, in alternating halves (A B A B) after a warm-up batch of
 * each, so that a machine busy with other work or a warming LiveKit weighs on both alike.
 */
async function connectSamples(ours: Storm['grants'], base: Storm['grants'], n: number, concurrency: number) {
  await connectBatch(ours.slice(n, n + concurrency), concurrency);
  await connectBatch(base.slice(n, n + concurrency), concurrency);
  const half = Math.ceil(n / 2);
  const a1 = await connectBatch(ours.slice(0, half), concurrency);
  const b1 = await connectBatch(base.slice(0, half), concurrency);
  const a2 = await connectBatch(ours.slice(half, n), concurrency);
  const b2 = await connectBatch(base.slice(half, n), concurrency);
  const sum = (x: typeof a1, y: typeof a1) => {
    const { p50_ms, p99_ms, max_ms } = summarise([...x.samples, ...y.samples]);
    return { n, ok: x.samples.length + y.samples.length, errors: x.errors + y.errors, p50_ms, p99_ms, max_ms };
  };
  return { ours: sum(a1, a2), base: sum(b1, b2) };
}

/** The bare join server (bench/support/bare-join.ts) as its own process. */
function startBareJoin(env: Record<string, string>): Promise<{ url: string; stop(): void }> {
  const child = fork(join(__dirname, '..', 'support', 'bare-join.js'), [], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return new Promise((resolve) => child.once('message', (m: { port: number }) => resolve({ url: `http://127.0.0.1:${m.port}/join`, stop: () => child.kill('SIGTERM') })));
}

export const joinstorm: Scenario = {
  name: 'joinstorm',
  summary:
    'N joins (--joins, default 300), --concurrency clients, then --connects (100) real LiveKit signal connections; baseline: a bare node:http join server signing the same grant',
  async run(options: BenchOptions) {
    const joins = options.int('joins', 300);
    const concurrency = options.int('concurrency', 32);
    const connects = Math.min(joins, options.int('connects', 100));
    const connectConcurrency = options.int('connect-concurrency', 10);
    const stack = await startLivestreamStack('joinstorm');
    let bare: { url: string; stop(): void } | undefined;
    try {
      progress(`api ${stack.api.url}, LiveKit ${stack.livekit.url}; preparing ${joins} attendees`);
      const people = await stack.attendees(joins + concurrency);
      const tokens = await Promise.all(people.map((id) => stack.sessionToken(id)));
      progress(`${joins} joins through the api, ${concurrency} at a time`);
      const ours = await storm(new URL(`${stack.api.url}/api/sessions/${stack.sessionId}/join`), tokens, concurrency);
      const room = ours.grants.length ? (JSON.parse(Buffer.from(ours.grants[0].token.split('.')[1], 'base64url').toString()) as { video: { room: string } }).video.room : 'bench-room';
      bare = await startBareJoin({ BARE_JWT_SECRET: JWT_SECRET, BARE_ROOM: room, BARE_LIVEKIT_URL: stack.livekit.url, BARE_LIVEKIT_KEY: stack.livekit.apiKey, BARE_LIVEKIT_SECRET: stack.livekit.apiSecret });
      progress(`baseline: ${joins} joins through the bare join server`);
      const base = await storm(new URL(bare.url), tokens, concurrency);
      progress(`${connects} LiveKit connections each with the api's and the bare server's grants, ${connectConcurrency} at a time`);
      const { ours: oursConnect, base: baseConnect } = await connectSamples(ours.grants, base.grants, connects, connectConcurrency);
      return {
        joins,
        concurrency,
        per_second: ours.per_second,
        p50_ms: ours.p50_ms,
        p99_ms: ours.p99_ms,
        max_ms: ours.max_ms,
        errors: ours.errors,
        delivered: round((joins - ours.errors) / joins, 4),
        connect: oursConnect,
        baseline: {
          kind: 'bare node:http join server (verify session JWT, sign the same LiveKit grant), own process',
          per_second: base.per_second,
          p50_ms: base.p50_ms,
          p99_ms: base.p99_ms,
          errors: base.errors,
          connect: baseConnect,
        },
        ratio_p99: ratio(ours.p99_ms, base.p99_ms),
        ratio_per_second: ratio(ours.per_second, base.per_second),
        ratio_connect_p99: ratio(oursConnect.p99_ms, baseConnect.p99_ms),
      };
    } finally {
      bare?.stop();
      await stack.stop();
    }
  },
};
