import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { api } from '../support/app';
import { embeddedUrl, postgresProcessesOn, removeEmbeddedDataDir, runCli } from '../support/embedded';
import { startServerProcess } from '../support/server-process';

// `npm start` is a process that starts its own PostgreSQL: boot the built server as a child process.
describe('boot on the embedded default (no DATABASE_URL): the built server as a process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'podium-embedded-'));
  afterAll(() => removeEmbeddedDataDir(dataDir));
  const env = { PODIUM_DATA_DIR: dataDir, LIVEKIT_DISABLED: 'true', DATABASE_URL: '', REDIS_URL: '' };
  // The first start (initdb, migrations, demo data) takes seconds alone and longer on two busy cores.
  const boot = { timeoutMs: 120_000 };

  it('migrates, loads the demo conferences once, serves health and the programme, and keeps data over a restart', async () => {
    const first = await startServerProcess(env, boot);
    try {
      const health = await api(first.url, 'GET', '/health');
      expect(health.status).toBe(200);
      expect(health.body.database).toMatchObject({ status: 'up', kind: 'embedded' });
      expect(health.body.livekit.status).toBe('disabled');
      expect(health.body.media).toBe('unavailable');
      const conferences = await api(first.url, 'GET', '/api/conferences');
      expect(conferences.status).toBe(200);
      expect(conferences.body.map((c: { slug: string }) => c.slug)).toEqual(expect.arrayContaining(['buko-2020', 'buko-2018-kassel', 'buko-2019-ulm', 'probebuehne']));
      expect(postgresProcessesOn(dataDir)).toHaveLength(1);
    } finally {
      expect(await first.stop('SIGTERM')).toBe(0);
    }
    // A graceful stop takes its PostgreSQL along.
    expect(postgresProcessesOn(dataDir)).toEqual([]);

    const second = await startServerProcess(env, boot);
    try {
      const conferences = await api(second.url, 'GET', '/api/conferences');
      expect(conferences.body).toHaveLength(4);
      // A second server on the same data directory would corrupt it: it must refuse to start.
      await expect(startServerProcess(env, boot)).rejects.toThrow(/another Podium server/);
    } finally {
      expect(await second.stop('SIGTERM')).toBe(0);
    }
  }, 400_000);

  it('starts again after a SIGKILL of the api: the orphaned PostgreSQL is stopped and the data is there', async () => {
    const crashed = await startServerProcess(env, boot);
    const guest = await api(crashed.url, 'POST', '/api/conferences/probebuehne/guests', { body: { displayName: 'Vor dem Absturz' } });
    expect(guest.status).toBe(201);
    await crashed.stop('SIGKILL');
    // The situation under test: the api is gone, its PostgreSQL still runs on the data directory.
    const orphans = postgresProcessesOn(dataDir);
    expect(orphans).toHaveLength(1);

    const next = await startServerProcess(env, boot);
    try {
      expect(postgresProcessesOn(dataDir)).not.toContain(orphans[0]);
      const me = await api(next.url, 'GET', '/api/auth/me', { token: guest.body.token });
      expect(me.status).toBe(200);
      expect(me.body.person).toMatchObject({ id: guest.body.person.id, displayName: 'Vor dem Absturz', guest: true });
      expect((await api(next.url, 'GET', '/api/conferences')).body).toHaveLength(4);
    } finally {
      expect(await next.stop('SIGTERM')).toBe(0);
    }
    expect(postgresProcessesOn(dataDir)).toEqual([]);
  }, 400_000);

  it('the operator CLI uses the running server\'s database through its marker, or starts the cluster itself', async () => {
    const server = await startServerProcess(env, boot);
    try {
      const viaMarker = await runCli(['invite', '--role', 'organiser', '--name', 'Orga Über Marker'], env);
      expect(viaMarker.code).toBe(0);
      expect(viaMarker.stderr).toMatch(/embedded database of the running server \(pid \d+\)/);
      const db = new Client({ connectionString: embeddedUrl(dataDir) });
      await db.connect();
      try {
        const { rows } = await db.query(`SELECT display_name FROM person WHERE display_name = 'Orga Über Marker'`);
        expect(rows).toEqual([{ display_name: 'Orga Über Marker' }]);
      } finally {
        await db.end();
      }
    } finally {
      expect(await server.stop('SIGTERM')).toBe(0);
    }
    const alone = await runCli(['invite', '--role', 'organiser', '--name', 'Orga Ohne Server'], env);
    expect(alone.code).toBe(0);
    expect(alone.stderr).toContain(`embedded database in ${join(dataDir, 'postgres')}`);
    expect(postgresProcessesOn(dataDir)).toEqual([]);
  }, 400_000);
});
