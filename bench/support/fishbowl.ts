import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { io, type Socket } from 'socket.io-client';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../../apps/api/src/database/data-source';
import { SessionTokens } from '../../apps/api/src/identity/session-tokens';
import { createTestDatabase, type TestDatabase } from '../../test/support/database';
import { freeTcpPort } from '../../test/support/server-process';
import type { ClientKind, WorkerRequest } from './fishbowl-clients';
import type { BenchOptions } from './options';
import { progress } from './progress';

/** Shared by the fishbowl scenarios: a database with one fishbowl and N signed-in attendees, the built api as processes, load workers. */

const SECRET = 'bench-secret-bench-secret-bench-secret-0123';
const API_MAIN = join(__dirname, '..', '..', 'apps', 'api', 'src', 'main.js');
export const now = () => performance.timeOrigin + performance.now();

export interface ApiProcess {
  url: string;
  pid: number;
  rssBytes(): number;
  stop(): Promise<void>;
}

/** Runs the built api as its own process and waits for /health. */
export async function startApi(env: Record<string, string>): Promise<ApiProcess> {
  const port = await freeTcpPort();
  // e.g. BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the api under load.
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, API_MAIN], { env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 60_000; ; ) {
    if (child.exitCode !== null) throw new Error(`the api exited with ${child.exitCode}`);
    const up = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) }).then((r) => r.status < 600, () => false);
    if (up) break;
    if (Date.now() > deadline) throw new Error('the api did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: child.pid!,
    rssBytes: () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) * 1024,
    stop: () => new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM')))),
  };
}

export interface FishbowlBench {
  apis: ApiProcess[];
  sessionId: string;
  tokens: string[];
  moderatorToken: string;
  db: DataSource;
  stop(): Promise<void>;
}

/** A fresh database, one running fishbowl session, `people` attendees with tokens, `nodes` api processes (Redis when more than one). */
export async function setupFishbowl(people: number, nodes = 1): Promise<FishbowlBench> {
  const database: TestDatabase = await createTestDatabase('bench_fishbowl');
  const dataDir = mkdtempSync(join(tmpdir(), 'podium-bench-'));
  const db = await openDatabase({ url: database.url, poolSize: 2 });
  const [conference] = await db.query(`INSERT INTO conference (slug, title, start_date, end_date, published) VALUES ('bench', 'Bench', current_date, current_date, true) RETURNING id`);
  const [session] = await db.query(
    `INSERT INTO session (conference_id, kind, title, starts_at, ends_at) VALUES ($1, 'fishbowl', 'Bench', now(), now() + interval '3 hours') RETURNING id`,
    [conference.id],
  );
  const rows: { id: string }[] = await db.query(
    `INSERT INTO person (display_name) SELECT 'Teilnehmerin ' || i FROM generate_series(1, $1) AS i RETURNING id`,
    [people + 1],
  );
  const roles = rows.map((_, i) => (i === 0 ? 'moderator' : 'attendee'));
  await db.query(`INSERT INTO conference_role (conference_id, person_id, role) SELECT $1, unnest($2::uuid[]), unnest($3::text[])`, [conference.id, rows.map((r) => r.id), roles]);
  const signer = new SessionTokens(new JwtService({ secret: SECRET, signOptions: { algorithm: 'HS256', expiresIn: 3 * 3600, issuer: 'podium' } }));
  const tokens = await Promise.all(rows.map((r) => signer.sign({ sub: r.id })));
  // RATE_LIMIT_FACTOR 0: thousands of clients from 127.0.0.1 would otherwise meet the per-address socket cap (1000).
  const env = { DATABASE_URL: database.url, JWT_SECRET: SECRET, PODIUM_DATA_DIR: dataDir, LIVEKIT_DISABLED: 'true', PODIUM_SEED_DEMO: 'false', RATE_LIMIT_FACTOR: '0', ...(nodes > 1 ? { REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' } : {}) };
  const apis = await Promise.all(Array.from({ length: nodes }, () => startApi(env)));
  progress(`${nodes} api process(es) up, ${people} attendees signed in`);
  return {
    apis,
    sessionId: session.id,
    moderatorToken: tokens[0],
    tokens: tokens.slice(1),
    db,
    async stop() {
      await Promise.all(apis.map((a) => a.stop()));
      await db.destroy();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** `--client raw|socketio` (default raw) and `--workers N` (load-generator processes, default 2). */
export function generatorOptions(options: BenchOptions): { kind: ClientKind; workers: number } {
  const kind = options.string('client', 'raw');
  if (kind !== 'raw' && kind !== 'socketio') throw new Error(`--client must be raw or socketio (got "${kind}")`);
  return { kind, workers: Math.max(1, options.int('workers', 2)) };
}

/** Load generators in their own processes; clients are spread evenly over them. */
export class ClientPool {
  private next = 1;
  private readonly waiting = new Map<number, (body: any) => void>();

  private constructor(
    private readonly workers: ChildProcess[],
    readonly kind: ClientKind,
  ) {
    for (const w of workers) w.on('message', (m: { id: number }) => this.waiting.get(m.id)?.(m));
  }

  /** `kind` defaults to socket.io-client for scenarios that do not choose (queue keeps its documented client). */
  static start(count: number, kind: ClientKind = 'socketio'): ClientPool {
    return new ClientPool(Array.from({ length: count }, () => fork(join(__dirname, 'fishbowl-clients.js'), [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })), kind);
  }

  private ask<T>(worker: ChildProcess, request: Omit<WorkerRequest, 'id'>): Promise<T> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, (body) => {
        this.waiting.delete(id);
        if (body.error) reject(new Error(body.error));
        else resolve(body);
      });
      worker.send({ ...request, id });
    });
  }

  private all<T>(requests: (w: ChildProcess, i: number) => Omit<WorkerRequest, 'id'>): Promise<T[]> {
    return Promise.all(this.workers.map((w, i) => this.ask<T>(w, requests(w, i))));
  }

  /** Connects the tokens' clients (urls round-robin per worker), joining the fishbowl when a session is given. */
  async connect(urls: string[], tokens: string[], sessionId: string | null, event: string, part = false): Promise<{ connected: number; failed: number }> {
    const results = await this.all<{ connected: number; failed: number }>((_, i) => ({
      type: 'connect',
      kind: this.kind,
      url: urls[i % urls.length],
      tokens: tokens.filter((_, k) => k % this.workers.length === i),
      sessionId,
      event,
      part,
    }));
    return { connected: results.reduce((s, r) => s + r.connected, 0), failed: results.reduce((s, r) => s + r.failed, 0) };
  }

  /** Arrival instants (NaN = missed) of the first `event` with version >= minVersion, per client, and the `now` (server emit instant) it carried. */
  async arm(minVersion: number, timeoutMs: number): Promise<{ times: number[]; nows: number[] }> {
    const results = await this.all<{ times: number[]; nows: number[] }>(() => ({ type: 'arm', minVersion, timeoutMs }));
    return { times: results.flatMap((r) => r.times), nows: results.flatMap((r) => r.nows) };
  }

  async askAll(sessionId: string, startAt: number, spreadMs: number) {
    return this.all<{ latencies: number[]; errors: Record<string, number>; firstSent: number; lastAck: number }>(() => ({ type: 'ask', sessionId, startAt, spreadMs }));
  }

  /** Continuous mode: every worker starts keeping each view's version and arrival instant. */
  async record(): Promise<void> {
    await this.all(() => ({ type: 'record' }));
  }

  /** Stops recording; per change and client the first arrival containing it minus the command's send instant. */
  async collect(changes: { version: number; t0: number }[], latest: number): Promise<{ latencies: number[]; missed: number; onLatest: number; clients: number }> {
    const parts = await this.all<{ latencies: number[]; missed: number; onLatest: number; clients: number }>(() => ({ type: 'collect', changes, latest }));
    return {
      latencies: parts.flatMap((p) => p.latencies),
      missed: parts.reduce((s, p) => s + p.missed, 0),
      onLatest: parts.reduce((s, p) => s + p.onLatest, 0),
      clients: parts.reduce((s, p) => s + p.clients, 0),
    };
  }

  async close(): Promise<void> {
    await this.all(() => ({ type: 'close' }));
  }
}

/** A socket in the bench process itself: the one that triggers changes. */
export function trigger(url: string, token: string | null): Promise<Socket> {
  const socket = io(url, { auth: token ? { token } : undefined, transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/**
 * The baseline server as its own process, with the same payload: `payload` given as a JSON object text
 * (our view) is broadcast as it is (same bytes, same shape, same parsing on the clients); a number is
 * a padded object of that size.
 */
export function startBare(payload: number | string, redisUrl?: string): Promise<{ url: string; stop(): void; pid: number }> {
  const env: Record<string, string> = { BARE_PAYLOAD_BYTES: String(typeof payload === 'number' ? payload : payload.length), ...(redisUrl ? { BARE_REDIS_URL: redisUrl } : {}) };
  let dir: string | null = null;
  if (typeof payload === 'string') {
    dir = mkdtempSync(join(tmpdir(), 'podium-bare-'));
    env.BARE_PAYLOAD_FILE = join(dir, 'payload.json');
    writeFileSync(env.BARE_PAYLOAD_FILE, payload);
  }
  // BENCH_BARE_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the baseline like BENCH_API_NODE_ARGS the api.
  const execArgv = (process.env.BENCH_BARE_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = fork(join(__dirname, 'bare-socketio.js'), [], { env: { ...process.env, ...env }, execArgv, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const stop = () => {
    child.kill('SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
  return new Promise((resolve) => child.once('message', (m: { port: number }) => resolve({ url: `http://127.0.0.1:${m.port}`, pid: child.pid!, stop })));
}

/**
 * Waits until every armed client got the change, then returns per client (NaN = missed):
 * `delivery` = arrival − the view's `now` (the server's emit instant: the fan-out alone) and
 * `endToEnd` = arrival − t0 (the instant the trigger sent its command). One machine, one clock: the
 * api, the bare server, the generators and the bench read the same system clock.
 */
export async function measureOnce(pool: ClientPool, minVersion: number, fire: () => Promise<number>, timeoutMs = 5000): Promise<{ delivery: number[]; endToEnd: number[] }> {
  const armed = pool.arm(minVersion, timeoutMs);
  await new Promise((r) => setTimeout(r, 20)); // the workers have armed
  const t0 = await fire();
  const { times, nows } = await armed;
  // A miss is NaN in the worker and null after IPC (JSON): null - x would be a finite number, a false delivery.
  const arrived = (t: number | null) => (t === null ? NaN : t);
  return { delivery: times.map((t, i) => arrived(t) - arrived(nows[i])), endToEnd: times.map((t) => arrived(t) - t0) };
}
