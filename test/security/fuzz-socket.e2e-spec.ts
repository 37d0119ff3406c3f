// 2,000 random and malformed socket messages: each gets an error ack (or is ignored), the fishbowl and the data stay as they were.
import fc from 'fast-check';
import type { FishbowlView } from '@podium/contracts';
import { connect, essence, join, send, type Client } from '../fishbowl/support';
import { api, startTestApp, type TestApp } from '../support/app';
import { listenedEvents, liveNamespaces } from './support/routes';
import { samplePayload } from './support/sockets';
import { dumpTables, isErrorBody } from './support/state';
import { createWorld, type World } from './support/world';

const MESSAGES = 2000;
const PER_SOCKET = 35; // under the per-socket burst of 40, so answers are about the payload, not the flood
const KNOWN_CODES = new Set(['VALIDATION', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'STALE_VERSION', 'RATE_LIMITED', 'UNAUTHENTICATED']);

describe('socket fuzz on /fishbowl', () => {
  let app: TestApp;
  let world: World;
  let events: string[];
  let watcher: Client;

  beforeAll(async () => {
    app = await startTestApp('sec-fuzz-ws', { livekit: false, env: { RATE_LIMIT_FACTOR: '0' } });
    world = await createWorld(app);
    watcher = await connect(app.url, world.tokens.attendee!, { reconnection: false });
    await join(watcher, world.sessionId);
    events = listenedEvents(liveNamespaces(app).get('/fishbowl')!);
    // Some real state to keep: a queue entry and a started fishbowl.
    const mod = await connect(app.url, world.tokens.moderator!, { reconnection: false });
    const v = await join(mod, world.sessionId);
    await send(mod, 'fishbowl:start', { sessionId: world.sessionId, expectedVersion: v.version });
    await send(watcher, 'fishbowl:ask', { sessionId: world.sessionId, where: 'hall', topic: 'Bleiben' });
    mod.disconnect();
  });
  afterAll(async () => {
    watcher?.disconnect();
    await app?.stop();
  });

  it('answers every malformed message with a clear error ack, keeps the socket and the state', async () => {
    const viewBefore = (await api(app.url, 'GET', `/api/sessions/${world.sessionId}/fishbowl`, { token: world.tokens.moderator })).body as FishbowlView;
    const before = await dumpTables(app.podium.dataSource);
    const valid = events.map((e) => samplePayload(e, world, 0));
    const hostile = fc.oneof(
      fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true }),
      fc.tuple(fc.constantFrom(...valid), fc.constantFrom('__proto__', 'constructor', 'zz'), fc.anything({ maxDepth: 1 })).map(([v, k, x]) => JSON.parse(`{${JSON.stringify(k)}:${JSON.stringify(x ?? null)},${JSON.stringify(v).slice(1)}`)),
      fc.tuple(fc.constantFrom(...valid), fc.string()).map(([v, k]) => ({ ...v, [k.length ? k : 'k']: 1, sessionId: v.sessionId })),
      fc.tuple(fc.constantFrom(...valid), fc.jsonValue()).map(([v, x]) => Object.fromEntries(Object.keys(v).map((k) => [k, k === 'sessionId' ? v.sessionId : x]))),
      fc.string({ maxLength: 30_000 }).map((tail) => ({ sessionId: world.sessionId, where: 'remote', topic: 'x'.repeat(141) + tail })),
    );
    const messages = fc.sample(fc.record({ event: fc.oneof(fc.constantFrom(...events), fc.string({ maxLength: 30 })), payload: hostile }), { numRuns: MESSAGES, seed: 1126 });
    const wrong: string[] = [];
    for (let i = 0; i < messages.length; i += PER_SOCKET) {
      // Outsiders (another conference) and guests: validation is fully exercised, a valid command is still refused or harmless.
      const socket = await connect(app.url, (i / PER_SOCKET) % 2 ? world.tokens.other! : world.tokens.guest!, { reconnection: false });
      await Promise.all(
        messages.slice(i, i + PER_SOCKET).map(async ({ event, payload }) => {
          if (!events.includes(event)) return void socket.emit(event, payload); // unknown events: ignored safely
          const ack = await send<{ ok?: boolean; error?: unknown }>(socket, event, payload, 5000).catch((e: Error) => ({ timeout: e.message }));
          const fine = ('ok' in ack && ack.ok && ['fishbowl:part', 'fishbowl:join'].includes(event)) || (isErrorBody(ack) && KNOWN_CODES.has((ack as { error: { code: string } }).error.code));
          if (!fine) wrong.push(`${event} ${JSON.stringify(payload).slice(0, 80)} -> ${JSON.stringify(ack).slice(0, 120)}`);
        }),
      );
      expect(socket.connected).toBe(true);
      socket.disconnect();
    }
    expect(wrong.slice(0, 20)).toEqual([]);
    expect((await api(app.url, 'GET', '/health')).status).toBe(200);
    const viewAfter = (await api(app.url, 'GET', `/api/sessions/${world.sessionId}/fishbowl`, { token: world.tokens.moderator })).body as FishbowlView;
    expect(essence(viewAfter)).toEqual(essence(viewBefore));
    expect(await dumpTables(app.podium.dataSource)).toEqual(before);
    expect(watcher.connected).toBe(true);
  });

  it('a message over the 64 KB frame limit closes only that socket', async () => {
    const socket = await connect(app.url, world.tokens.guest!, { reconnection: false });
    const closed = new Promise((r) => socket.once('disconnect', r));
    socket.emit('fishbowl:ask', { sessionId: world.sessionId, where: 'remote', topic: 'x'.repeat(100_000) });
    await closed;
    expect(watcher.connected).toBe(true);
    expect((await api(app.url, 'GET', '/health')).status).toBe(200);
  });
});
