import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { io } from 'socket.io-client';
import type { DataSource } from 'typeorm';
import type { FishbowlAck, FishbowlJoinAck, FishbowlView } from '@podium/contracts';
import { openDatabase } from '../../apps/api/src/database/data-source';
import { readEmbeddedMarker } from '../../apps/api/src/database/embedded-marker';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { freeTcpPort, startServerProcess, type ServerProcess } from '../support/server-process';
import { createFishbowl, insertPeople, sessionTokens, sleep, type Person } from './support';

const SECRET = 'fishbowl-restart-secret-0123456789-abcdef';
const GUESTS = 45;
const RETRYABLE = new Set(['UNAVAILABLE', 'INTERNAL', 'RATE_LIMITED']);

/** Clock-dependent fields (the server's clock at computing time) are left out; the rest must be the same text. */
const text = (view: FishbowlView) => JSON.stringify(view, (key, value) => (key === 'now' || key === 'timeLeftMs' || key === 'expectedWaitMs' ? undefined : value));

/**
 * A client written as the web client is (apps/web/src/fishbowl/useFishbowl.ts): joins on every connect;
 * a refused handshake or join answered UNAVAILABLE/INTERNAL/RATE_LIMITED is tried again with backoff
 * (socket.io-client does not reconnect after a refused handshake by itself); UNAUTHENTICATED ends it.
 */
function follow(url: string, person: Person, sessionId: string) {
  const socket = io(`${url}/fishbowl`, { auth: { token: person.token }, transports: ['websocket'], reconnectionDelay: 500, reconnectionDelayMax: 5000, forceNew: true });
  const client = { person, socket, views: [] as FishbowlView[], refusals: [] as string[], gaveUp: null as string | null, joins: 0 };
  let attempt = 0;
  const backoff = () => Math.min(5000, 250 * 2 ** attempt++);
  const join = () => {
    socket.timeout(15_000).emit('fishbowl:join', { sessionId }, (err: Error | null, ack: FishbowlJoinAck) => {
      if (err) return void setTimeout(() => socket.connected && join(), backoff()); // no answer in time: ask again
      if (ack.ok) {
        attempt = 0;
        client.joins++;
        client.views.push(ack.view);
      } else {
        client.refusals.push(`join ${ack.error.code}`);
        if (RETRYABLE.has(ack.error.code)) setTimeout(() => socket.connected && join(), backoff());
        else client.gaveUp = ack.error.code;
      }
    });
  };
  socket.on('connect', join);
  socket.on('fishbowl:state', (view: FishbowlView) => client.views.push(view));
  socket.on('connect_error', (error: Error & { data?: { code?: string } }) => {
    const code = error.data?.code;
    if (!code) return; // transport error: socket.io-client retries by itself
    client.refusals.push(`handshake ${code}`);
    if (RETRYABLE.has(code)) setTimeout(() => socket.connect(), backoff());
    else client.gaveUp = code;
  });
  return client;
}
type Follower = ReturnType<typeof follow>;

async function until(what: string, condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await sleep(50);
  }
}

const latest = (c: Follower) => c.views.reduce<FishbowlView | undefined>((a, v) => (!a || v.version >= a.version ? v : a), undefined);

// Both ways a server runs: on a real PostgreSQL, and as `npm start` does (no DATABASE_URL, the embedded database).
describe.each([
  ['real PostgreSQL', false],
  ['default start, embedded database', true],
])('reconnects after a SIGKILL of the api (%s)', (_, DEFAULT_START) => {
  let database: TestDatabase | null = null;
  let db: DataSource | null = null;
  let dataDir: string;
  const servers: ServerProcess[] = [];
  const clients: Follower[] = [];

  afterAll(async () => {
    for (const c of clients) c.socket.disconnect();
    await db?.destroy();
    for (const s of servers) await s.stop('SIGKILL');
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('brings every one of 46 clients back, unrefused, with its place in the queue and the same view text', async () => {
    dataDir = mkdtempSync(joinPath(tmpdir(), 'podium-restart-'));
    const env: Record<string, string> = { JWT_SECRET: SECRET, PODIUM_DATA_DIR: dataDir, LIVEKIT_DISABLED: 'true', PODIUM_SEED_DEMO: 'false' };
    if (!DEFAULT_START) {
      database = await createTestDatabase('fishbowl-restart');
      env.DATABASE_URL = database.url;
    }
    const port = await freeTcpPort();
    const start = async () => {
      const server = await startServerProcess(env, { port, timeoutMs: DEFAULT_START ? 180_000 : 60_000 }); // initdb on a busy machine
      servers.push(server);
      return server;
    };
    const first = await start();
    const url = DEFAULT_START ? readEmbeddedMarker(dataDir)?.url : database!.url;
    if (!url) throw new Error(`the default start left no embedded.json with the database URL in ${dataDir}`);
    db = await openDatabase({ url, poolSize: 1 });
    const { conferenceId, sessionId } = await createFishbowl(db);
    const tokens = sessionTokens(SECRET);
    const [mod] = await insertPeople(db, tokens, conferenceId, 1, 'moderator', 'Moderatorin');
    const guests = await insertPeople(db, tokens, conferenceId, GUESTS);
    await db.destroy();
    db = null;

    const moderator = follow(first.url, mod, sessionId);
    clients.push(moderator, ...guests.map((g) => follow(first.url, g, sessionId)));
    const refusals = () => clients.flatMap((c) => c.refusals.map((r) => `${c.person.name}: ${r}`));
    await until('every client joined', () => clients.every((c) => c.joins >= 1 || c.gaveUp !== null), 60_000);
    expect(refusals()).toEqual([]);
    const send = (c: Follower, event: string, payload: object) => c.socket.timeout(15_000).emitWithAck(event, { sessionId, ...payload }) as Promise<FishbowlAck>;
    // Settings written by a client: in memory in the order the rules merge them, after the restart in jsonb's order.
    const settings = { chairCount: 4, seatTimeLimitMs: 240_000, fixedChairs: [{ role: 'moderator', personId: mod.personId, displayName: mod.name }] };
    expect(await send(moderator, 'fishbowl:configure', { expectedVersion: 0, settings })).toMatchObject({ ok: true, version: 1 });
    expect(await send(moderator, 'fishbowl:start', { expectedVersion: 1 })).toMatchObject({ ok: true });
    // One after the other: the queue order is the order of the asks.
    for (const c of clients.slice(1)) expect(await send(c, 'fishbowl:ask', { where: 'remote' })).toMatchObject({ ok: true });
    await until('every client saw the last ask', () => clients.every((c) => latest(c)?.queueLength === GUESTS), 30_000);
    const finalVersion = latest(moderator)!.version;
    await until('every client has the final version', () => clients.every((c) => latest(c)?.version === finalVersion), 30_000);
    const before = new Map(clients.map((c) => [c, text(latest(c)!)]));

    // Counted before the kill: a fast client may re-join before start() has seen /health answer.
    const joinsBefore = new Map(clients.map((c) => [c, c.joins]));
    expect(await first.stop('SIGKILL')).toBeNull();
    await until('every client noticed the dead server', () => clients.every((c) => !c.socket.connected), 10_000);
    for (const c of clients) c.views.length = 0;
    await start();

    // Bounded: the web client's backoff tops out at 5 s, so a minute is many rounds of retries.
    await until('every client re-joined', () => clients.every((c) => c.joins > joinsBefore.get(c)! || c.gaveUp !== null), 60_000);
    expect(clients.filter((c) => c.gaveUp).map((c) => `${c.person.name}: ${c.gaveUp}`)).toEqual([]);
    // The server refused nobody: no handshake or join had to be retried.
    expect(refusals()).toEqual([]);
    const expectedOrder = guests.map((g) => g.personId);
    for (const c of clients) {
      const after = c.views[0];
      expect(after.version).toBe(finalVersion);
      expect(after.queueOrder).toEqual(expectedOrder);
      const own = after.queue.find((q) => q.personId === c.person.personId);
      if (c !== moderator) expect(own?.position).toBe(expectedOrder.indexOf(c.person.personId) + 1);
      expect(text(after)).toBe(before.get(c));
    }
  }, 600_000);
});
