// A forum is a conversation: six rtc-node participants publish audio into the forum's LiveKit room, each
// hears the other five; the moderator mutes one over /forum and everyone sees that track muted.
import { Room, RoomEvent, dispose, type RemoteTrack, type RemoteTrackPublication, type RemoteParticipant } from '@livekit/rtc-node';
import type { RoomServiceClient } from 'livekit-server-sdk';
import { io, type Socket } from 'socket.io-client';
import type { ForumAck, ForumJoinAck, ForumJoinGrant, ForumMuteAck, ForumView } from '@podium/contracts';
import { api, startTestApp, type TestApp } from '../support/app';
import { signIn } from '../support/people';
import { testRoomService } from '../support/services';
import { createSession, sessionPerson } from '../livestream/fixtures';
import { liveNamespaces } from '../security/support/routes';
import { eventually, firstAudibleFrame, micOptions, rooms as openRooms, disconnectAll, sineMicrophone, withTimeout } from '../livestream/rtc';

jest.setTimeout(180_000);

let app: TestApp;
let livekit: RoomServiceClient;
let session: string;
let moderator: { token: string; personId: string };
let moderatorSocket: Socket & { views: ForumView[] };
const mics: { stop(): void }[] = [];

interface Member {
  name: string;
  personId: string;
  token: string;
  grant: ForumJoinGrant;
  room: Room;
  /** identity -> the remote audio track this member subscribed to */
  heard: Map<string, RemoteTrack>;
  mutedSeen: Set<string>;
}
const members: Member[] = [];

const forumSession = () => createSession(app, { kind: 'forum', title: 'Forum 3: Teilhabe vor Ort', endsInMinutes: 120 });

async function joinForum(token: string): Promise<ForumJoinGrant> {
  const res = await api(app.url, 'POST', `/api/sessions/${session}/forum/join`, { token });
  if (res.status !== 200) throw new Error(`forum join: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Connects with listeners in place first, so no subscription or mute is missed. */
async function enter(name: string, person: { token: string; personId: string }): Promise<Member> {
  const grant = await joinForum(person.token);
  const room = new Room();
  openRooms.push(room);
  const member: Member = { name, ...person, grant, room, heard: new Map(), mutedSeen: new Set() };
  room.on(RoomEvent.TrackSubscribed, (track: RemoteTrack, _pub: RemoteTrackPublication, from: RemoteParticipant) => member.heard.set(from.identity, track));
  room.on(RoomEvent.TrackMuted, (_pub: unknown, from: { identity: string }) => member.mutedSeen.add(from.identity));
  await room.connect(grant.url, grant.token, { autoSubscribe: true, dynacast: false });
  members.push(member);
  return member;
}

function forumSocket(token: string): Promise<Socket & { views: ForumView[] }> {
  const socket = io(`${app.url}/forum`, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false }) as Socket & { views: ForumView[] };
  socket.views = [];
  socket.on('forum:state', (v: ForumView) => socket.views.push(v));
  return new Promise((ok, fail) => {
    socket.once('connect', () => ok(socket));
    socket.once('connect_error', fail);
  });
}
// A bound on liveness, not a time the test measures: a LiveKit call on the loaded CI machine can take seconds.
const send = <T>(socket: Socket, event: string, payload: unknown) => socket.timeout(30_000).emitWithAck(event, payload) as Promise<T>;
const latest = (s: { views: ForumView[] }) => s.views.reduce<ForumView | undefined>((a, v) => (!a || v.version >= a.version ? v : a), undefined);

beforeAll(async () => {
  app = await startTestApp('forum-media');
  livekit = testRoomService();
  session = await forumSession();
  moderator = await sessionPerson(app, session, 'moderator', 'Mona Moderation');
  moderatorSocket = await forumSocket(moderator.token);
});

afterAll(async () => {
  for (const m of mics) m.stop();
  moderatorSocket?.close();
  await disconnectAll();
  await app?.stop();
  await dispose();
});

it('six participants enter with the right to talk (the moderator as moderator, five on slots)', async () => {
  await enter('Mona', moderator);
  for (const name of ['Ayşe', 'Ben', 'Chiara', 'Dimitri', 'Emma']) await enter(name, await signIn(app, 'attendee', `${name} Forum`, 'buko-2020'));
  expect(members.map((m) => m.grant.right)).toEqual(['moderator', 'slot', 'slot', 'slot', 'slot', 'slot']);
  expect(members.every((m) => m.grant.room === `podium-forum-${session}`)).toBe(true);
  const listed = await livekit.listParticipants(`podium-forum-${session}`);
  expect(listed.map((p) => p.identity).sort()).toEqual(members.map((m) => m.personId).sort());
  for (const p of listed) expect(p.permission).toMatchObject({ canSubscribe: true, canPublish: true });
});

it('each of the six publishes audio and hears the other five', async () => {
  for (const m of members) {
    const mic = sineMicrophone();
    mics.push(mic);
    await m.room.localParticipant!.publishTrack(mic.track, micOptions());
  }
  for (const m of members) {
    const others = members.filter((o) => o !== m).map((o) => o.personId);
    await eventually(async () => others.every((id) => m.heard.has(id)), 30_000, `${m.name} subscribed to the other five`);
    expect([...m.heard.keys()].sort()).toEqual([...others].sort());
    for (const id of others) {
      const frame = await withTimeout(firstAudibleFrame(m.heard.get(id)!), 20_000, `${m.name} hears ${id}`);
      expect(frame.sampleRate).toBe(48000);
    }
  }
});

it('the moderator mutes one participant; the server and the other five see that track muted', async () => {
  const join = await send<ForumJoinAck>(moderatorSocket, 'forum:join', { sessionId: session });
  expect(join.ok).toBe(true);
  const target = members[2]; // Ben
  const ack = await send<ForumMuteAck>(moderatorSocket, 'forum:mute', { sessionId: session, personId: target.personId });
  expect(ack).toMatchObject({ ok: true, muted: 1 });
  const server = await livekit.getParticipant(`podium-forum-${session}`, target.personId);
  expect(server.tracks.map((t) => t.muted)).toEqual([true]);
  for (const m of members.filter((o) => o !== target)) {
    await eventually(async () => m.mutedSeen.has(target.personId), 15_000, `${m.name} sees ${target.name} muted`);
    expect([...m.mutedSeen]).toEqual([target.personId]);
  }
});

it('an attendee cannot mute anyone; the moderator’s unmute request reaches the person, who answers it', async () => {
  const ayse = members[1];
  const ben = members[2];
  const socket = await forumSocket(ben.token);
  try {
    expect(((await send<ForumJoinAck>(socket, 'forum:join', { sessionId: session })) as { ok: boolean }).ok).toBe(true);
    const refused = await send<ForumMuteAck>(socket, 'forum:mute', { sessionId: session, personId: ayse.personId });
    expect(refused).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await send<ForumAck>(moderatorSocket, 'forum:ask-unmute', { sessionId: session, personId: ben.personId })).toMatchObject({ ok: true });
    await eventually(async () => latest(socket)?.unmuteRequests.includes(ben.personId), 10_000, 'Ben sees the request');
    expect(await send<ForumAck>(socket, 'forum:answer-unmute', { sessionId: session, accepted: true })).toMatchObject({ ok: true });
    await eventually(async () => latest(socket)?.unmuteRequests.length === 0, 10_000, 'the request is answered');
  } finally {
    socket.close();
  }
});

it('beyond the limit a newcomer listens; a raised hand given the floor may publish at once, and the turn is timed', async () => {
  expect(await send<ForumAck>(moderatorSocket, 'forum:configure', { sessionId: session, maxPublishers: 5 })).toMatchObject({ ok: true });
  const fritz = await signIn(app, 'attendee', 'Fritz Forum', 'buko-2020');
  const late = await enter('Fritz', fritz);
  expect(late.grant.right).toBeNull();
  expect((await livekit.getParticipant(`podium-forum-${session}`, fritz.personId)).permission).toMatchObject({ canPublish: false });
  const socket = await forumSocket(fritz.token);
  try {
    await send<ForumJoinAck>(socket, 'forum:join', { sessionId: session });
    expect(await send<ForumAck>(socket, 'forum:take-slot', { sessionId: session })).toMatchObject({ error: { code: 'CONFLICT', details: { forum: 'full' } } });
    expect(await send<ForumAck>(socket, 'forum:raise-hand', { sessionId: session })).toMatchObject({ ok: true });
    await eventually(async () => latest(moderatorSocket)?.hands.some((h) => h.personId === fritz.personId), 10_000, 'the moderator sees the hand');
    expect(await send<ForumAck>(moderatorSocket, 'forum:give-floor', { sessionId: session, personId: fritz.personId })).toMatchObject({ ok: true });
    await eventually(async () => (await livekit.getParticipant(`podium-forum-${session}`, fritz.personId)).permission?.canPublish, 10_000, 'LiveKit lets Fritz publish');
    const view = await eventually(async () => latest(socket)?.floor?.personId === fritz.personId && latest(socket), 10_000, 'Fritz has the floor');
    expect(view.hands).toEqual([]);
    expect(view.participants.find((p) => p.personId === fritz.personId)!.right).toBe('floor');
    // Ending the turn: no slot is free (five taken), so Fritz listens again and LiveKit takes the right back.
    expect(await send<ForumAck>(moderatorSocket, 'forum:end-floor', { sessionId: session })).toMatchObject({ ok: true });
    await eventually(async () => (await livekit.getParticipant(`podium-forum-${session}`, fritz.personId)).permission?.canPublish === false, 10_000, 'LiveKit takes the right back');
    const after = await eventually(async () => latest(socket)?.floor === null && latest(socket), 10_000, 'the turn ended');
    expect(after.participants.find((p) => p.personId === fritz.personId)!.speakingMs).toBeGreaterThan(0);
  } finally {
    socket.close();
  }
});

it('removing a participant disconnects them from the forum room and refuses their next join', async () => {
  const emma = members[5];
  const emmaSocket = await forumSocket(emma.token);
  expect((await send<ForumJoinAck>(emmaSocket, 'forum:join', { sessionId: session })).ok).toBe(true);
  const inRoom = async () => (await liveNamespaces(app).get('/forum')!.in(`forum:${session}`).fetchSockets()).map((s) => s.id);
  expect(await inRoom()).toContain(emmaSocket.id);
  const gone = new Promise((ok) => emma.room.once(RoomEvent.Disconnected, ok));
  expect(await send<ForumAck>(moderatorSocket, 'forum:remove', { sessionId: session, personId: emma.personId })).toMatchObject({ ok: true });
  // Her open socket no longer gets the forum's views.
  expect(await inRoom()).not.toContain(emmaSocket.id);
  emmaSocket.close();
  await withTimeout(gone, 15_000, 'Emma disconnected');
  const again = await api(app.url, 'POST', `/api/sessions/${session}/forum/join`, { token: emma.token });
  expect(again.status).toBe(403);
  await eventually(async () => latest(moderatorSocket)?.participants.every((p) => p.personId !== emma.personId), 10_000, 'Emma out of the view');
});
