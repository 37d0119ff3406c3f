import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../../apps/api/src/database/data-source';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { freeTcpPort, startServerProcess, type ServerProcess } from '../support/server-process';
import { connect, createFishbowl, essence, insertPeople, join, send, sessionTokens, until, type Client, type Person } from '../fishbowl/support';

const SECRET = 'redis-loss-secret-0123456789-abcdefghijkl';

/** Our own Redis on a free port, so that we can take it away without touching the machine's. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const failed = new Promise<never>((_, reject) => child.once('error', (e) => reject(new Error(`redis-server could not start (${e.message}); install Debian's redis-server`))));
  const up = (async () => {
    for (let i = 0; i < 100; i++) {
      const ok = await new Promise<boolean>((resolve) => {
        const s = require('node:net').connect(port, '127.0.0.1');
        s.once('connect', () => (s.end(), resolve(true)));
        s.once('error', () => resolve(false));
      });
      if (ok) return child;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('redis-server did not start listening');
  })();
  return Promise.race([up, failed]);
}

async function redisStatus(server: ServerProcess): Promise<string> {
  const res = await fetch(`${server.url}/health`);
  return ((await res.json()) as { redis: { status: string } }).redis.status;
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('Redis lost under two api processes', () => {
  let database: TestDatabase;
  let db: DataSource;
  let dataDir: string;
  let redis: ChildProcess | null = null;
  const servers: ServerProcess[] = [];
  const sockets: Client[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('redis-loss');
    dataDir = mkdtempSync(joinPath(tmpdir(), 'podium-redis-loss-'));
    db = await openDatabase({ url: database.url, poolSize: 2 });
  });

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    for (const s of servers) await s.stop('SIGKILL');
    redis?.kill('SIGKILL');
    await db?.destroy();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const follow = async (url: string, person: Person, sessionId: string) => {
    const socket = await connect(url, person.token);
    sockets.push(socket);
    socket.on('connect', () => void join(socket, sessionId).catch(() => undefined));
    await join(socket, sessionId);
    return socket;
  };
  const ask = async (socket: Client, sessionId: string) => {
    const ack = await send(socket, 'fishbowl:ask', { sessionId, where: 'remote' });
    if (!ack.ok) throw new Error(JSON.stringify(ack.error));
    return ack.version;
  };

  it('keeps each process serving its own clients, and resumes cross-process delivery with a full resync when Redis returns', async () => {
    const redisPort = await freeTcpPort();
    redis = await startRedis(redisPort);
    const env = {
      DATABASE_URL: database.url,
      JWT_SECRET: SECRET,
      PODIUM_DATA_DIR: dataDir,
      LIVEKIT_DISABLED: 'true',
      PODIUM_SEED_DEMO: 'false',
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    };
    const [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    servers.push(a, b);

    const { conferenceId, sessionId } = await createFishbowl(db);
    const tokens = sessionTokens(SECRET);
    const [mod] = await insertPeople(db, tokens, conferenceId, 1, 'moderator', 'Mod');
    const guests = await insertPeople(db, tokens, conferenceId, 6);
    const moderator = await follow(a.url, mod, sessionId);
    const onA = await Promise.all(guests.slice(0, 3).map((g) => follow(a.url, g, sessionId)));
    const onB = await Promise.all(guests.slice(3).map((g) => follow(b.url, g, sessionId)));

    const started = await send(moderator, 'fishbowl:start', { sessionId, expectedVersion: 0 });
    expect(started.ok).toBe(true);
    let v = await ask(onB[0], sessionId);
    await until(onA[0], (x) => x.version === v); // delivered across processes while Redis is up

    redis.kill('SIGKILL');
    redis = null;
    await eventually(async () => (await redisStatus(a)) === 'down' && (await redisStatus(b)) === 'down');

    // Without Redis each process still serves its own clients, commands still commit in PostgreSQL.
    const vA = await ask(onA[1], sessionId);
    await Promise.all(onA.map((c) => until(c, (x) => x.version >= vA)));
    const vB = await ask(onB[1], sessionId);
    await Promise.all(onB.map((c) => until(c, (x) => x.version >= vB)));
    v = Math.max(vA, vB);

    redis = await startRedis(redisPort);
    await eventually(async () => (await redisStatus(a)) === 'up' && (await redisStatus(b)) === 'up');

    // Delivery across processes resumes: a change through B reaches A's clients with the full state.
    const last = await ask(onB[2], sessionId);
    expect(last).toBeGreaterThan(v);
    const views = await Promise.all([moderator, ...onA, ...onB].map((c) => until(c, (x) => x.version === last, 20_000)));
    for (const view of views) expect(essence(view)).toEqual(essence(views[0]));
    expect(views[0].queue.map((q) => q.personId).sort()).toEqual([guests[1], guests[3], guests[4], guests[5]].map((g) => g.personId).sort());
    const rows: { version: number }[] = await db.query('SELECT version FROM fishbowl_event WHERE session_id = $1 ORDER BY version', [sessionId]);
    expect(rows.map((r) => r.version)).toEqual(Array.from({ length: last }, (_, i) => i + 1));
  }, 120_000);
});
