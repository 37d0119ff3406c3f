import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { api, startTestApp, type TestApp } from '../support/app';

const root = join(__dirname, '..', '..');
const main = join(root, 'dist/apps/api/src/main.js');
const cli = join(root, 'dist/apps/api/src/cli/main.js');

function requireBuild() {
  if (!existsSync(main) || !existsSync(cli)) throw new Error('dist/ is missing: run "npm run build" first (npm test does)');
}

describe('the built server and the operator CLI as processes', () => {
  beforeAll(requireBuild);

  it('stops at boot on a bad config value with one line naming the variable', () => {
    const run = spawnSync(process.execPath, [main], { env: { ...process.env, PORT: 'eighty', LIVEKIT_URL: 'not a url' }, encoding: 'utf8', timeout: 20000 });
    expect(run.status).toBe(78);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/PORT must be a whole number/);
    expect(lines[0]).toMatch(/LIVEKIT_URL must be/);
  });

  describe('against a real database', () => {
    let database: TestDatabase;
    let app: TestApp;
    beforeAll(async () => {
      database = await createTestDatabase('cli');
      app = await startTestApp('cli', { database, livekit: false });
    });
    afterAll(async () => {
      await app.stop();
      await database.drop();
    });

    it('`podium invite --role organiser` prints a sign-in link that signs in', async () => {
      const run = spawnSync(process.execPath, [cli, 'invite', '--role', 'organiser', '--name', 'Test'], {
        env: { ...process.env, DATABASE_URL: database.url, JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789', PUBLIC_URL: app.url },
        encoding: 'utf8',
        timeout: 30000,
      });
      expect(run.stderr).not.toMatch(/error/i);
      expect(run.status).toBe(0);
      const link = run.stdout.trim().split('\n').pop()!;
      expect(link).toMatch(new RegExp(`^${app.url}/signin/[A-Za-z0-9_-]{43}$`));
      const signedIn = await api(app.url, 'GET', new URL(link).pathname, { headers: { accept: 'application/json' } });
      expect(signedIn.status).toBe(200);
      const me = await api(app.url, 'GET', '/api/auth/me', { token: signedIn.body.token });
      expect(me.status).toBe(200);
      expect(me.body.person.displayName).toBe('Test');
      expect(me.body.roles).toEqual([{ conference: null, role: 'organiser' }]);
    });

    it('`podium invite` with a bad role explains the usage and writes nothing', async () => {
      const before = await app.podium.dataSource.query('SELECT count(*)::int AS n FROM person');
      const run = spawnSync(process.execPath, [cli, 'invite', '--role', 'king', '--name', 'X'], {
        env: { ...process.env, DATABASE_URL: database.url },
        encoding: 'utf8',
        timeout: 30000,
      });
      expect(run.status).toBe(64);
      expect(run.stderr).toMatch(/--role must be one of/);
      expect(await app.podium.dataSource.query('SELECT count(*)::int AS n FROM person')).toEqual(before);
    });
  });
});
