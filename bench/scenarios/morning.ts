// The BuKo morning on the default start: N people from one address at once sign in as guests of "Probebühne",
// ask who they are, read the programme, join the live session and its fishbowl. Embedded vs real PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { findLiveKitBinary, startLocalLiveKitServer, type LocalLiveKitServer } from '../../apps/api/src/livestream/local-livekit-server';
import { createTestDatabase, type TestDatabase } from '../../test/support/database';
import { removeEmbeddedDataDir } from '../../test/support/embedded';
import { startServerProcess, type ServerProcess } from '../../test/support/server-process';
import { progress } from '../support/progress';
import { ownCpuMs, processCpuMs } from '../support/process-cpu';
import { cpus, loadavg } from 'node:os';
import { ratio, round, summarise } from '../support/stats';
import type { BenchOptions } from '../support/options';
import type { Scenario } from './index';

const ROOT = join(__dirname, '..', '..', '..');
const STEPS = ['signin', 'me', 'programme', 'join', 'fishbowl'] as const;
type Step = (typeof STEPS)[number];
type Database = 'embedded' | 'postgres';
/** The sign-in limit counts per minute and address. */
const WINDOW_MS = 61_000;

interface Outcome {
  ms: number;
  /** The first step that failed, with its status or error. */
  error: string | null;
  crossed: boolean;
  steps: Partial<Record<Step, number>>;
}

async function http(url: string, method: string, token?: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(url, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

function fishbowlJoin(base: string, token: string, sessionId: string): Promise<{ ok: boolean; error?: string }> {
  const socket = io(`${base}/fishbowl`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true, timeout: 60_000 });
  return new Promise<{ ok: boolean; error?: string }>((resolve) => {
    socket.once('connect_error', (error) => resolve({ ok: false, error: `connect: ${error.message}` }));
    socket.once('connect', () => {
      socket
        .timeout(60_000)
        .emitWithAck('fishbowl:join', { sessionId })
        .then(
          (ack: { ok?: boolean; view?: { sessionId?: string }; error?: { code: string } }) =>
            resolve(ack?.ok && ack.view?.sessionId === sessionId ? { ok: true } : { ok: false, error: `ack ${ack?.error?.code ?? JSON.stringify(ack).slice(0, 80)}` }),
          (error: Error) => resolve({ ok: false, error: `ack: ${error.message}` }),
        );
    });
  }).finally(() => socket.disconnect());
}

/** One person's morning; every answer is checked against the person who asked. */
async function morning(base: string, index: number, sessionId: string): Promise<Outcome> {
  const steps: Partial<Record<Step, number>> = {};
  const started = performance.now();
  const step = async <T>(name: Step, fn: () => Promise<T>) => {
    const t0 = performance.now();
    const result = await fn();
    steps[name] = performance.now() - t0;
    return result;
  };
  const done = (error: string | null, crossed = false): Outcome => ({ ms: performance.now() - started, error, crossed, steps });
  try {
    const displayName = index > 0 ? `Gast ${index}` : `Probe ${-index}`;
    const signin = await step('signin', () => http(`${base}/api/conferences/probebuehne/guests`, 'POST', undefined, { displayName }));
    if (signin.status !== 201) return done(`signin ${signin.status}`);
    if (signin.body.person?.displayName !== displayName) return done(null, true);
    const { token, person } = signin.body as { token: string; person: { id: string } };
    const me = await step('me', () => http(`${base}/api/auth/me`, 'GET', token));
    if (me.status !== 200) return done(`me ${me.status}`);
    if (me.body.person?.id !== person.id || me.body.person?.displayName !== displayName) return done(null, true);
    const programme = await step('programme', () => http(`${base}/api/conferences/probebuehne/programme`, 'GET', token));
    if (programme.status !== 200) return done(`programme ${programme.status}`);
    if (!programme.body.sessions?.some((s: { id: string }) => s.id === sessionId)) return done('programme without the live session');
    const join = await step('join', () => http(`${base}/api/sessions/${sessionId}/join`, 'POST', token, {}));
    if (join.status !== 200) return done(`join ${join.status}`);
    if (join.body.identity !== person.id) return done(null, true);
    const fishbowl = await step('fishbowl', () => fishbowlJoin(base, token, sessionId));
    return done(fishbowl.ok ? null : `fishbowl ${fishbowl.error}`);
  } catch (error) {
    return done(`exception ${(error as Error).message}`);
  }
}

async function runOn(database: Database, people: number, warmup: number, livekit: LocalLiveKitServer, rateLimitFactor: number) {
  const dataDir = mkdtempSync(join(tmpdir(), `podium-bench-morning-${database}-`));
  let pg: TestDatabase | null = null;
  let api: ServerProcess | null = null;
  try {
    if (database === 'postgres') pg = await createTestDatabase('bench_morning');
    api = await startServerProcess(
      {
        DATABASE_URL: pg?.url ?? '',
        PODIUM_DATA_DIR: dataDir,
        LIVEKIT_URL: livekit.url,
        LIVEKIT_API_KEY: livekit.apiKey,
        LIVEKIT_API_SECRET: livekit.apiSecret,
        REDIS_URL: '',
        NODE_ENV: 'development',
        PODIUM_SEED_DEMO: 'true',
        RATE_LIMIT_FACTOR: String(rateLimitFactor),
        LOG_LEVEL: 'warn',
      },
      { timeoutMs: 180_000 },
    );
    const programme = await http(`${api.url}/api/conferences/probebuehne/programme`, 'GET');
    const live = programme.body.sessions.find((s: { kind: string; status: string }) => s.kind === 'fishbowl' && s.status === 'live');
    if (!live) throw new Error('the demo conference "probebuehne" has no live fishbowl');
    if (warmup > 0) {
      // A server that has been up a while: the first requests pay for lazy set-up and the JIT.
      progress(`${database}: warm-up with ${warmup} people, then ${WINDOW_MS / 1000} s so the burst meets a fresh rate-limit window`);
      for (let i = 1; i <= warmup; i++) await morning(api.url, -i, live.id);
      await new Promise((r) => setTimeout(r, WINDOW_MS));
    }
    progress(`${database}: api ${api.url}; ${people} people at once`);
    const apiCpu0 = processCpuMs(api.child.pid);
    const ownCpu0 = ownCpuMs();
    const started = performance.now();
    const outcomes = await Promise.all(Array.from({ length: people }, (_, i) => morning(api!.url, i + 1, live.id)));
    const seconds = (performance.now() - started) / 1000;
    const apiCpu1 = processCpuMs(api.child.pid);
    const apiCpuMs = apiCpu0 === null || apiCpu1 === null ? null : apiCpu1 - apiCpu0;
    const generatorCpuMs = ownCpuMs() - ownCpu0;
    const errors = outcomes.filter((o) => o.error);
    const kinds = errors.reduce<Record<string, number>>((acc, o) => ({ ...acc, [o.error!]: (acc[o.error!] ?? 0) + 1 }), {});
    if (errors.length) progress(`${database}: errors ${JSON.stringify(kinds)}`);
    const all = summarise(outcomes.map((o) => o.ms));
    return {
      database,
      errors: errors.length,
      error_kinds: kinds,
      crossed: outcomes.filter((o) => o.crossed).length,
      p50_ms: all.p50_ms,
      p99_ms: all.p99_ms,
      max_ms: all.max_ms,
      per_second: round(people / seconds, 1),
      // The api is one thread: the burst cannot end before the api has spent its CPU time on it, so that time is a
      // floor under the last person's morning, whatever the database. The load generator shares the machine.
      api_cpu_ms_per_person: apiCpuMs === null ? null : round(apiCpuMs / people, 2),
      generator_cpu_ms_per_person: round(generatorCpuMs / people, 2),
      floor_p99_ms: apiCpuMs === null ? null : Math.round(apiCpuMs),
      load_average_1m: round(loadavg()[0], 2),
      steps_p99_ms: Object.fromEntries(STEPS.map((s) => [s, summarise(outcomes.flatMap((o) => (o.steps[s] === undefined ? [] : [o.steps[s]!]))).p99_ms])),
    };
  } finally {
    if (api) await api.stop('SIGTERM');
    await pg?.drop();
    await removeEmbeddedDataDir(dataDir);
  }
}

export const morningScenario: Scenario = {
  name: 'morning',
  summary: 'N people (--people 300) from one address at once: guest sign-in, /me, programme, join, fishbowl; --database embedded|postgres, baseline real PostgreSQL',
  async run(options: BenchOptions) {
    const people = options.int('people', 300);
    const database = options.string('database', 'embedded');
    if (database !== 'embedded' && database !== 'postgres') throw new Error('--database must be embedded or postgres');
    // At default limits unless told otherwise; a higher factor is reported in the result.
    const rateLimitFactor = options.int('rate-limit-factor', 1);
    const warmup = options.int('warmup', 5);
    const binary = findLiveKitBinary(ROOT);
    if (!binary) throw new Error('LiveKit server binary not found: run "npm run livekit:install"');
    const lkDir = mkdtempSync(join(tmpdir(), 'podium-bench-morning-livekit-'));
    const livekit = await startLocalLiveKitServer({ binary, dir: lkDir, apiKey: 'podium-bench', logLevel: 'warn' });
    try {
      const ours = await runOn(database, people, warmup, livekit, rateLimitFactor);
      const baseline = database === 'postgres' ? null : await runOn('postgres', people, warmup, livekit, rateLimitFactor);
      const { database: _, ...baselineFields } = baseline ?? { database: null };
      return {
        people,
        warmup,
        cores: cpus().length,
        ...ours,
        rate_limit_factor: rateLimitFactor,
        baseline: baseline ? { database: 'postgres', ...baselineFields } : null,
        ratio_p99: baseline ? ratio(ours.p99_ms, baseline.p99_ms) : null,
      };
    } finally {
      await livekit.stop();
      rmSync(lkDir, { recursive: true, force: true });
    }
  },
};
