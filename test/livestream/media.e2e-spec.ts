// Real participants (rtc-node) in rooms made by the api: grants, stage changes, mute, removal, drift repair.
import { Room, dispose } from '@livekit/rtc-node';
import { randomUUID } from 'node:crypto';
import { AccessToken, type RoomServiceClient } from 'livekit-server-sdk';
import { roomNameFor, stagePermission, toVideoGrant } from '@podium/livestream';
import { StageReconciler } from '../../apps/api/src/livestream/reconciler';
import { api, startTestApp, type TestApp } from '../support/app';
import { signIn } from '../support/people';
import { testLiveKit, testRoomService } from '../support/services';
import { createSession, sessionPerson } from './fixtures';
import { connect, disconnectAll, eventually, firstAudibleFrame, micOptions, nextEvent, sineMicrophone, subscribedFrom, withTimeout } from './rtc';

jest.setTimeout(90000);

let app: TestApp;
let rooms: RoomServiceClient;
let reconciler: StageReconciler;
let session: string;
let stageRoom: string;
let moderator: { token: string; personId: string };
const mics: { stop(): void }[] = [];

async function tokenFor(token: string): Promise<{ url: string; token: string }> {
  const res = await api(app.url, 'POST', `/api/sessions/${session}/join`, { token });
  if (res.status !== 200) throw new Error(`join: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
const permission = async (identity: string) => (await rooms.getParticipant(stageRoom, identity)).permission!;
const stage = (personId: string, onStage: boolean) => api(app.url, 'POST', `/api/sessions/${session}/stage/${personId}`, { token: moderator.token, body: { onStage } });
function mic() {
  const m = sineMicrophone();
  mics.push(m);
  return m;
}

beforeAll(async () => {
  app = await startTestApp('ls-media');
  rooms = testRoomService();
  reconciler = app.podium.app.get(StageReconciler);
  reconciler.stopTimer(); // the specs call the reconciler themselves
  session = await createSession(app);
  stageRoom = roomNameFor(session, 'stage');
  moderator = await sessionPerson(app, session, 'moderator', 'Mo Media');
});

afterAll(async () => {
  for (const m of mics) m.stop();
  await disconnectAll();
  await app?.stop();
  await dispose();
});

let attendee: { token: string; personId: string };
let attendeeRoom: Room;
let speaker: { token: string; personId: string };
let speakerRoom: Room;

it('an attendee token connects but may not publish (server permission, and a refused publish)', async () => {
  attendee = await signIn(app, 'attendee', 'Ada Audience', 'buko-2020');
  const grant = await tokenFor(attendee.token);
  attendeeRoom = await connect(grant.url, grant.token);
  expect(await permission(attendee.personId)).toMatchObject({ canSubscribe: true, canPublish: false, canPublishSources: [] });
  // rtc-node ignores the server's immediate NOT_ALLOWED and rejects after its own 10 s timeout.
  await expect(withTimeout(attendeeRoom.localParticipant!.publishTrack(mic().track, micOptions()), 20000, 'refused publish')).rejects.toThrow(/timed out|not allowed|permission/i);
  expect((await rooms.getParticipant(stageRoom, attendee.personId)).tracks).toHaveLength(0);
});

it('a speaker publishes audio that the attendee receives', async () => {
  speaker = await sessionPerson(app, session, 'speaker', 'Sam Sound');
  const grant = await tokenFor(speaker.token);
  speakerRoom = await connect(grant.url, grant.token);
  const subscribed = subscribedFrom(attendeeRoom, speaker.personId);
  await speakerRoom.localParticipant!.publishTrack(mic().track, micOptions());
  const frame = await withTimeout(firstAudibleFrame(await withTimeout(subscribed, 15000, 'TrackSubscribed')), 15000, 'audible frame');
  expect(frame.sampleRate).toBe(48000);
});

it('putting the attendee on stage through the api lets them publish at once; taking them off unpublishes the track', async () => {
  const res = await stage(attendee.personId, true);
  expect(res.body).toMatchObject({ onStage: true, connected: true, applied: true });
  expect(await permission(attendee.personId)).toMatchObject({ canPublish: true, canSubscribe: true, canPublishSources: [1, 2] });
  expect((await rooms.getParticipant(stageRoom, attendee.personId)).attributes).toMatchObject({ stage: 'true', role: 'attendee' });
  const heard = subscribedFrom(speakerRoom, attendee.personId);
  await attendeeRoom.localParticipant!.publishTrack(mic().track, micOptions());
  await withTimeout(firstAudibleFrame(await withTimeout(heard, 15000, 'speaker hears the attendee')), 15000, 'audible frame');

  const unpublished = nextEvent(speakerRoom, 'trackUnpublished' as never);
  expect((await stage(attendee.personId, false)).body).toMatchObject({ onStage: false, connected: true, applied: true });
  await withTimeout(unpublished, 10000, 'TrackUnpublished');
  expect(await permission(attendee.personId)).toMatchObject({ canPublish: false, canSubscribe: true });
  expect((await rooms.getParticipant(stageRoom, attendee.personId)).tracks).toHaveLength(0);
});

it('a moderator mutes a published track', async () => {
  const [track] = (await rooms.getParticipant(stageRoom, speaker.personId)).tracks;
  const res = await api(app.url, 'POST', `/api/sessions/${session}/participants/${speaker.personId}/mute`, { token: moderator.token, body: { trackSid: track.sid } });
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ trackSid: track.sid, muted: true });
  expect((await rooms.getParticipant(stageRoom, speaker.personId)).tracks[0].muted).toBe(true);
  const missing = await api(app.url, 'POST', `/api/sessions/${session}/participants/${attendee.personId}/mute`, { token: moderator.token, body: { trackSid: 'TR_nope' } });
  expect(missing.status).toBe(404);
});

it('the reconciler repairs a manual permission change and counts it', async () => {
  const before = reconciler.stats.driftFixed;
  // A partial update (the classic mistake): canSubscribe and canPublishData silently go false.
  await rooms.updateParticipant(stageRoom, speaker.personId, { permission: { canPublish: false } });
  expect(await permission(speaker.personId)).toMatchObject({ canPublish: false, canSubscribe: false });
  const report = await reconciler.reconcileRoom(stageRoom);
  expect(report!.updates).toEqual([{ identity: speaker.personId, change: 'promote' }]);
  expect(await permission(speaker.personId)).toMatchObject({ canPublish: true, canSubscribe: true, canPublishData: true, canPublishSources: [1, 2, 3, 4] });
  expect(reconciler.stats.driftFixed).toBe(before + 1);
  expect((await reconciler.reconcileRoom(stageRoom))!.updates).toEqual([]);
  const platform = await signIn(app, 'organiser', 'Paula Platform', null);
  const status = await api(app.url, 'GET', '/api/livestream/status', { token: platform.token });
  expect(status.body).toMatchObject({ livekit: { status: 'up' }, reconciler: { driftFixed: before + 1, promotions: expect.any(Number) } });
});

it('a removed participant is disconnected, refused a new token, and removed again when they come back with the old one', async () => {
  const oldGrant = await tokenFor(attendee.token);
  const gone = nextEvent(attendeeRoom, 'disconnected' as never);
  const res = await api(app.url, 'DELETE', `/api/sessions/${session}/participants/${attendee.personId}`, { token: moderator.token });
  expect(res.body).toMatchObject({ banned: true, disconnected: 1, pending: false });
  await withTimeout(gone, 10000, 'Disconnected');
  const refused = await api(app.url, 'POST', `/api/sessions/${session}/join`, { token: attendee.token });
  expect(refused.status).toBe(403);
  expect(refused.body.error.message).toMatch(/removed/);
  // LiveKit 1.13.5 ignores revokeTokenTs: the old token still gets in ...
  const back = await connect(oldGrant.url, oldGrant.token);
  const kicked = nextEvent(back, 'disconnected' as never);
  await eventually(async () => (await rooms.listParticipants(stageRoom)).some((p) => p.identity === attendee.personId), 5000, 'rejoined');
  // ... and the reconciler removes it again.
  const report = await reconciler.reconcileRoom(stageRoom);
  expect(report!.removed).toEqual([attendee.personId]);
  await withTimeout(kicked, 10000, 'Disconnected again');
  expect((await rooms.listParticipants(stageRoom)).map((p) => p.identity)).not.toContain(attendee.personId);
});

it('a moderator sees the removal and takes it back; the person may join again, once', async () => {
  const listed = await api(app.url, 'GET', `/api/sessions/${session}/bans`, { token: moderator.token });
  expect(listed.status).toBe(200);
  expect(listed.body).toEqual([expect.objectContaining({ personId: attendee.personId, bannedBy: moderator.personId, bannedAt: expect.any(String) })]);
  const undone = await api(app.url, 'DELETE', `/api/sessions/${session}/bans/${attendee.personId}`, { token: moderator.token });
  expect(undone.status).toBe(200);
  expect(undone.body).toEqual({ personId: attendee.personId, banned: false });
  expect((await api(app.url, 'POST', `/api/sessions/${session}/join`, { token: attendee.token })).status).toBe(200);
  expect((await api(app.url, 'GET', `/api/sessions/${session}/bans`, { token: moderator.token })).body).toEqual([]);
  const again = await api(app.url, 'DELETE', `/api/sessions/${session}/bans/${attendee.personId}`, { token: moderator.token });
  expect(again.status).toBe(404);
  expect((await api(app.url, 'DELETE', `/api/sessions/${session}/bans/not-a-uuid`, { token: moderator.token })).status).toBe(400);
});

it("keeps its hands off rooms of sessions it does not know (another deployment or test run on the same LiveKit)", async () => {
  const lk = testLiveKit();
  const foreignRoom = roomNameFor(randomUUID(), 'stage');
  await rooms.createRoom({ name: foreignRoom, emptyTimeout: 30 });
  const at = new AccessToken(lk.apiKey, lk.apiSecret, { identity: randomUUID(), ttl: '10m' });
  at.addGrant(toVideoGrant(stagePermission('speaker', true), foreignRoom));
  const guest = await connect(lk.url, await at.toJwt());
  const identity = guest.localParticipant!.identity;
  expect((await rooms.getParticipant(foreignRoom, identity)).permission!.canPublish).toBe(true);
  await reconciler.reconcileAll();
  expect(await reconciler.reconcileRoom(foreignRoom)).toBeNull();
  expect((await rooms.getParticipant(foreignRoom, identity)).permission!.canPublish).toBe(true);
});
