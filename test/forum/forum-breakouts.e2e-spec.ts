// Breakout groups with real LiveKit: the moderator splits four rtc-node participants into two groups,
// each group talks in its own room (and hears only its own members), a message reaches every group, and
// everyone is back in the forum when the moderator ends the groups or their time is up.
import { RoomEvent, dispose, type RemoteTrack, type Room } from '@livekit/rtc-node';
import type { RoomServiceClient } from 'livekit-server-sdk';
import { io, type Socket } from 'socket.io-client';
import type { ForumAck, ForumJoinAck, ForumJoinGrant, ForumView } from '@podium/contracts';
import { api, startTestApp, type TestApp } from '../support/app';
import { signIn } from '../support/people';
import { testRoomService } from '../support/services';
import { createSession, sessionPerson } from '../livestream/fixtures';
import { disconnectAll, eventually, firstAudibleFrame, talk, withTimeout } from '../livestream/rtc';

jest.setTimeout(240_000);

type Person = { token: string; personId: string };
type Watcher = Socket & { views: ForumView[] };

let app: TestApp;
let livekit: RoomServiceClient;
let session: string;
let moderator: Person;
let mod: Watcher;
const people: Record<'a' | 'b' | 'c' | 'd', Person> = {} as never;
const mics: { stop(): void }[] = [];

const latest = (s: Watcher) => s.views.reduce<ForumView | undefined>((x, v) => (!x || v.version >= x.version ? v : x), undefined);
const send = <T>(socket: Socket, event: string, payload: unknown) => socket.timeout(10_000).emitWithAck(event, payload) as Promise<T>;
const groupRooms = async () => (await livekit.listRooms()).map((r) => r.name).filter((n) => n.startsWith(`podium-forum-${session}-g`)).sort();

async function join(person: Person, body: Record<string, unknown> = {}): Promise<ForumJoinGrant> {
  const res = await api(app.url, 'POST', `/api/sessions/${session}/forum/join`, { token: person.token, body });
  if (res.status !== 200) throw new Error(`forum join: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

function watch(token: string): Promise<Watcher> {
  const socket = io(`${app.url}/forum`, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false }) as Watcher;
  socket.views = [];
  socket.on('forum:state', (v: ForumView) => socket.views.push(v));
  return new Promise((ok, fail) => socket.once('connect', () => ok(socket)).once('connect_error', fail));
}

const talkIn = (grant: ForumJoinGrant) => talk(grant, mics);

beforeAll(async () => {
  app = await startTestApp('forum-breakouts');
  livekit = testRoomService();
  session = await createSession(app, { kind: 'forum', title: 'Forum 5: Arbeitsgruppen', endsInMinutes: 120 });
  moderator = await sessionPerson(app, session, 'moderator', 'Mona Moderation');
  for (const key of ['a', 'b', 'c', 'd'] as const) people[key] = await signIn(app, 'attendee', `Person ${key.toUpperCase()}`, 'buko-2020');
  await join(moderator);
  for (const key of ['a', 'b', 'c', 'd'] as const) expect((await join(people[key])).group).toBeNull();
  mod = await watch(moderator.token);
  expect((await send<ForumJoinAck>(mod, 'forum:join', { sessionId: session })).ok).toBe(true);
});

afterAll(async () => {
  for (const m of mics) m.stop();
  mod?.close();
  await disconnectAll();
  await app?.stop();
  await dispose();
});

const rtc: Partial<Record<'a' | 'b' | 'c' | 'd', { room: Room; heard: Map<string, RemoteTrack> }>> = {};

it('splits into the chosen groups: each talks in its own room and hears only its partner', async () => {
  const { a, b, c, d } = people;
  const groups = [[a.personId, b.personId], [c.personId, d.personId]];
  expect(await send<ForumAck>(mod, 'forum:open-breakouts', { sessionId: session, groupSize: 2, durationSeconds: 600, groups })).toMatchObject({ ok: true });
  const grants = { a: await join(a), b: await join(b), c: await join(c), d: await join(d) };
  expect(Object.values(grants).map((g) => [g.group, g.room])).toEqual([
    ['g1', `podium-forum-${session}-g1`],
    ['g1', `podium-forum-${session}-g1`],
    ['g2', `podium-forum-${session}-g2`],
    ['g2', `podium-forum-${session}-g2`],
  ]);
  for (const key of ['a', 'b', 'c', 'd'] as const) rtc[key] = await talkIn(grants[key]);
  const partner = { a: b, b: a, c: d, d: c };
  for (const key of ['a', 'b', 'c', 'd'] as const) {
    const mine = rtc[key]!;
    await eventually(async () => mine.heard.has(partner[key].personId), 30_000, `${key} subscribed to the partner`);
    await withTimeout(firstAudibleFrame(mine.heard.get(partner[key].personId)!), 20_000, `${key} hears the partner`);
    expect([...mine.heard.keys()]).toEqual([partner[key].personId]);
  }
  expect((await livekit.listParticipants(`podium-forum-${session}-g1`)).map((p) => p.identity).sort()).toEqual([a.personId, b.personId].sort());
  expect((await livekit.listParticipants(`podium-forum-${session}-g2`)).map((p) => p.identity).sort()).toEqual([c.personId, d.personId].sort());
});

it('a moderator visits a group; a participant may not visit another group', async () => {
  expect((await join(moderator, { group: 'g2' })).room).toBe(`podium-forum-${session}-g2`);
  const refused = await api(app.url, 'POST', `/api/sessions/${session}/forum/join`, { token: people.a.token, body: { group: 'g2' } });
  expect(refused.status).toBe(403);
  const missing = await api(app.url, 'POST', `/api/sessions/${session}/forum/join`, { token: moderator.token, body: { group: 'g9' } });
  expect(missing.status).toBe(404);
});

it('a message reaches every group', async () => {
  const watcher = await watch(people.c.token);
  try {
    await send<ForumJoinAck>(watcher, 'forum:join', { sessionId: session });
    expect(await send<ForumAck>(mod, 'forum:broadcast', { sessionId: session, message: 'Noch zwei Minuten, bitte Ergebnisse notieren' })).toMatchObject({ ok: true });
    await eventually(async () => latest(watcher)?.breakout?.message === 'Noch zwei Minuten, bitte Ergebnisse notieren', 10_000, 'the message in the view');
  } finally {
    watcher.close();
  }
});

it('ending the groups closes their rooms: everyone is disconnected and joins the forum again', async () => {
  const gone = (['a', 'b', 'c', 'd'] as const).map((key) => new Promise((ok) => rtc[key]!.room.once(RoomEvent.Disconnected, ok)));
  expect(await send<ForumAck>(mod, 'forum:close-breakouts', { sessionId: session })).toMatchObject({ ok: true });
  await withTimeout(Promise.all(gone), 20_000, 'group rooms closed');
  expect(await groupRooms()).toEqual([]);
  for (const key of ['a', 'b', 'c', 'd'] as const) expect((await join(people[key])).room).toBe(`podium-forum-${session}`);
});

it('when their time is up the timer ends the groups by itself', async () => {
  expect(await send<ForumAck>(mod, 'forum:open-breakouts', { sessionId: session, groupSize: 2, durationSeconds: 30 })).toMatchObject({ ok: true });
  const opened = await eventually(async () => latest(mod)?.breakout ?? null, 10_000, 'groups open');
  expect(opened.groups.map((g) => g.members.length)).toEqual([2, 2]);
  const grant = await join(people.a);
  expect(grant.group).not.toBeNull();
  const { room } = await talkIn(grant);
  const gone = new Promise((ok) => room.once(RoomEvent.Disconnected, ok));
  await eventually(async () => latest(mod)?.breakout === null, 90_000, 'the timer closed the groups');
  await withTimeout(gone, 20_000, 'the group room closed');
  const [closed] = await app.podium.dataSource.query(`SELECT actor->>'personId' AS by, payload->>'reason' AS reason FROM forum_event WHERE session_id = $1 AND type = 'breakouts-closed' ORDER BY version DESC LIMIT 1`, [session]);
  expect(closed).toEqual({ by: 'system', reason: 'time-up' });
});
