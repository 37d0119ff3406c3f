// PostgreSQL connections cut (backends terminated, then connections refused): 503 UNAVAILABLE fast, nothing half-written, recovery without a restart.
import { Client } from 'pg';
import { api, startTestApp, type TestApp } from '../support/app';
import { TEST_POSTGRES_ADMIN_URL } from '../support/services';
import { createWorld, type World } from '../security/support/world';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('fault: the database goes away for a while', () => {
  let app: TestApp;
  let world: World;
  let admin: Client;
  beforeAll(async () => {
    app = await startTestApp('fault-db', { livekit: false, env: { RATE_LIMIT_FACTOR: '0' } });
    world = await createWorld(app);
    admin = new Client({ connectionString: TEST_POSTGRES_ADMIN_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.query(`ALTER DATABASE ${app.database.name} ALLOW_CONNECTIONS true`).catch(() => undefined);
    await admin?.end();
    await app?.stop();
  });

  /** Writes that touch two tables in one transaction (person + role), and reads, while the outage lasts. */
  async function traffic(until: () => boolean) {
    const answers: { status: number; code?: string; ms: number }[] = [];
    let n = 0;
    while (!until()) {
      const started = Date.now();
      const res = await Promise.all([
        api(app.url, 'POST', `/api/conferences/${world.slug}/guests`, { body: { displayName: `Ausfall ${n++}` } }),
        api(app.url, 'GET', '/api/auth/me', { token: world.tokens.attendee }),
        api(app.url, 'GET', `/api/sessions/${world.sessionId}/fishbowl`, { token: world.tokens.attendee }),
      ]);
      for (const r of res) answers.push({ status: r.status, code: r.body?.error?.code, ms: Date.now() - started });
    }
    return answers;
  }

  const orphans = async () =>
    (await app.podium.dataSource.query(`SELECT count(*)::int AS n FROM person p WHERE p.is_guest AND NOT EXISTS (SELECT 1 FROM conference_role r WHERE r.person_id = p.id)`))[0].n;

  it('terminated backends: every answer is a success or 503 UNAVAILABLE, and the api recovers by itself', async () => {
    let stop = false;
    const killer = (async () => {
      const end = Date.now() + 3000;
      while (Date.now() < end) {
        await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [app.database.name]);
        await sleep(20);
      }
      stop = true;
    })();
    const answers = await traffic(() => stop);
    await killer;
    const failures = answers.filter((a) => a.status >= 400);
    expect(failures.filter((a) => !(a.status === 503 && a.code === 'UNAVAILABLE'))).toEqual([]);
    expect(failures.length).toBeGreaterThan(0);
    await expectRecovery();
    expect(await orphans()).toBe(0);
  });

  it('connections refused (ALLOW_CONNECTIONS false): 503 UNAVAILABLE within seconds, then recovery without a restart', async () => {
    await admin.query(`ALTER DATABASE ${app.database.name} ALLOW_CONNECTIONS false`);
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [app.database.name]);
    const end = Date.now() + 3000;
    const answers = await traffic(() => Date.now() > end);
    const health = await api(app.url, 'GET', '/health');
    await admin.query(`ALTER DATABASE ${app.database.name} ALLOW_CONNECTIONS true`);
    expect(health.status).toBe(503);
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.filter((a) => !(a.status === 503 && a.code === 'UNAVAILABLE'))).toEqual([]);
    expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(6000);
    await expectRecovery();
    expect(await orphans()).toBe(0);
  });

  async function expectRecovery() {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const health = await api(app.url, 'GET', '/health');
      const guest = await api(app.url, 'POST', `/api/conferences/${world.slug}/guests`, { body: { displayName: 'Wieder da' } });
      if (health.status === 200 && guest.status === 201) return;
      if (Date.now() > deadline) throw new Error(`no recovery: health ${health.status}, guest ${guest.status} ${JSON.stringify(guest.body)}`);
      await sleep(200);
    }
  }
});
