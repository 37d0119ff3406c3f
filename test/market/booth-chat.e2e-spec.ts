// A booth's chat (issue 19) is the chat feature with a booth scope: `booth:<boothId>` on /chat, real sockets,
// real PostgreSQL. Staff and organisers moderate it, visitors write in it, other conferences stay out, and the
// conference's retention deletes it like any other chat.
import { randomUUID } from 'node:crypto';
import { ChatRetention } from '../../apps/api/src/chat/chat-retention';
import { chat as send, connectChat, eventually, ok, post, refusal, textOf, type ChatClient } from '../chat/support';
import { createFishbowl, createPeople } from '../fishbowl/support';
import { api, startTestApp, type TestApp } from '../support/app';
import { signIn } from '../support/people';

jest.setTimeout(120_000);

const SLUG = 'buko-2020';
type Person = { token: string; personId: string };
let app: TestApp;
let organiser: Person, staff: Person, vera: Person, willi: Person, stranger: Person;
let room: string;
let boothId: string;
const sockets: ChatClient[] = [];
const open = async (p: Person) => {
  const s = await connectChat(app.url, p.token);
  sockets.push(s);
  return s;
};

beforeAll(async () => {
  app = await startTestApp('market-booth-chat', { livekit: false });
  organiser = await signIn(app, 'organiser', 'Olga Organisation', SLUG);
  staff = await signIn(app, 'attendee', 'Stefan Stand', SLUG);
  vera = await signIn(app, 'attendee', 'Vera Besuch', SLUG);
  willi = await signIn(app, 'attendee', 'Willi Warten', SLUG);
  const other = await createFishbowl(app.podium.dataSource);
  [stranger] = await createPeople(app, other.conferenceId, 1, 'organiser', 'Fremd');
  const created = await api(app.url, 'POST', `/api/conferences/${SLUG}/booths`, { token: organiser.token, body: { name: 'Integrationslotsen Ulm', capacity: 2, staff: [staff.personId] } });
  expect(created.status).toBe(201);
  boothId = created.body.id;
  room = `booth:${boothId}`;
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await app?.stop();
});

it('staff and organisers moderate the booth chat, visitors write in it; the room belongs to the booth’s conference', async () => {
  const [sStaff, sVera, sOrg] = await Promise.all([open(staff), open(vera), open(organiser)]);
  expect((await ok(sStaff, 'chat:join', { roomId: room })).room.moderator).toBe(true);
  expect((await ok(sOrg, 'chat:join', { roomId: room })).room.moderator).toBe(true);
  const joined = await ok(sVera, 'chat:join', { roomId: room });
  expect(joined.room.moderator).toBe(false);
  expect(joined.messages).toEqual([]);
  await post(sVera, room, 'Wie viele Lotsinnen gibt es in Ulm?');
  await post(sStaff, room, 'Zurzeit 40, Infos: https://example.org/lotsen');
  const seen = await eventually(() => sOrg.messages.length >= 2 && sOrg.messages);
  expect(seen.map((m) => [m.authorName, textOf(m)])).toEqual([
    ['Vera Besuch', 'Wie viele Lotsinnen gibt es in Ulm?'],
    ['Stefan Stand', 'Zurzeit 40, Infos: https://example.org/lotsen'],
  ]);
  const [row] = await app.podium.dataSource.query(`SELECT r.conference_id = b.conference_id AS same FROM chat_room r, booth b WHERE r.room_id = $1 AND b.id = $2`, [room, boothId]);
  expect(row.same).toBe(true);
});

it('a visitor may not moderate; the staff mute a visitor, who then cannot write', async () => {
  const [sStaff, sWilli] = await Promise.all([open(staff), open(willi)]);
  await ok(sWilli, 'chat:join', { roomId: room });
  expect(await refusal(sWilli, 'chat:mute', { roomId: room, personId: staff.personId, untilMs: Date.now() + 60_000 })).toBe('FORBIDDEN:MODERATORS_ONLY');
  expect(await refusal(sWilli, 'chat:slow-mode', { roomId: room, intervalSeconds: 30 })).toBe('FORBIDDEN:MODERATORS_ONLY');
  await ok(sStaff, 'chat:mute', { roomId: room, personId: willi.personId, untilMs: Date.now() + 60_000 });
  expect(await refusal(sWilli, 'chat:post', { roomId: room, messageId: randomUUID(), text: 'Werbung!' })).toBe('FORBIDDEN:CHAT_MUTED');
});

it('refuses people of another conference, unknown booths and malformed booth ids', async () => {
  const sStranger = await open(stranger);
  expect(await refusal(sStranger, 'chat:join', { roomId: room })).toBe('FORBIDDEN:');
  expect(await refusal(sStranger, 'chat:post', { roomId: room, messageId: randomUUID(), text: 'hallo' })).toBe('FORBIDDEN:');
  const sVera = await open(vera);
  expect(await refusal(sVera, 'chat:join', { roomId: `booth:${randomUUID()}` })).toBe('NOT_FOUND:');
  const ack = await send(sVera, 'chat:join', { roomId: 'booth:lotsen' });
  expect('error' in ack && ack.error.details?.field).toBe('roomId');
});

it('the conference’s retention deletes the booth’s messages too', async () => {
  const set = await api(app.url, 'PUT', `/api/conferences/${SLUG}/chat-settings`, { token: organiser.token, body: { chatRetentionDays: 1 } });
  expect(set.status).toBe(200);
  const count = async () => (await app.podium.dataSource.query(`SELECT count(*)::int AS n FROM chat_message WHERE room_id = $1`, [room]))[0].n as number;
  expect(await count()).toBe(2);
  await app.podium.app.get(ChatRetention).sweep(Date.now() + 2 * 24 * 60 * 60_000);
  expect(await count()).toBe(0);
});
