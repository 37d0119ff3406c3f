// Chat end to end: a real api on real PostgreSQL, real socket.io clients on /chat.
import { randomUUID } from 'node:crypto';
import { api, startTestApp, type TestApp } from '../support/app';
import { createFishbowl, createPeople, type Person } from '../fishbowl/support';
import { ChatRetention } from '../../apps/api/src/chat/chat-retention';
import { chat, connectChat, eventually, ok, post, refusal, textOf, type ChatClient } from './support';

jest.setTimeout(120_000);

let app: TestApp;
let slug: string;
let conferenceId: string;
let room: string;
let ana: Person, ben: Person, mod: Person, org: Person, stranger: Person;
let sAna: ChatClient, sBen: ChatClient, sMod: ChatClient;
const sockets: ChatClient[] = [];
const open = async (p: Person) => {
  const s = await connectChat(app.url, p.token);
  sockets.push(s);
  return s;
};

beforeAll(async () => {
  app = await startTestApp('chat', { livekit: false, seedDemo: false });
  const db = app.podium.dataSource;
  const created = await createFishbowl(db);
  ({ slug, conferenceId } = created);
  room = `session:${created.sessionId}`;
  [ana, ben] = await createPeople(app, conferenceId, 2, 'attendee', 'Gast');
  [mod] = await createPeople(app, conferenceId, 1, 'moderator', 'Moderatorin');
  [org] = await createPeople(app, conferenceId, 1, 'organiser', 'Orga');
  const other = await createFishbowl(db);
  [stranger] = await createPeople(app, other.conferenceId, 1, 'attendee', 'Fremd');
  [sAna, sBen, sMod] = await Promise.all([open(ana), open(ben), open(mod)]);
  for (const s of [sAna, sBen, sMod]) await ok(s, 'chat:join', { roomId: room });
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await app?.stop();
});

describe('posting and history', () => {
  it('a post reaches everyone in the room in order, HTML stays text, links are tokens', async () => {
    const first = await post(sAna, room, '<script>alert(1)</script><b>fett</b>');
    const second = await post(sBen, room, 'Folien: https://example.org/folien.pdf.');
    expect(second.seq).toBeGreaterThan(first.seq);
    const seen = await eventually(() => sMod.messages.length >= 2 && sMod.messages);
    expect(seen.map((m) => [m.authorName, m.tokens])).toEqual([
      ['Gast 0001', [{ kind: 'text', text: '<script>alert(1)</script><b>fett</b>' }]],
      [
        'Gast 0002',
        [
          { kind: 'text', text: 'Folien: ' },
          { kind: 'link', text: 'https://example.org/folien.pdf', href: 'https://example.org/folien.pdf', host: 'example.org' },
          { kind: 'text', text: '.' },
        ],
      ],
    ]);
    const rows = await app.podium.dataSource.query('SELECT text FROM chat_message WHERE room_id = $1 ORDER BY seq', [room]);
    expect(rows.map((r: { text: string }) => r.text)).toEqual(['<script>alert(1)</script><b>fett</b>', 'Folien: https://example.org/folien.pdf.']);
  });

  it('a burst of posts reaches a reader once each, in seq order as received', async () => {
    const reader = await open(mod);
    await ok(reader, 'chat:join', { roomId: room });
    const acks = await Promise.all([sAna, sBen, sMod].flatMap((s, i) => Array.from({ length: 10 }, (_, k) => post(s, room, `Welle ${i}-${k}`))));
    const sent = acks.map((a) => a.seq).sort((x, y) => x - y);
    const seen = await eventually(() => reader.messages.filter((m) => m.tokens[0]?.text.startsWith('Welle')).length >= 30 && reader.messages);
    // As received, unsorted: the broadcaster keeps commit order inside and across packets.
    expect(seen.filter((m) => m.tokens[0]?.text.startsWith('Welle')).map((m) => m.seq)).toEqual(sent);
    await new Promise((r) => setTimeout(r, 200));
    expect(reader.messages.filter((m) => m.tokens[0]?.text.startsWith('Welle'))).toHaveLength(30);
  });

  it('refuses empty, too long and malformed posts, and people of another conference', async () => {
    expect(await refusal(sAna, 'chat:post', { roomId: room, messageId: randomUUID(), text: '   ' })).toBe('VALIDATION:text');
    expect(await refusal(sAna, 'chat:post', { roomId: room, messageId: randomUUID(), text: 'x'.repeat(1001) })).toBe('VALIDATION:text');
    expect(await refusal(sAna, 'chat:post', { roomId: room, messageId: 'nope', text: 'hi' })).toBe('VALIDATION:messageId');
    expect(await refusal(sAna, 'chat:post', { roomId: room, messageId: randomUUID(), text: 'hi', personId: ben.personId })).toBe('VALIDATION:personId');
    expect(await refusal(sAna, 'chat:join', { roomId: `session:${randomUUID()}` })).toBe('NOT_FOUND:');
    const sStranger = await open(stranger);
    expect(await refusal(sStranger, 'chat:join', { roomId: room })).toBe('FORBIDDEN:');
    expect(await refusal(sStranger, 'chat:post', { roomId: room, messageId: randomUUID(), text: 'hi' })).toBe('FORBIDDEN:');
  });

  it('a retried post is one message; another person reusing the id is a conflict', async () => {
    const id = randomUUID();
    const a = await post(sAna, room, 'einmal', id);
    const b = await post(sAna, room, 'einmal', id);
    expect(b.seq).toBe(a.seq);
    expect(await refusal(sBen, 'chat:post', { roomId: room, messageId: id, text: 'einmal' })).toBe('CONFLICT:CHAT_MESSAGE_ID_TAKEN');
    const [{ count }] = await app.podium.dataSource.query('SELECT count(*)::int AS count FROM chat_message WHERE message_id = $1', [id]);
    expect(count).toBe(1);
  });

  it('join gives the last 200 messages; chat:history pages older ones', async () => {
    const lobby = `lobby:${conferenceId}`;
    const people = await createPeople(app, conferenceId, 10, 'attendee', 'Viel');
    const clients = await Promise.all(people.map(open));
    // 10 people x 21 posts = 210 messages, each person in order.
    for (let round = 0; round < 21; round++) await Promise.all(clients.map((c, i) => post(c, lobby, `r${round} p${i}`)));
    const fresh = await open(ana);
    const joined = await ok(fresh, 'chat:join', { roomId: lobby });
    expect(joined.messages).toHaveLength(200);
    const seqs = joined.messages.map((m) => m.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    const older = await ok(fresh, 'chat:history', { roomId: lobby, before: seqs[0] });
    expect(older.messages).toHaveLength(10);
    expect(older.messages.map(textOf).filter((t) => t.startsWith('r0 '))).toHaveLength(10);
    expect(older.messages[older.messages.length - 1].seq).toBeLessThan(seqs[0]);
    const none = await ok(fresh, 'chat:history', { roomId: lobby, before: older.messages[0].seq });
    expect(none.messages).toEqual([]);
    const two = await ok(fresh, 'chat:history', { roomId: lobby, before: seqs[0], limit: 2 });
    expect(two.messages.map((m) => m.seq)).toEqual(older.messages.slice(-2).map((m) => m.seq));
    expect(await refusal(fresh, 'chat:history', { roomId: lobby, before: 1, limit: 201 })).toBe('VALIDATION:limit');
  });
});

describe('moderation', () => {
  it('authors delete their own messages, moderators anyone’s, attendees not others’', async () => {
    const own = await post(sAna, room, 'vertippt');
    const ownId = (await eventually(() => sMod.messages.find((m) => m.seq === own.seq)))!.id;
    const benMsg = await post(sBen, room, 'beleidigend');
    const benId = (await eventually(() => sMod.messages.find((m) => m.seq === benMsg.seq)))!.id;
    expect(await refusal(sAna, 'chat:delete', { roomId: room, messageId: benId })).toBe('FORBIDDEN:NOT_YOURS');
    await ok(sAna, 'chat:delete', { roomId: room, messageId: ownId });
    await ok(sMod, 'chat:delete', { roomId: room, messageId: benId });
    expect(await refusal(sMod, 'chat:delete', { roomId: room, messageId: randomUUID() })).toBe('NOT_FOUND:CHAT_NO_MESSAGE');
    await eventually(() => sBen.deleted.includes(ownId) && sBen.deleted.includes(benId));
    const rows = await app.podium.dataSource.query('SELECT text, deleted_by FROM chat_message WHERE message_id = ANY($1) ORDER BY seq', [[ownId, benId]]);
    expect(rows).toEqual([
      { text: '', deleted_by: ana.personId },
      { text: '', deleted_by: mod.personId },
    ]);
    const history = await ok(sBen, 'chat:history', { roomId: room, before: benMsg.seq + 1, limit: 2 });
    expect(history.messages.map((m) => [m.id, m.deleted, m.tokens])).toEqual([
      [ownId, true, []],
      [benId, true, []],
    ]);
  });

  it('a muted person cannot post until unmuted; they and the moderators are told', async () => {
    expect(await refusal(sAna, 'chat:mute', { roomId: room, personId: ben.personId, untilMs: Date.now() + 60_000 })).toBe('FORBIDDEN:MODERATORS_ONLY');
    const until = Date.now() + 10 * 60_000;
    await ok(sMod, 'chat:mute', { roomId: room, personId: ben.personId, untilMs: until });
    await eventually(() => sBen.muted.includes(until));
    const view = await eventually(() => sMod.moderation.find((v) => v.mutes.some((m) => m.personId === ben.personId)));
    expect(view.mutes).toEqual([{ personId: ben.personId, until }]);
    expect(await refusal(sBen, 'chat:post', { roomId: room, messageId: randomUUID(), text: 'hallo?' })).toBe('FORBIDDEN:CHAT_MUTED');
    const rejoin = await ok(sBen, 'chat:join', { roomId: room });
    expect(rejoin.room.mutedUntil).toBe(until);
    expect(rejoin.moderation).toBeNull();
    await ok(sMod, 'chat:unmute', { roomId: room, personId: ben.personId });
    await eventually(() => sBen.muted.includes(null));
    await post(sBen, room, 'wieder da');
    expect(sAna.moderation).toEqual([]);
  });

  it('slow mode lets each person post once per interval; moderators are exempt; only moderators set it', async () => {
    expect(await refusal(sAna, 'chat:slow-mode', { roomId: room, intervalSeconds: 30 })).toBe('FORBIDDEN:MODERATORS_ONLY');
    // A person who has not posted yet: slow mode also counts posts from before it was turned on.
    const [slow] = await createPeople(app, conferenceId, 1, 'attendee', 'Langsam');
    const sSlow = await open(slow);
    await ok(sSlow, 'chat:join', { roomId: room });
    await ok(sMod, 'chat:slow-mode', { roomId: room, intervalSeconds: 30 });
    await post(sSlow, room, 'eins');
    expect(await refusal(sSlow, 'chat:post', { roomId: room, messageId: randomUUID(), text: 'zwei' })).toBe('RATE_LIMITED:CHAT_SLOW_MODE');
    await post(sMod, room, 'Moderation eins');
    await post(sMod, room, 'Moderation zwei');
    const joined = await ok(sBen, 'chat:join', { roomId: room });
    expect(joined.room.slowModeSeconds).toBe(30);
    await ok(sMod, 'chat:slow-mode', { roomId: room, intervalSeconds: null });
    await post(sSlow, room, 'zwei');
  });

  it('anyone reports a message once; moderators see the reports, attendees do not', async () => {
    const msg = await post(sAna, room, 'fragwürdig');
    const id = (await eventually(() => sBen.messages.find((m) => m.seq === msg.seq)))!.id;
    await ok(sBen, 'chat:report', { roomId: room, messageId: id, reason: 'Spam' });
    const events = async () => (await app.podium.dataSource.query(`SELECT count(*)::int AS n FROM chat_event WHERE type = 'message-reported' AND payload->>'messageId' = $1`, [id]))[0].n;
    await ok(sBen, 'chat:report', { roomId: room, messageId: id, reason: 'Spam nochmal' });
    expect(await events()).toBe(1);
    const view = await eventually(() => sMod.moderation.find((v) => v.reports.some((r) => r.messageId === id)));
    expect(view.reports.filter((r) => r.messageId === id).map((r) => [r.reporterId, r.reporterName, r.reason])).toEqual([[ben.personId, 'Gast 0002', 'Spam']]);
    const joined = await ok(sMod, 'chat:join', { roomId: room });
    expect(joined.moderation!.reports.map((r) => r.messageId)).toContain(id);
    expect(sAna.moderation).toEqual([]);
    expect(sBen.moderation).toEqual([]);
  });
});

describe('retention', () => {
  it('the organiser sets chatRetentionDays; the sweep deletes what is older when the clock moves on', async () => {
    const path = `/api/conferences/${slug}/chat-settings`;
    expect((await api(app.url, 'GET', path, { token: org.token })).body).toEqual({ chatRetentionDays: 30 });
    expect((await api(app.url, 'PUT', path, { token: ana.token, body: { chatRetentionDays: 2 } })).status).toBe(403);
    expect((await api(app.url, 'PUT', path, { token: mod.token, body: { chatRetentionDays: 2 } })).status).toBe(403);
    expect((await api(app.url, 'PUT', path, { token: org.token, body: { chatRetentionDays: 0 } })).status).toBe(400);
    expect((await api(app.url, 'PUT', path, { token: org.token, body: { chatRetentionDays: '2' } })).status).toBe(400);
    expect((await api(app.url, 'PUT', path, { token: org.token, body: { chatRetentionDays: 2 } })).body).toEqual({ chatRetentionDays: 2 });
    const db = app.podium.dataSource;
    const count = async () => (await db.query('SELECT count(*)::int AS n FROM chat_message m JOIN chat_room r USING (room_id) WHERE r.conference_id = $1', [conferenceId]))[0].n as number;
    const before = await count();
    expect(before).toBeGreaterThan(200);
    const retention = app.podium.app.get(ChatRetention);
    const day = 24 * 60 * 60 * 1000;
    expect(await retention.sweep(Date.now() + 1 * day)).toBe(0);
    expect(await count()).toBe(before);
    await retention.sweep(Date.now() + 2 * day + 60_000);
    expect(await count()).toBe(0);
    const [{ reports }] = await db.query('SELECT count(*)::int AS reports FROM chat_report');
    expect(reports).toBe(0);
    // The room goes on after the gap: posts, history and slow mode still work.
    const after = await post(sAna, room, 'nach dem Aufräumen');
    const joined = await ok(sBen, 'chat:join', { roomId: room });
    expect(joined.messages.map((m) => [m.seq, textOf(m)])).toEqual([[after.seq, 'nach dem Aufräumen']]);
    // Slow mode set before the sweep survives it; a second api process folds the room from the gapped log.
    await ok(sMod, 'chat:slow-mode', { roomId: room, intervalSeconds: 30 });
    await retention.sweep(Date.now() + 2 * day + 60_000);
    const second = await startTestApp('chat-second', { livekit: false, seedDemo: false, database: app.database });
    try {
      const [late] = await createPeople(app, conferenceId, 1, 'attendee', 'Spät');
      const sLate = await connectChat(second.url, late.token);
      sockets.push(sLate);
      const rejoined = await ok(sLate, 'chat:join', { roomId: room });
      expect(rejoined.room.slowModeSeconds).toBe(30);
      expect(rejoined.messages).toEqual([]);
      const next = await post(sLate, room, 'nach der Lücke');
      expect(next.seq).toBeGreaterThan(after.seq);
      expect(await refusal(sLate, 'chat:post', { roomId: room, messageId: randomUUID(), text: 'zu schnell' })).toBe('RATE_LIMITED:CHAT_SLOW_MODE');
    } finally {
      await second.stop();
    }
  });
});
