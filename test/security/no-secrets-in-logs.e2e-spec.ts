// Every log line of a busy api (debug level), captured through startPodium's logger option, is free of secrets.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPodium, type PodiumHandle } from '../../apps/api/src/bootstrap';
import { loadConfig } from '../../apps/api/src/config/config';
import { IdentityService } from '../../apps/api/src/identity/identity.service';
import { JsonLogger } from '../../apps/api/src/logging/json-logger';
import { connect, send } from '../fishbowl/support';
import { api, type TestApp } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { testLiveKit } from '../support/services';
import { createWorld } from './support/world';

const JWT = /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/;

describe('no secrets or tokens in the logs', () => {
  const lines: string[] = [];
  let podium: PodiumHandle;
  let database: TestDatabase;
  let dataDir: string;
  let app: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase('sec-logs');
    dataDir = mkdtempSync(join(tmpdir(), 'podium-logs-'));
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', DATABASE_URL: database.url, PODIUM_DATA_DIR: dataDir, JWT_SECRET: 'log-secret-log-secret-log-secret-0123456789', LOG_LEVEL: 'debug' });
    podium = await startPodium(config, { livekit: { status: 'external', ...testLiveKit() }, logger: new JsonLogger('debug', (line) => lines.push(line)) });
    app = { url: podium.url, podium, database, dataDir, stop: async () => undefined };
  });
  afterAll(async () => {
    await podium?.stop();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('signing in, joining, the fishbowl, failures and forged credentials leave no secret in any line', async () => {
    const world = await createWorld(app);
    const secrets: string[] = [world.invitationSecret, podium.runtime.jwtSecret, testLiveKit().apiSecret];
    const identity = podium.app.get(IdentityService);
    const invitation = await identity.invite({ displayName: 'Log Leser', role: 'moderator', conferenceId: world.conferenceId });
    const secret = invitation.link.split('/signin/')[1];
    secrets.push(secret);
    const redeemed = await api(app.url, 'POST', '/api/auth/redeem', { body: { token: secret } });
    await fetch(`${app.url}/signin/${secret}`);
    await fetch(`${app.url}/signin/${secret}?token=${secret}`, { headers: { accept: 'application/json' } });
    const join = await api(app.url, 'POST', `/api/sessions/${world.sessionId}/join`, { token: redeemed.body.token });
    expect(join.status).toBe(200);
    secrets.push(redeemed.body.token, join.body.token, ...Object.values(world.tokens).filter((t): t is string => !!t));
    await api(app.url, 'GET', '/api/auth/me', { token: `${redeemed.body.token}x` });
    await api(app.url, 'POST', '/livekit/webhook', { body: '{}', headers: { 'content-type': 'application/webhook+json', authorization: join.body.token } });
    await api(app.url, 'POST', '/api/auth/redeem', { body: { token: secret, extra: join.body.token } });
    const socket = await connect(app.url, redeemed.body.token, { reconnection: false });
    await send(socket, 'fishbowl:join', { sessionId: world.sessionId });
    await send(socket, 'fishbowl:ask', { sessionId: world.sessionId, where: 'remote', topic: 'Datenschutz' });
    socket.disconnect();
    await connect(app.url, `${redeemed.body.token}x`, { reconnection: false }).catch(() => undefined);
    expect(lines.length).toBeGreaterThan(3);
    const leaks = lines.filter((line) => JWT.test(line) || secrets.some((s) => line.includes(s)));
    expect(leaks).toEqual([]);
  });
});
