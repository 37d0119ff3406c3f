import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { api } from '../support/app';
import { embeddedUrl, removeEmbeddedDataDir } from '../support/embedded';
import { BUILT_SERVER, startServerProcess } from '../support/server-process';

const FIXTURE = join(BUILT_SERVER, '..', '..', '..', '..', 'test', 'support', 'legacy-pglite-fixture.js');

// Before the embedded PostgreSQL, the default start kept its data in <data>/pgdata (PGlite). Nothing may be lost.
describe('data of the former embedded database (PGlite) on the first start of the embedded PostgreSQL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'podium-embedded-legacy-'));
  afterAll(() => removeEmbeddedDataDir(dataDir));
  const env = { PODIUM_DATA_DIR: dataDir, LIVEKIT_DISABLED: 'true', DATABASE_URL: '', REDIS_URL: '', LOG_LEVEL: 'info' };

  it('brings the PGlite data to the latest migration, copies every row, keeps the old directory renamed', async () => {
    await promisify(execFile)(process.execPath, [FIXTURE, join(dataDir, 'pgdata')], { timeout: 120_000 });
    const server = await startServerProcess(env, { timeoutMs: 180_000 });
    const db = new Client({ connectionString: embeddedUrl(dataDir) });
    try {
      // The old rows are there, so the demo conferences were not loaded on top (only "probebuehne" is kept current).
      const conferences = await api(server.url, 'GET', '/api/conferences');
      const listed = conferences.body.map((c: { slug: string; title: string }) => [c.slug, c.title]);
      expect(listed).toContainEqual(['alte-konferenz', 'Alte Konferenz']);
      expect(listed.map(([slug]: string[]) => slug)).not.toContain('buko-2020');
      await db.connect();
      const ada = `'22222222-2222-4222-8222-222222222222'`;
      const old = `'11111111-1111-4111-8111-111111111111'`;
      expect((await db.query(`SELECT display_name, email FROM person WHERE id = ${ada}`)).rows).toEqual([{ display_name: 'Ada Altdaten', email: 'ada@example.org' }]);
      expect((await db.query(`SELECT person_id, role FROM conference_role WHERE conference_id = ${old}`)).rows).toEqual([{ person_id: '22222222-2222-4222-8222-222222222222', role: 'organiser' }]);
      const session = (await db.query(`SELECT title, starts_at, ends_at, description FROM session WHERE conference_id = ${old}`)).rows;
      expect(session).toEqual([{ title: 'Podium „Übergänge“', starts_at: new Date('2024-05-01T08:00:00Z'), ends_at: new Date('2024-05-01T09:30:00Z'), description: null }]);
      // track.position came with the migration the PGlite data had not seen yet.
      expect((await db.query(`SELECT name, position FROM track WHERE conference_id = ${old}`)).rows).toEqual([{ name: 'Gemeinsam', position: 0 }]);
      expect((await db.query(`SELECT id::int, participant_sid FROM livestream_presence ORDER BY id`)).rows).toEqual([
        { id: 1, participant_sid: 'PA_1' },
        { id: 2, participant_sid: 'PA_2' },
        { id: 3, participant_sid: 'PA_3' },
      ]);
      // The sequence continues after the copied rows.
      expect((await db.query(`SELECT nextval('livestream_presence_id_seq')::int AS next`)).rows).toEqual([{ next: 4 }]);
      expect((await db.query(`SELECT name FROM migrations ORDER BY "timestamp"`)).rows.map((r) => r.name)).toEqual([
        'Foundation1732590000000',
        'Livestream1732600000000',
        'Fishbowl1732610000000',
        'Programme1732620000000',
        'Trust1732630000000',
        'Captions1732640000000',
        'Invitations1732645000000',
        'ScheduleExchange1732645170000',
        'Questions1732650000000',
        'Chat1732651000000',
        'Polls1732652000000',
        'Accessibility1732653000000',
        'Forums1732655000000',
        'StageLayout1732663000000',
        'NetworkingRounds1732664000000',
        'BoothChatForumPresence1732665000000',
        'MailInDoubt1732666000000',
        'MailHandedOver1732667000000',
        'MailSameMailAgain1732668000000',
      ]);
      expect(existsSync(join(dataDir, 'pgdata'))).toBe(false);
      expect(readdirSync(dataDir).filter((f) => f.startsWith('pgdata.migrated-'))).toHaveLength(1);
      expect(server.output()).toMatch(/copied .*conference: 1.*person: 1/);
    } finally {
      await db.end().catch(() => undefined);
      expect(await server.stop('SIGTERM')).toBe(0);
    }

    // The next start finds nothing to migrate and keeps the data.
    const again = await startServerProcess(env, { timeoutMs: 120_000 });
    try {
      expect((await api(again.url, 'GET', '/api/conferences')).body.map((c: { slug: string }) => c.slug)).toContain('alte-konferenz');
      expect(again.output()).not.toMatch(/PGlite/);
    } finally {
      expect(await again.stop('SIGTERM')).toBe(0);
    }
  }, 400_000);
});
