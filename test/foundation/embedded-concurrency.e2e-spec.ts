import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { api } from '../support/app';
import { embeddedUrl, postgresProcessesOn, removeEmbeddedDataDir, runCli } from '../support/embedded';
import { startServerProcess, type ServerProcess } from '../support/server-process';

const KASSEL = JSON.parse(readFileSync(join(__dirname, '..', '..', 'libs', 'programme', 'src', 'fixtures', 'kassel-2018.schedule.json'), 'utf8'));

// The default start under concurrent use (issue 11): the embedded database must behave as PostgreSQL does,
// with one session per connection. The former engine answered one person with another person's identity here.
describe('the embedded default database under concurrent use (the built server as a process)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'podium-embedded-concurrency-'));
  // This file tests the database, not the limits: 200 sign-ins from 127.0.0.1 need a higher limit.
  const env = { PODIUM_DATA_DIR: dataDir, LIVEKIT_DISABLED: 'true', DATABASE_URL: '', REDIS_URL: '', RATE_LIMIT_FACTOR: '100' };
  let server: ServerProcess;
  const clients: Client[] = [];
  const connect = async (url = embeddedUrl(dataDir)) => {
    const client = new Client({ connectionString: url });
    clients.push(client);
    await client.connect();
    return client;
  };

  beforeAll(async () => {
    server = await startServerProcess(env, { timeoutMs: 120_000 });
  }, 150_000);
  afterAll(async () => {
    try {
      await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
      if (server) expect(await server.stop('SIGTERM')).toBe(0);
      expect(postgresProcessesOn(dataDir)).toEqual([]);
    } finally {
      await removeEmbeddedDataDir(dataDir);
    }
  }, 60_000);

  it('200 concurrent guest sign-ins, then 200 concurrent GET /api/auth/me: every answer belongs to its own token', async () => {
    const names = Array.from({ length: 200 }, (_, i) => `Gast ${String(i + 1).padStart(3, '0')}`);
    const signIns = await Promise.all(names.map((displayName) => api(server.url, 'POST', '/api/conferences/probebuehne/guests', { body: { displayName } })));
    expect(signIns.map((r) => r.status)).toEqual(names.map(() => 201));
    expect(signIns.map((r) => r.body.person.displayName)).toEqual(names);
    expect(new Set(signIns.map((r) => r.body.person.id)).size).toBe(200);

    const answers = await Promise.all(signIns.map((r) => api(server.url, 'GET', '/api/auth/me', { token: r.body.token })));
    expect(answers.map((r) => r.status)).toEqual(names.map(() => 200));
    expect(answers.map((r) => r.body.person.displayName)).toEqual(names);
    expect(answers.map((r) => r.body.person.id)).toEqual(signIns.map((r) => r.body.person.id));
    expect(answers.map((r) => r.body.roles)).toEqual(names.map(() => [{ conference: 'probebuehne', role: 'attendee' }]));
  }, 120_000);

  it('concurrent imports each answer their own conference, and the one that fails is rolled back alone', async () => {
    const invite = await runCli(['invite', '--role', 'organiser', '--name', 'Orga Import'], env);
    expect(invite.code).toBe(0);
    const secret = invite.stdout.trim().split('\n').pop()!.split('/signin/')[1];
    const redeemed = await api(server.url, 'POST', '/api/auth/redeem', { body: { token: secret } });
    expect(redeemed.status).toBe(200);
    const token = redeemed.body.token as string;

    // One import is refused in its last statement (speakers), while the others write at the same time.
    const admin = await connect();
    await admin.query(`
      CREATE FUNCTION refuse_one_import() RETURNS trigger AS $$
      BEGIN
        IF (SELECT c.slug FROM session s JOIN conference c ON c.id = s.conference_id WHERE s.id = NEW.session_id) = 'kassel-refused' THEN
          RAISE EXCEPTION 'refused by test';
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await admin.query('CREATE TRIGGER refuse_one_import BEFORE INSERT ON session_person FOR EACH ROW EXECUTE FUNCTION refuse_one_import()');
    const slugs = ['kassel-a', 'kassel-b', 'kassel-c', 'kassel-refused', 'kassel-d', 'kassel-e', 'kassel-f', 'kassel-g'];
    try {
      const answers = await Promise.all(slugs.map((slug) => api(server.url, 'POST', `/api/conferences/import?slug=${slug}`, { token, body: KASSEL })));
      expect(answers.map((r) => r.status)).toEqual([201, 201, 201, 500, 201, 201, 201, 201]);
      for (const [i, slug] of slugs.entries()) if (slug !== 'kassel-refused') expect(answers[i].body).toMatchObject({ slug, counts: { sessions: 9 } });
    } finally {
      await admin.query('DROP TRIGGER refuse_one_import ON session_person');
      await admin.query('DROP FUNCTION refuse_one_import()');
    }
    expect((await api(server.url, 'GET', '/api/conferences/kassel-refused')).status).toBe(404);
    // Nine events in the Kassel fixture, each conference its own nine sessions.
    const { rows } = await admin.query(
      `SELECT c.slug, count(s.id)::int AS sessions FROM conference c LEFT JOIN session s ON s.conference_id = c.id WHERE c.slug LIKE 'kassel-%' GROUP BY c.slug ORDER BY c.slug`,
    );
    expect(rows).toEqual(['kassel-a', 'kassel-b', 'kassel-c', 'kassel-d', 'kassel-e', 'kassel-f', 'kassel-g'].map((slug) => ({ slug, sessions: 9 })));
  }, 120_000);

  it('two concurrent transactions: uncommitted work is invisible to the other, a rollback undoes only its own work', async () => {
    const [a, b] = [await connect(), await connect()];
    await a.query('BEGIN');
    await b.query('BEGIN');
    await a.query(`INSERT INTO person (display_name) VALUES ('Transaktion A')`);
    await b.query(`INSERT INTO person (display_name) VALUES ('Transaktion B')`);
    const seen = async (client: Client) =>
      (await client.query(`SELECT display_name FROM person WHERE display_name LIKE 'Transaktion %' ORDER BY 1`)).rows.map((r) => r.display_name);
    expect(await seen(a)).toEqual(['Transaktion A']);
    expect(await seen(b)).toEqual(['Transaktion B']);
    // Meanwhile the api answers from its own connections and sees neither.
    const guest = await api(server.url, 'POST', '/api/conferences/probebuehne/guests', { body: { displayName: 'Gast während Transaktionen' } });
    expect(guest.status).toBe(201);
    await a.query('ROLLBACK');
    expect(await seen(b)).toEqual(['Transaktion B']);
    await b.query('COMMIT');
    const after = await connect();
    expect(await seen(after)).toEqual(['Transaktion B']);
    expect((await after.query(`SELECT count(*)::int AS n FROM person WHERE display_name = 'Gast während Transaktionen'`)).rows).toEqual([{ n: 1 }]);
  });

  it('advisory locks and LISTEN/NOTIFY work as on production PostgreSQL', async () => {
    const [a, b] = [await connect(), await connect()];
    expect((await a.query('SELECT pg_try_advisory_lock(4711) AS got')).rows).toEqual([{ got: true }]);
    expect((await b.query('SELECT pg_try_advisory_lock(4711) AS got')).rows).toEqual([{ got: false }]);
    await a.query('SELECT pg_advisory_unlock(4711)');
    expect((await b.query('SELECT pg_try_advisory_lock(4711) AS got')).rows).toEqual([{ got: true }]);
    const heard = new Promise<string | undefined>((resolve) => b.once('notification', (n) => resolve(n.payload)));
    await b.query('LISTEN podium_test');
    await a.query(`NOTIFY podium_test, 'hallo'`);
    expect(await heard).toBe('hallo');
  });

  it('refuses connections without the generated password, listens on 127.0.0.1 only, keeps its secrets 0600', async () => {
    const url = new URL(embeddedUrl(dataDir));
    expect(url.hostname).toBe('127.0.0.1');
    expect(url.password).toBe(readFileSync(join(dataDir, 'postgres-password'), 'utf8').trim());
    const withoutPassword = new URL(url);
    withoutPassword.password = '';
    await expect(connect(withoutPassword.toString())).rejects.toThrow(/password/i);
    const wrongPassword = new URL(url);
    wrongPassword.password = 'postgres';
    await expect(connect(wrongPassword.toString())).rejects.toThrow(/password authentication failed/);
    const db = await connect();
    expect((await db.query('SHOW listen_addresses')).rows).toEqual([{ listen_addresses: '127.0.0.1' }]);
    expect((await db.query('SHOW unix_socket_directories')).rows).toEqual([{ unix_socket_directories: '' }]);
    expect((await db.query('SHOW password_encryption')).rows).toEqual([{ password_encryption: 'scram-sha-256' }]);
    expect(statSync(join(dataDir, 'postgres-password')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'embedded.json')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'postgres')).mode & 0o777).toBe(0o700);
  });
});
