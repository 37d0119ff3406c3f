import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api } from '../support/app';
import { startServerProcess } from '../support/server-process';

// PGlite loads its file system support with a dynamic import that jest's module sandbox cannot run,
// and `npm start` is a process anyway: boot the built server as a child process.
describe('boot on the embedded default (no DATABASE_URL): the built server as a process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'podium-embedded-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const env = { PODIUM_DATA_DIR: dataDir, LIVEKIT_DISABLED: 'true', DATABASE_URL: '', REDIS_URL: '' };
  // PGlite's first start (WASM, migrations, demo data) takes seconds alone and far longer on two busy cores.
  const boot = { timeoutMs: 120_000 };

  it('migrates PGlite, loads the demo conferences once, serves health and the programme, and keeps data over a restart', async () => {
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
    } finally {
      expect(await first.stop('SIGTERM')).toBe(0);
    }

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
});
