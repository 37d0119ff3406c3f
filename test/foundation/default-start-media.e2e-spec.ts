// Issue 11: the real default start (`npm start`: no LiveKit variables, PORT=0, a fresh data dir) starts its
// own local LiveKit, and a guest's join reaches presence through LiveKit's webhook to the bound port.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispose } from '@livekit/rtc-node';
import { api } from '../support/app';
import { BUILT_SERVER, startServerProcess, type ServerProcess } from '../support/server-process';
import { connect, disconnectAll, eventually } from '../livestream/rtc';

const ROOT = join(__dirname, '..', '..');
const CLI = join(BUILT_SERVER, '..', 'cli', 'main.js');

describe('the default start with media', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'podium-default-media-'));
  let server: ServerProcess;
  // Nothing about LiveKit or the database: what a newcomer's shell has. Reconciliation is off, so
  // presence can only come from the webhook.
  const env: Record<string, string> = {
    NODE_ENV: 'development',
    PODIUM_DATA_DIR: dataDir,
    LIVEKIT_RECONCILE_SECONDS: '0',
    DATABASE_URL: '',
    REDIS_URL: '',
    LIVEKIT_URL: '',
    LIVEKIT_API_KEY: '',
    LIVEKIT_API_SECRET: '',
    LIVEKIT_DISABLED: '',
    LIVEKIT_BINARY: '',
    PUBLIC_URL: '',
    JWT_SECRET: '',
  };

  beforeAll(async () => {
    if (!existsSync(join(ROOT, '.tools/bin/livekit-server'))) {
      throw new Error('no local LiveKit server binary: run "npm run livekit:install" (needs Go) to build .tools/bin/livekit-server');
    }
    // The embedded database's first start (initialise, migrate, demo data) takes long on two busy cores.
    server = await startServerProcess(env, { port: 0, timeoutMs: 180_000 });
  }, 200_000);

  afterAll(async () => {
    await disconnectAll();
    await dispose(); // rtc-node's FFI handle keeps the jest worker alive otherwise
    if (server) expect(await server.stop('SIGTERM')).toBe(0);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a guest of probebuehne joins the live session and shows up in attendance through the webhook', async () => {
    const health = await api(server.url, 'GET', '/health');
    expect(health.body.livekit).toMatchObject({ status: 'up', mode: 'local' });

    // An organiser (through the operator CLI, which finds the running server's port) reads attendance.
    const invite = spawnSync(process.execPath, [CLI, 'invite', '--role', 'organiser', '--conference', 'probebuehne', '--name', 'Orga Medien'], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(invite.status).toBe(0);
    const link = invite.stdout.trim().split('\n').pop()!;
    expect(link.startsWith(`${server.url}/signin/`)).toBe(true);
    const organiser = await api(server.url, 'GET', new URL(link).pathname, { headers: { accept: 'application/json' } });
    expect(organiser.status).toBe(200);

    const guest = await api(server.url, 'POST', '/api/conferences/probebuehne/guests', { body: { displayName: 'Gast mit Ton' } });
    expect(guest.status).toBe(201);
    const nowNext = await api(server.url, 'GET', '/api/conferences/probebuehne/now-next');
    const live = nowNext.body.rooms.find((r: { room: { name: string } }) => r.room.name === 'Plenum').now;
    expect(live.title).toBe('„Aktuelle Stunde“ im Fishbowl-Format (Probe)');

    const join = await api(server.url, 'POST', `/api/sessions/${live.id}/join`, { token: guest.body.token });
    expect(join.status).toBe(200);

    const attendance = () => api(server.url, 'GET', `/api/sessions/${live.id}/attendance`, { token: organiser.body.token });
    expect((await attendance()).body).toMatchObject({ live: 0, connections: 0 });

    const room = await connect(join.body.url, join.body.token);
    await eventually(async () => (await attendance()).body.live === 1, 30_000, 'participant_joined webhook reaches presence');
    expect((await attendance()).body).toMatchObject({ live: 1, totalUnique: 1, connections: 1 });

    await room.disconnect();
    await eventually(async () => (await attendance()).body.live === 0, 30_000, 'participant_left webhook reaches presence');
  }, 120_000);
});
