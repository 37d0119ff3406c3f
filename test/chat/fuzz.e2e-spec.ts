// Hostile payloads on every /chat event: each gets a clear error ack, the socket stays, no chat row changes.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { CHAT_CLIENT_EVENTS_FOR_TESTS } from './events';
import { startTestApp, type TestApp } from '../support/app';
import { createFishbowl, createPeople } from '../fishbowl/support';
import { chat, connectChat, ok, post } from './support';

jest.setTimeout(120_000);
const KNOWN = new Set(['VALIDATION', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED']);

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp('chat-fuzz', { livekit: false, seedDemo: false, env: { RATE_LIMIT_FACTOR: '0' } });
});
afterAll(async () => {
  await app?.stop();
});

it('answers 1,000 hostile messages from an outsider with error acks and changes nothing', async () => {
  const db = app.podium.dataSource;
  const a = await createFishbowl(db);
  const b = await createFishbowl(db);
  const [insider] = await createPeople(app, a.conferenceId, 1, 'attendee', 'Drin');
  const [outsider] = await createPeople(app, b.conferenceId, 1, 'attendee', 'Draussen');
  const room = `session:${a.sessionId}`;
  const sIn = await connectChat(app.url, insider.token);
  await ok(sIn, 'chat:join', { roomId: room });
  const first = await post(sIn, room, 'bleibt');
  const messageId = sIn.messages[0]?.id ?? randomUUID();
  const dump = async () => JSON.stringify(await db.query('SELECT room_id, seq, message_id, text, deleted_at FROM chat_message ORDER BY room_id, seq')) + JSON.stringify(await db.query('SELECT * FROM chat_event ORDER BY room_id, seq')) + JSON.stringify(await db.query('SELECT version FROM chat_room ORDER BY room_id'));
  const before = await dump();
  const valid: Record<string, unknown>[] = [
    { roomId: room },
    { roomId: room, messageId, text: 'hi' },
    { roomId: room, before: first.seq + 1 },
    { roomId: room, personId: insider.personId, untilMs: Date.now() + 60_000 },
    { roomId: room, intervalSeconds: 10 },
    { roomId: room, messageId, reason: 'x' },
  ];
  const hostile = fc.oneof(
    fc.anything({ maxDepth: 3, withNullPrototype: true }),
    fc.tuple(fc.constantFrom(...valid), fc.constantFrom('__proto__', 'constructor', 'actor', 'moderator'), fc.anything({ maxDepth: 1 })).map(([v, k, x]) => JSON.parse(`{${JSON.stringify(k)}:${JSON.stringify(x ?? null)},${JSON.stringify(v).slice(1)}`)),
    fc.tuple(fc.constantFrom(...valid), fc.jsonValue()).map(([v, x]) => Object.fromEntries(Object.keys(v).map((k) => [k, k === 'roomId' ? v.roomId : x]))),
    fc.constantFrom(...valid),
    fc.string({ maxLength: 20_000 }).map((text) => ({ roomId: room, messageId: randomUUID(), text: `<img src=x onerror=alert(1)>${text}` })),
  );
  const messages = fc.sample(fc.record({ event: fc.constantFrom(...CHAT_CLIENT_EVENTS_FOR_TESTS), payload: hostile }), { numRuns: 1000, seed: 1414 });
  const wrong: string[] = [];
  for (let i = 0; i < messages.length; i += 35) {
    const socket = await connectChat(app.url, outsider.token);
    await Promise.all(
      messages.slice(i, i + 35).map(async ({ event, payload }) => {
        const ack = (await chat(socket, event, payload as Record<string, unknown>)) as { ok?: true; error?: { code: string } };
        const fine = (ack.ok && event === 'chat:part') || (ack.error && KNOWN.has(ack.error.code));
        if (!fine) wrong.push(`${event} ${JSON.stringify(payload).slice(0, 80)} -> ${JSON.stringify(ack).slice(0, 120)}`);
      }),
    );
    expect(socket.connected).toBe(true);
    socket.disconnect();
  }
  expect(wrong.slice(0, 20)).toEqual([]);
  expect(await dump()).toBe(before);
  expect(sIn.connected).toBe(true);
  sIn.disconnect();
});
