// Two api processes over Redis on one database: every reader sees the same messages in the same order.
import { startTestApp, type TestApp } from '../support/app';
import { TEST_REDIS_URL } from '../support/services';
import { createFishbowl, createPeople } from '../fishbowl/support';
import { connectChat, eventually, ok, post, textOf, type ChatClient } from './support';

jest.setTimeout(120_000);

let a: TestApp;
let b: TestApp;
const sockets: ChatClient[] = [];

beforeAll(async () => {
  a = await startTestApp('chat-processes', { livekit: false, seedDemo: false, env: { REDIS_URL: TEST_REDIS_URL } });
  b = await startTestApp('chat-processes', { livekit: false, seedDemo: false, env: { REDIS_URL: TEST_REDIS_URL }, database: a.database });
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await b?.stop();
  await a?.stop();
});

it('messages posted on both processes reach every reader on both, once each, in commit (seq) order', async () => {
  const { conferenceId, sessionId } = await createFishbowl(a.podium.dataSource);
  const room = `session:${sessionId}`;
  const people = await createPeople(a, conferenceId, 6, 'attendee', 'Zwei');
  // Senders and readers alternate between the processes.
  const clients = await Promise.all(people.map((p, i) => connectChat((i % 2 ? b : a).url, p.token)));
  sockets.push(...clients);
  for (const c of clients) await ok(c, 'chat:join', { roomId: room });
  const senders = clients.slice(0, 4);
  // 4 senders x 10 messages, all at once: the two processes race for the room's lock.
  const acks = await Promise.all(senders.flatMap((c, i) => Array.from({ length: 10 }, (_, n) => post(c, room, `s${i} n${n}`))));
  expect(new Set(acks.map((x) => x.seq)).size).toBe(40);
  // Each process emits its own commits; via Redis they may interleave in arrival, so clients place messages by seq.
  const received = await Promise.all(clients.map((c) => eventually(() => c.messages.length >= 40 && c.messages)));
  const bySeq = received.map((ms) => [...ms].sort((x, y) => x.seq - y.seq).map((m) => [m.seq, textOf(m)]));
  const rows: { seq: number; text: string }[] = await a.podium.dataSource.query('SELECT seq, text FROM chat_message WHERE room_id = $1 ORDER BY seq', [room]);
  const committed = rows.map((r) => [r.seq, r.text]);
  expect(committed).toHaveLength(40);
  for (const order of bySeq) expect(order).toEqual(committed);
  expect(received.every((ms) => ms.length === 40)).toBe(true);
  const expected = committed;
  // The history on either process is the same.
  const [ha, hb] = await Promise.all([ok(clients[4], 'chat:join', { roomId: room }), ok(clients[5], 'chat:join', { roomId: room })]);
  expect(ha.messages.map((m) => [m.seq, textOf(m)])).toEqual(expected);
  expect(hb.messages.map((m) => [m.seq, textOf(m)])).toEqual(expected);
});
