// Issue 11: production refuses toy defaults, and links point at the running server (PORT=0 included).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { BUILT_SERVER, startServerProcess } from '../support/server-process';

const CLI = join(BUILT_SERVER, '..', 'cli', 'main.js');
const JWT = 'Xk3v9QpL2mW8rT5yB7nJ4hF6dS1aZ0cE-production-test';

/** The environment without anything a developer's shell might add. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'PUBLIC_URL', 'PORT', 'LIVEKIT_URL', 'LIVEKIT_API_KEY', 'LIVEKIT_API_SECRET', 'PODIUM_SEED_DEMO', 'API_DOCS', 'TRUST_PROXY']) delete env[name];
  return { ...env, ...extra };
}

function boot(env: Record<string, string>) {
  if (!existsSync(BUILT_SERVER)) throw new Error('dist/ is missing: run "npm run build:api" first');
  return spawnSync(process.execPath, [BUILT_SERVER], { env: cleanEnv(env), encoding: 'utf8', timeout: 20000 });
}

describe('production refuses toy defaults at boot (exit 78, one line)', () => {
  it('without DATABASE_URL unless the embedded database is asked for', () => {
    const run = boot({ NODE_ENV: 'production', JWT_SECRET: JWT, LIVEKIT_DISABLED: 'true' });
    expect(run.status).toBe(78);
    expect(run.stderr.trim().split('\n')).toEqual([
      'Invalid configuration: DATABASE_URL is required when NODE_ENV=production (set PODIUM_EMBEDDED_DATABASE=true to run the embedded database on purpose)',
    ]);
  });

  it('with the secrets and password printed in docker/docker-compose.yml', () => {
    const run = boot({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgresql://podium:podium@postgres:5432/podium',
      JWT_SECRET: 'change-me-to-a-long-random-secret-of-48-characters',
      LIVEKIT_URL: 'ws://localhost:7880',
      LIVEKIT_API_KEY: 'podium',
      LIVEKIT_API_SECRET: 'change-me-to-a-secret-of-at-least-32-characters',
    });
    expect(run.status).toBe(78);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    for (const name of ['JWT_SECRET is a placeholder', 'LIVEKIT_API_SECRET is a placeholder', 'DATABASE_URL contains a placeholder password']) expect(lines[0]).toContain(name);
  });
});

describe('the built server on a real database', () => {
  let database: TestDatabase;
  const dataDir = mkdtempSync(join(tmpdir(), 'podium-prod-'));
  beforeAll(async () => {
    database = await createTestDatabase('prodstart');
  });
  afterAll(async () => {
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('in production: no demo data and no API docs unless asked for', async () => {
    const server = await startServerProcess(cleanEnv({ NODE_ENV: 'production', DATABASE_URL: database.url, JWT_SECRET: JWT, LIVEKIT_DISABLED: 'true', PODIUM_DATA_DIR: dataDir }) as Record<string, string>);
    try {
      expect((await api(server.url, 'GET', '/api/conferences')).body).toEqual([]);
      expect((await api(server.url, 'GET', '/api/docs/openapi.json')).status).toBe(404);
      expect((await fetch(`${server.url}/api/docs`, { headers: { accept: 'text/html' } })).status).toBe(404);
      // /health: anyone sees up/down; error texts, timings and modes only a platform organiser.
      const open = await api(server.url, 'GET', '/health');
      expect(open.body).toEqual({ status: 'ok', database: { status: 'up' }, livekit: { status: 'disabled' }, redis: { status: 'disabled' }, media: 'unavailable' });
      const env = cleanEnv({ NODE_ENV: 'production', DATABASE_URL: database.url, JWT_SECRET: JWT, LIVEKIT_DISABLED: 'true', PODIUM_DATA_DIR: dataDir, PUBLIC_URL: server.url });
      const run = spawnSync(process.execPath, [CLI, 'invite', '--role', 'organiser', '--name', 'Betrieb'], { env, encoding: 'utf8', timeout: 30000 });
      expect(run.status).toBe(0);
      const link = run.stdout.trim().split('\n').pop()!;
      const signedIn = await api(server.url, 'GET', new URL(link).pathname, { headers: { accept: 'application/json' } });
      const operator = await api(server.url, 'GET', '/health', { token: signedIn.body.token });
      expect(operator.body).toMatchObject({ database: { status: 'up', kind: 'external' }, livekit: { status: 'disabled', mode: 'disabled' } });
      expect(typeof operator.body.uptimeSeconds).toBe('number');
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('with PORT=0 prints the bound port, writes server.json, and the CLI prints links with that port that sign in', async () => {
    const env = { NODE_ENV: 'test', DATABASE_URL: database.url, JWT_SECRET: JWT, LIVEKIT_DISABLED: 'true', PODIUM_DATA_DIR: dataDir };
    const server = await startServerProcess(cleanEnv(env) as Record<string, string>, { port: 0 });
    try {
      expect(server.port).toBeGreaterThan(0);
      expect(server.output()).toContain(`Podium is running: http://127.0.0.1:${server.port}\n`);
      expect((await api(server.url, 'GET', '/health')).status).toBe(200);
      const file = join(dataDir, 'server.json');
      expect(statSync(file).mode & 0o777).toBe(0o600);

      // The CLI has no PORT and no PUBLIC_URL: without server.json it would print port 3000.
      const run = spawnSync(process.execPath, [CLI, 'invite', '--role', 'organiser', '--name', 'Port Null'], { env: cleanEnv(env), encoding: 'utf8', timeout: 30000 });
      expect(run.status).toBe(0);
      const link = run.stdout.trim().split('\n').pop()!;
      expect(link).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/signin/[A-Za-z0-9_-]{43}$`));
      const signedIn = await api(server.url, 'GET', new URL(link).pathname, { headers: { accept: 'application/json' } });
      expect(signedIn.status).toBe(200);
      expect((await api(server.url, 'GET', '/api/auth/me', { token: signedIn.body.token })).body.person.displayName).toBe('Port Null');
    } finally {
      expect(await server.stop()).toBe(0);
    }
    expect(existsSync(join(dataDir, 'server.json'))).toBe(false);
  });
});
