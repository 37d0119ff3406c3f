// A dedicated LiveKit server whose webhooks reach the api: presence, dedup, bans enforced, restart recovery.
import { createHash } from 'node:crypto';
import { dispose, type Room } from '@livekit/rtc-node';
import { AccessToken, RoomServiceClient } from 'livekit-server-sdk';
import { roomNameFor } from '@podium/livestream';
import type { LocalLiveKitServer } from '../../apps/api/src/livestream/local-livekit-server';
import { StageReconciler } from '../../apps/api/src/livestream/reconciler';
import { api, startTestApp, type TestApp } from '../support/app';
import { startTestLiveKit } from '../support/livekit';
import { signIn } from '../support/people';
import { freeTcpPort } from '../support/server-process';
import { createSession, sessionPerson } from './fixtures';
import { connect, disconnectAll, eventually, nextEvent, withTimeout } from './rtc';

jest.setTimeout(120000);

let lk: LocalLiveKitServer;
let app: TestApp;
let rooms: RoomServiceClient;
let reconciler: StageReconciler;
let session: string;
let stageRoom: string;
let moderator: { token: string; personId: string };
let organiser: { token: string; personId: string };
let webhookUrl: string;

const joinGrant = async (token: string) => (await api(app.url, 'POST', `/api/sessions/${session}/join`, { token })).body as { url: string; token: string };
const presence = (identity: string): Promise<{ joined_at: Date; left_at: Date | null; room_sid: string; left_reason: string | null }[]> =>
  app.podium.dataSource.query(`SELECT joined_at, left_at, room_sid, left_reason FROM livestream_presence WHERE identity = $1 ORDER BY joined_at`, [identity]);
const attendance = async () => (await api(app.url, 'GET', `/api/sessions/${session}/attendance`, { token: organiser.token })).body;

/** Signs a webhook body exactly as LiveKit does (JWT with the body's sha256). */
async function sendWebhook(event: Record<string, unknown>) {
  const body = JSON.stringify(event);
  const at = new AccessToken(lk.apiKey, lk.apiSecret);
  at.sha256 = createHash('sha256').update(body).digest('base64');
  return api(app.url, 'POST', '/livekit/webhook', { body, headers: { 'content-type': 'application/webhook+json', authorization: await at.toJwt() } });
}

beforeAll(async () => {
  const port = await freeTcpPort();
  webhookUrl = `http://127.0.0.1:${port}/livekit/webhook`;
  lk = await startTestLiveKit({ webhookUrl });
  app = await startTestApp('ls-webhooks', { env: { PORT: String(port) }, livekit: { status: 'external', url: lk.url, apiKey: lk.apiKey, apiSecret: lk.apiSecret } });
  rooms = new RoomServiceClient(lk.httpUrl, lk.apiKey, lk.apiSecret);
  reconciler = app.podium.app.get(StageReconciler);
  reconciler.stopTimer(); // prove that webhooks (and explicit calls) do the work
  session = await createSession(app);
  stageRoom = roomNameFor(session, 'stage');
  moderator = await sessionPerson(app, session, 'moderator', 'Mo Webhook');
  organiser = await signIn(app, 'organiser', 'Olga Zahlen', 'buko-2020');
});

afterAll(async () => {
  await disconnectAll();
  await app?.stop();
  await lk?.stop();
  await dispose();
});

it('records presence from real webhooks: joined, left, live count, peak and unique attendees', async () => {
  const ada = await signIn(app, 'attendee', 'Ada Anwesend', 'buko-2020');
  const ben = await signIn(app, 'attendee', 'Ben Besuch', 'buko-2020');
  const adaRoom = await connect(lk.url, (await joinGrant(ada.token)).token);
  const benRoom = await connect(lk.url, (await joinGrant(ben.token)).token);
  await eventually(async () => (await presence(ben.personId)).length === 1, 10000, 'joined rows');
  expect((await presence(ada.personId))[0].left_at).toBeNull();
  expect(await attendance()).toMatchObject({ live: 2, peak: 2, totalUnique: 2 });
  await benRoom.disconnect();
  await eventually(async () => (await presence(ben.personId))[0]?.left_at, 10000, 'left row');
  const ada2 = await connect(lk.url, (await joinGrant(ada.token)).token); // Ada's second device
  await eventually(async () => (await presence(ada.personId)).length === 2, 10000, 'second connection');
  expect(await attendance()).toMatchObject({ live: 1, peak: 2, totalUnique: 2 });
  await adaRoom.disconnect();
  await ada2.disconnect();
  await eventually(async () => (await attendance()).live === 0, 10000, 'everybody left');
  const [{ n }] = await app.podium.dataSource.query(`SELECT count(*)::int AS n FROM livekit_webhook_event WHERE room_name = $1`, [stageRoom]);
  expect(n).toBeGreaterThanOrEqual(6);
});

it('shows the same visits as attendance over time, in whole aligned buckets', async () => {
  const res = await api(app.url, 'GET', `/api/sessions/${session}/attendance/timeline?minutes=1`, { token: organiser.token });
  expect(res.status).toBe(200);
  const { buckets, from, to, minutes } = res.body as { buckets: { start: string; peak: number; unique: number }[]; from: string; to: string; minutes: number };
  expect(minutes).toBe(1);
  // The visits above took seconds: one bucket, or two when they crossed a minute.
  expect(buckets.length).toBeGreaterThanOrEqual(1);
  expect(buckets.length).toBeLessThanOrEqual(2);
  expect(Date.parse(from) % 60_000).toBe(0);
  expect(Date.parse(to) - Date.parse(from)).toBe(buckets.length * 60_000);
  const [{ first }] = await app.podium.dataSource.query(`SELECT min(joined_at) AS first FROM livestream_presence WHERE session_id = $1 AND room_kind = 'stage'`, [session]);
  expect(Date.parse(from)).toBeLessThanOrEqual(new Date(first).getTime());
  expect(Math.max(...buckets.map((b) => b.peak))).toBe(2);
  expect(Math.max(...buckets.map((b) => b.unique))).toBeGreaterThanOrEqual(1);
  for (const b of buckets) expect(b.unique).toBeLessThanOrEqual(2);
  if (buckets.length === 1) expect(buckets[0]).toMatchObject({ peak: 2, unique: 2 });
});

it('refuses a bucket width that is not a whole number of minutes, or one that makes too many buckets', async () => {
  for (const bad of ['0', '1441', 'x', '1.5', '-5']) {
    const res = await api(app.url, 'GET', `/api/sessions/${session}/attendance/timeline?minutes=${bad}`, { token: organiser.token });
    expect({ bad, status: res.status, code: res.body.error?.code }).toEqual({ bad, status: 400, code: 'VALIDATION' });
  }
  const long = await createSession(app, { title: 'Zwei Tage Stream' });
  await app.podium.dataSource.query(
    `INSERT INTO livestream_presence (session_id, room_kind, room_sid, participant_sid, identity, joined_at, left_at)
     VALUES ($1, 'stage', 'RM_long', 'PA_long', 'long-viewer', now() - interval '2 days', now() - interval '1 day')`,
    [long],
  );
  const tooMany = await api(app.url, 'GET', `/api/sessions/${long}/attendance/timeline?minutes=1`, { token: organiser.token });
  expect(tooMany.status).toBe(400);
  expect(tooMany.body.error.message).toMatch(/^minutes: 1-minute buckets would make 14\d\d .*choose at least [3-4]$/);
  const daily = await api(app.url, 'GET', `/api/sessions/${long}/attendance/timeline?minutes=60`, { token: organiser.token });
  expect(daily.status).toBe(200);
  expect(daily.body.buckets.length).toBeGreaterThanOrEqual(24);
  expect(daily.body.buckets.every((b: { unique: number }) => b.unique === 1)).toBe(true);
});

it('deduplicates by event id, ignores unknown events and survives a left that arrives before its joined', async () => {
  const room = { sid: 'RM_reversed', name: stageRoom };
  const participant = { sid: 'PA_reversed', identity: 'f0000000-0000-4000-8000-00000000000a', joinedAt: '1767261600' };
  const left = await sendWebhook({ id: 'EV_left_1', event: 'participant_left', room, participant, createdAt: '1767261660' });
  const joined = { id: 'EV_joined_1', event: 'participant_joined', room, participant, createdAt: '1767261600' };
  expect((await sendWebhook(joined)).body).toEqual({ outcome: 'handled' });
  expect(left.body).toEqual({ outcome: 'handled' });
  expect((await sendWebhook(joined)).body).toEqual({ outcome: 'duplicate' });
  expect((await sendWebhook({ id: 'EV_egress', event: 'egress_started', room, createdAt: '1767261600' })).body).toEqual({ outcome: 'ignored' });
  expect((await sendWebhook({ id: 'EV_foreign', event: 'participant_joined', room: { sid: 'RM_f', name: 'somebody-elses-room' }, participant, createdAt: '1767261600' })).body).toEqual({ outcome: 'ignored' });
  const [row] = await presence(participant.identity);
  expect(row.joined_at.toISOString()).toBe('2026-01-01T10:00:00.000Z');
  // Webhook times have whole seconds: a left is placed at the end of its second (never after receipt).
  expect(row.left_at!.toISOString()).toBe('2026-01-01T10:01:00.999Z');
  const tampered = JSON.stringify({ ...joined, id: 'EV_tampered' });
  const at = new AccessToken(lk.apiKey, lk.apiSecret);
  at.sha256 = createHash('sha256').update(JSON.stringify(joined)).digest('base64');
  const refused = await api(app.url, 'POST', '/livekit/webhook', { body: tampered, headers: { 'content-type': 'application/webhook+json', authorization: await at.toJwt() } });
  expect(refused.status).toBe(401);
});

it('a removed participant who rejoins with an old token is removed again by the participant_joined webhook', async () => {
  const eve = await signIn(app, 'attendee', 'Eve Entfernt', 'buko-2020');
  const oldToken = (await joinGrant(eve.token)).token;
  const first = await connect(lk.url, oldToken);
  await eventually(async () => (await presence(eve.personId)).length === 1, 10000, 'joined');
  const gone = nextEvent(first, 'disconnected' as never);
  await api(app.url, 'DELETE', `/api/sessions/${session}/participants/${eve.personId}`, { token: moderator.token });
  await withTimeout(gone, 10000, 'disconnected by the moderator');
  const before = reconciler.stats.bannedRemoved;
  const back: Room = await connect(lk.url, oldToken); // LiveKit ignores revokeTokenTs: this works ...
  await withTimeout(nextEvent(back, 'disconnected' as never), 15000, 'removed again by the webhook'); // ... but not for long
  await eventually(async () => reconciler.stats.bannedRemoved === before + 1, 5000, 'counted'); // the client may hear it before our call returns
});

it('after a LiveKit restart on the same port, joins recover and the reconciler applies what was decided meanwhile', async () => {
  const carl = await signIn(app, 'attendee', 'Carl Comeback', 'buko-2020');
  const dora = await signIn(app, 'attendee', 'Dora Dabei', 'buko-2020');
  const carlToken = (await joinGrant(carl.token)).token;
  const carlRoom = await connect(lk.url, carlToken);
  await connect(lk.url, (await joinGrant(dora.token)).token); // stays connected through the crash
  await eventually(async () => (await presence(dora.personId)).length === 1, 10000, 'dora joined');
  const oldRoomSid = (await presence(dora.personId))[0].room_sid;
  await carlRoom.disconnect();

  await lk.stop();
  // Joins with a known room notice the outage within a second (one shared liveness probe per second).
  const down = await eventually(async () => {
    const res = await api(app.url, 'POST', `/api/sessions/${session}/join`, { token: carl.token });
    return res.status === 503 && res;
  }, 5000, 'join refused while LiveKit is down');
  expect(down.body.error.code).toBe('UNAVAILABLE');
  expect((await api(app.url, 'GET', '/health')).status).toBe(503);
  expect((await api(app.url, 'GET', '/api/conferences')).status).toBe(200);
  const decided = await api(app.url, 'POST', `/api/sessions/${session}/stage/${carl.personId}`, { token: moderator.token, body: { onStage: true } });
  expect(decided.body).toMatchObject({ onStage: true, applied: false });
  await expect(reconciler.reconcileAll()).rejects.toThrow(/not answering/);

  lk = await startTestLiveKit({ webhookUrl, port: lk.port, rtcUdpPort: lk.rtcUdpPort, apiKey: lk.apiKey, apiSecret: lk.apiSecret });
  expect((await api(app.url, 'POST', `/api/sessions/${session}/join`, { token: carl.token })).status).toBe(200);
  const driftBefore = reconciler.stats.driftFixed;
  await connect(lk.url, carlToken); // his old token still says "no publishing"
  await eventually(async () => (await rooms.getParticipant(stageRoom, carl.personId)).permission?.canPublish, 15000, 'promoted after the restart');
  expect(reconciler.stats.driftFixed).toBeGreaterThan(driftBefore);
  await reconciler.reconcileAll();
  const closed = (await presence(dora.personId)).find((r) => r.room_sid === oldRoomSid)!;
  expect(closed.left_at).not.toBeNull();
});
