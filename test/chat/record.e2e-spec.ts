// The session chat in the session record and its exports (issue 14): JSON record, Markdown minutes and
// CSV of the fishbowl; deleted messages keep their place without author or text; retention empties it.
import { api, startTestApp, type TestApp } from '../support/app';
import { createFishbowl, createPeople, type Person } from '../fishbowl/support';
import { ChatRetention } from '../../apps/api/src/chat/chat-retention';
import { connectChat, ok, post, type ChatClient } from './support';

jest.setTimeout(120_000);

const ID = (n: number) => `00000000-0000-4000-8000-00000000000${n}` as const;
let app: TestApp;
let base: string;
let ana: Person, ben: Person, mod: Person;
const sockets: ChatClient[] = [];

beforeAll(async () => {
  app = await startTestApp('chat-record', { livekit: false, seedDemo: false });
  const db = app.podium.dataSource;
  const { conferenceId, sessionId } = await createFishbowl(db);
  base = `/api/sessions/${sessionId}/fishbowl`;
  const room = `session:${sessionId}`;
  [ana, ben] = await createPeople(app, conferenceId, 2, 'attendee', 'Gast');
  [mod] = await createPeople(app, conferenceId, 1, 'moderator', 'Moderatorin');
  const [sAna, sBen, sMod] = await Promise.all([ana, ben, mod].map((p) => connectChat(app.url, p.token)));
  sockets.push(sAna, sBen, sMod);
  for (const s of sockets) await ok(s, 'chat:join', { roomId: room });
  await ok(sAna, 'chat:join', { roomId: `lobby:${conferenceId}` });
  await post(sAna, room, 'Guten Morgen *alle*', ID(1));
  await post(sBen, room, 'Spam spam spam', ID(2));
  await post(sAna, room, 'Tippfehler', ID(3));
  await post(sBen, room, '=1+1 "Formel"', ID(4));
  await post(sAna, `lobby:${conferenceId}`, 'Im Foyer, nicht in der Sitzung', ID(5));
  await ok(sMod, 'chat:delete', { roomId: room, messageId: ID(2) });
  await ok(sAna, 'chat:delete', { roomId: room, messageId: ID(3) });
  // Fixed times, so the export text is known exactly: 08:15 UTC is 09:15 in Berlin (the conference's zone).
  for (const n of [1, 2, 3, 4]) await db.query(`UPDATE chat_message SET at = $2 WHERE message_id = $1`, [ID(n), `2026-11-30T08:1${4 + n}:00Z`]);
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await app?.stop();
});

const at = (minute: number) => Date.UTC(2026, 10, 30, 8, minute);

it('the JSON record lists the session chat in order; deleted messages have no text and say who deleted them', async () => {
  const record = await api(app.url, 'GET', `${base}/record`, { token: mod.token });
  expect(record.status).toBe(200);
  expect(record.body.chat).toEqual([
    { seq: 1, messageId: ID(1), at: at(15), authorName: 'Gast 0001', text: 'Guten Morgen *alle*', deleted: null },
    { seq: 2, messageId: ID(2), at: at(16), authorName: 'Gast 0002', text: '', deleted: 'moderator' },
    { seq: 3, messageId: ID(3), at: at(17), authorName: 'Gast 0001', text: '', deleted: 'author' },
    { seq: 4, messageId: ID(4), at: at(18), authorName: 'Gast 0002', text: '=1+1 "Formel"', deleted: null },
  ]);
});

it('the Markdown minutes end with the chat, German and English, without the deleted texts', async () => {
  const de = await api(app.url, 'GET', `${base}/minutes.md`, { token: mod.token });
  expect(de.status).toBe(200);
  expect(de.body).toMatch(/^# Protokoll/);
  expect(de.body.endsWith(
    [
      '## Chat der Sitzung',
      '',
      '- 09:15:00 **Gast 0001:** Guten Morgen \\*alle\\*',
      '- 09:16:00 _(Nachricht vom Moderationsteam gelöscht)_',
      '- 09:17:00 _(Nachricht von der schreibenden Person gelöscht)_',
      '- 09:18:00 **Gast 0002:** =1\\+1 "Formel"',
      '',
    ].join('\n'),
  )).toBe(true);
  expect(de.body).not.toContain('Spam');
  expect(de.body).not.toContain('Tippfehler');
  expect(de.body).not.toContain('Foyer');
  const en = await api(app.url, 'GET', `${base}/minutes?format=md&lang=en`, { token: mod.token });
  expect(en.body).toContain('## Session chat\n\n- 09:15:00 **Gast 0001:** Guten Morgen \\*alle\\*\n- 09:16:00 _(Message deleted by the moderators)_\n- 09:17:00 _(Message deleted by its author)_\n');
});

it('the CSV export has one row per message; only moderators get it', async () => {
  const csv = await api(app.url, 'GET', `${base}/minutes.csv?table=chat`, { token: mod.token });
  expect(csv.status).toBe(200);
  expect(csv.body).toBe(
    [
      'seq,at,messageId,author,text,deleted',
      `1,2026-11-30T08:15:00.000Z,${ID(1)},Gast 0001,Guten Morgen *alle*,`,
      `2,2026-11-30T08:16:00.000Z,${ID(2)},Gast 0002,,moderator`,
      `3,2026-11-30T08:17:00.000Z,${ID(3)},Gast 0001,,author`,
      `4,2026-11-30T08:18:00.000Z,${ID(4)},Gast 0002,"'=1+1 ""Formel""",`,
      '',
    ].join('\r\n'),
  );
  expect((await api(app.url, 'GET', `${base}/minutes?format=csv&table=chat`, { token: mod.token })).body).toBe(csv.body);
  expect((await api(app.url, 'GET', `${base}/minutes.csv?table=chat`, { token: ana.token })).status).toBe(403);
  const bad = await api(app.url, 'GET', `${base}/minutes.csv?table=chats`, { token: mod.token });
  expect([bad.status, bad.body.error.details.field]).toEqual([400, 'table']);
});

it('after the retention period the record has no chat', async () => {
  const day = 24 * 60 * 60 * 1000;
  // Default retention is 30 days; the sweep runs with the clock moved on.
  expect(await app.podium.app.get(ChatRetention).sweep(Date.now() + 31 * day)).toBe(5);
  expect((await api(app.url, 'GET', `${base}/record`, { token: mod.token })).body.chat).toEqual([]);
  const md = await api(app.url, 'GET', `${base}/minutes.md`, { token: mod.token });
  expect(md.body).not.toContain('## Chat der Sitzung');
  expect(md.body).not.toContain('Guten Morgen');
  expect((await api(app.url, 'GET', `${base}/minutes.csv?table=chat`, { token: mod.token })).body).toBe('seq,at,messageId,author,text,deleted\r\n');
});
