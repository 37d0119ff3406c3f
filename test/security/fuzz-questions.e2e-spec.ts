// 1,000 random and malformed messages on /questions from an outsider: each gets an error ack (or is ignored), the questions and the data stay as they were.
import fc from 'fast-check';
import { api, startTestApp, type TestApp } from '../support/app';
import { connectQuestions, newId, qjoin, qok, qsend, type QClient } from '../questions/support';
import { listenedEvents, liveNamespaces } from './support/routes';
import { dumpTables, isErrorBody } from './support/state';
import { createWorld, type World } from './support/world';

const MESSAGES = 1000;
const PER_SOCKET = 35; // under the per-socket burst, so answers are about the payload, not the flood
const KNOWN_CODES = new Set(['VALIDATION', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED', 'UNAUTHENTICATED']);

describe('socket fuzz on /questions', () => {
  let app: TestApp;
  let world: World;
  let events: string[];
  let watcher: QClient;
  let questionId: string;

  beforeAll(async () => {
    app = await startTestApp('sec-fuzz-questions', { livekit: false, env: { RATE_LIMIT_FACTOR: '0' } });
    world = await createWorld(app);
    // Some real state to keep: an approved question with a vote.
    const mod = await connectQuestions(app.url, world.tokens.moderator!, { reconnection: false });
    watcher = await connectQuestions(app.url, world.tokens.attendee!, { reconnection: false });
    events = listenedEvents(liveNamespaces(app).get('/questions')!);
    await qjoin(watcher, world.sessionId);
    questionId = newId();
    await qok(watcher, 'questions:ask', { sessionId: world.sessionId, questionId, text: 'Bleibt das so?', origin: 'hall' });
    await qok(mod, 'questions:approve', { sessionId: world.sessionId, questionId });
    await qok(mod, 'questions:upvote', { sessionId: world.sessionId, questionId });
    mod.disconnect();
  });
  afterAll(async () => {
    watcher?.disconnect();
    await app?.stop();
  });

  it('answers every malformed message with a clear error ack, keeps the socket and the state', async () => {
    const listBefore = (await api(app.url, 'GET', `/api/sessions/${world.sessionId}/questions/record`, { token: world.tokens.moderator })).body;
    const before = await dumpTables(app.podium.dataSource);
    const sessionId = world.sessionId;
    const valid = [
      { sessionId },
      { sessionId, questionId, text: 'Eine Frage', origin: 'remote' },
      { sessionId, questionId },
      { sessionId, questionId: newId(), intoId: questionId },
      { sessionId, questionId, text: 'Korrektur' },
      { sessionId, moderation: 'post' },
      { sessionId, audience: 'moderator' },
    ];
    const hostile = fc.oneof(
      fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true }),
      fc.constantFrom(...valid),
      fc.tuple(fc.constantFrom(...valid), fc.constantFrom('__proto__', 'constructor', 'mayTakeChair', 'actor'), fc.anything({ maxDepth: 1 })).map(([v, k, x]) => JSON.parse(`{${JSON.stringify(k)}:${JSON.stringify(x ?? null)},${JSON.stringify(v).slice(1)}`)),
      fc.tuple(fc.constantFrom(...valid), fc.jsonValue()).map(([v, x]) => Object.fromEntries(Object.keys(v).map((k) => [k, k === 'sessionId' ? v.sessionId : x]))),
      fc.string({ maxLength: 30_000 }).map((tail) => ({ sessionId, questionId: newId(), origin: 'remote', text: 'x'.repeat(2001) + tail })),
    );
    const messages = fc.sample(fc.record({ event: fc.oneof(fc.constantFrom(...events), fc.string({ maxLength: 30 })), payload: hostile }), { numRuns: MESSAGES, seed: 1414 });
    const wrong: string[] = [];
    for (let i = 0; i < messages.length; i += PER_SOCKET) {
      // An organiser of another conference: validation is fully exercised, and a valid command is refused.
      const socket = await connectQuestions(app.url, world.tokens.other!, { reconnection: false });
      await Promise.all(
        messages.slice(i, i + PER_SOCKET).map(async ({ event, payload }) => {
          if (!events.includes(event)) return void socket.emit(event, payload); // unknown events: ignored safely
          const ack = await qsend<{ ok?: boolean; error?: unknown }>(socket, event, payload, 5000).catch((e: Error) => ({ timeout: e.message }));
          const fine = ('ok' in ack && ack.ok && event === 'questions:part') || (isErrorBody(ack) && KNOWN_CODES.has((ack as { error: { code: string } }).error.code));
          if (!fine) wrong.push(`${event} ${JSON.stringify(payload).slice(0, 80)} -> ${JSON.stringify(ack).slice(0, 120)}`);
        }),
      );
      expect(socket.connected).toBe(true);
      socket.disconnect();
    }
    expect(wrong.slice(0, 20)).toEqual([]);
    expect((await api(app.url, 'GET', '/health')).status).toBe(200);
    expect((await api(app.url, 'GET', `/api/sessions/${world.sessionId}/questions/record`, { token: world.tokens.moderator })).body).toEqual(listBefore);
    expect(await dumpTables(app.podium.dataSource)).toEqual(before);
    expect(watcher.connected).toBe(true);
  });
});
