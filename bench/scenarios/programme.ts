import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { allConflicts, exportSchedule, generateProgramme, type Programme } from '@podium/programme';
import { openDatabase } from '../../apps/api/src/database/data-source';
import { SessionTokens } from '../../apps/api/src/identity/session-tokens';
import { insertProgramme } from '../../apps/api/src/programme/programme-writer';
import { createTestDatabase } from '../../test/support/database';
import { startApi } from '../support/fishbowl';
import type { BenchOptions } from '../support/options';
import { progress } from '../support/progress';
import { ratio, round, summarise } from '../support/stats';
import type { Scenario } from './index';

const BASELINE_SESSIONS = 200;
const SECRET = 'bench-secret-bench-secret-bench-secret-0123';

/** Median of `rounds` timed runs after two untimed warm-ups (the first call pays for JIT and Intl caches). */
async function timed(rounds: number, work: () => unknown | Promise<unknown>): Promise<{ p50_ms: number; p99_ms: number; max_ms: number; n: number }> {
  for (let i = 0; i < 2; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return summarise(samples);
}

function generate(sessions: number, rooms: number, days: number): Programme {
  return generateProgramme({ sessions, rooms, days, seed: 2026 });
}

async function domainFigures(p: Programme, rounds: number) {
  const conflicts = await timed(rounds, () => allConflicts(p));
  const exported = await timed(rounds, () => exportSchedule(p, { baseUrl: 'https://podium.example/c/bench/' }));
  return { sessions: p.sessions.length, conflicts_ms: conflicts.p50_ms, export_ms: exported.p50_ms, conflicts_p99_ms: conflicts.p99_ms, export_p99_ms: exported.p99_ms, conflicts: allConflicts(p).length };
}

/** Times one GET over HTTP including reading the whole body. */
async function httpFigures(url: string, token: string, slug: string, rounds: number) {
  let bytes = 0;
  const get = async (path: string, auth: boolean) => {
    const res = await fetch(url + path, { headers: auth ? { authorization: `Bearer ${token}` } : {} });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${text.slice(0, 200)}`);
    return text.length;
  };
  const conflicts = await timed(rounds, () => get(`/api/conferences/${slug}/conflicts`, true));
  const exported = await timed(rounds, async () => (bytes = await get(`/api/conferences/${slug}/schedule.json`, false)));
  return { conflicts_ms: conflicts.p50_ms, export_ms: exported.p50_ms, conflicts_p99_ms: conflicts.p99_ms, export_p99_ms: exported.p99_ms, export_bytes: bytes };
}

const growth = (ours: { conflicts_ms: number; export_ms: number }, base: { conflicts_ms: number; export_ms: number }, sessions: number) => ({
  sessions: round(sessions / BASELINE_SESSIONS),
  conflicts: ratio(ours.conflicts_ms, base.conflicts_ms),
  export: ratio(ours.export_ms, base.export_ms),
});

/**
 * The organiser's two whole-programme operations, the full conflict report and the schedule.json
 * export, for N sessions and for 200 as the baseline: through the domain functions, and through
 * the api endpoints of a real api process on PostgreSQL with both programmes inserted.
 */
export const programme: Scenario = {
  name: 'programme',
  summary: 'conflict report and schedule.json export for --sessions N (default 2000; --rooms 40, --days 3) vs 200: domain and API on PostgreSQL',
  async run(options: BenchOptions) {
    const n = options.int('sessions', 2000);
    const rooms = options.int('rooms', 40);
    const days = options.int('days', 3);
    const rounds = Math.max(1, options.int('rounds', 15));
    const big = generate(n, rooms, days);
    const small = generate(BASELINE_SESSIONS, rooms, days);

    progress(`domain: ${n} and ${BASELINE_SESSIONS} sessions, ${rooms} rooms, ${days} days, ${rounds} rounds each`);
    const domainBase = await domainFigures(small, rounds);
    const domain = await domainFigures(big, rounds);

    const database = await createTestDatabase('bench_programme');
    const dataDir = mkdtempSync(join(tmpdir(), 'podium-bench-'));
    const db = await openDatabase({ url: database.url, poolSize: 2 });
    const env = { DATABASE_URL: database.url, JWT_SECRET: SECRET, PODIUM_DATA_DIR: dataDir, LIVEKIT_DISABLED: 'true', PODIUM_SEED_DEMO: 'false', PROGRAMME_TICK_SECONDS: '0', RATE_LIMIT_FACTOR: '0' };
    const api = await startApi(env);
    try {
      for (const [slug, p] of [['bench-n', big], ['bench-base', small]] as const) {
        await db.transaction((m) => insertProgramme(m, p, { slug, published: true }));
      }
      const [person] = await db.query(`INSERT INTO person (display_name) VALUES ('Bench Orga') RETURNING id`);
      await db.query(`INSERT INTO conference_role (conference_id, person_id, role) VALUES (NULL, $1, 'organiser')`, [person.id]);
      const signer = new SessionTokens(new JwtService({ secret: SECRET, signOptions: { algorithm: 'HS256', expiresIn: 3600, issuer: 'podium' } }));
      const token = await signer.sign({ sub: person.id });
      progress(`api: both programmes inserted into PostgreSQL, timing GET /conflicts and GET /schedule.json`);
      const apiBase = await httpFigures(api.url, token, 'bench-base', rounds);
      const apiN = await httpFigures(api.url, token, 'bench-n', rounds);
      return {
        sessions: n,
        rooms,
        days,
        rounds,
        conflicts_ms: domain.conflicts_ms,
        export_ms: domain.export_ms,
        conflicts_found: domain.conflicts,
        baseline: { sessions: BASELINE_SESSIONS, conflicts_ms: domainBase.conflicts_ms, export_ms: domainBase.export_ms },
        growth: growth(domain, domainBase, n),
        domain: { ours: domain, baseline: domainBase },
        api: {
          conflicts_ms: apiN.conflicts_ms,
          export_ms: apiN.export_ms,
          export_bytes: apiN.export_bytes,
          baseline: { sessions: BASELINE_SESSIONS, conflicts_ms: apiBase.conflicts_ms, export_ms: apiBase.export_ms, export_bytes: apiBase.export_bytes },
          growth: growth(apiN, apiBase, n),
          p99: { conflicts_ms: apiN.conflicts_p99_ms, export_ms: apiN.export_p99_ms },
        },
      };
    } finally {
      await api.stop();
      await db.destroy();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
