// Forum attendance from LiveKit presence (issue 19): a dedicated LiveKit server whose webhooks reach the api.
// Two rtc-node participants enter the forum's room; the webhooks write presence rows of kind `forum`, and the
// session's attendance (as for a livestream) counts them live, at peak and in total; leaving closes the row.
import { dispose } from '@livekit/rtc-node';
import type { ForumJoinGrant } from '@podium/contracts';
import { forumRoomName } from '@podium/forum';
import type { LocalLiveKitServer } from '../../apps/api/src/livestream/local-livekit-server';
import { StageReconciler } from '../../apps/api/src/livestream/reconciler';
import { api, startTestApp, type TestApp } from '../support/app';
import { startTestLiveKit } from '../support/livekit';
import { signIn } from '../support/people';
import { freeTcpPort } from '../support/server-process';
import { createSession } from '../livestream/fixtures';
import { connect, disconnectAll, eventually } from '../livestream/rtc';

jest.setTimeout(120_000);

type Person = { token: string; personId: string };
let lk: LocalLiveKitServer;
let app: TestApp;
let session: string;
let organiser: Person;

const joinForum = async (p: Person): Promise<ForumJoinGrant> => {
  const res = await api(app.url, 'POST', `/api/sessions/${session}/forum/join`, { token: p.token });
  if (res.status !== 200) throw new Error(`forum join: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};
const rows = (personId: string): Promise<{ room_kind: string; left_at: Date | null }[]> =>
  app.podium.dataSource.query(`SELECT room_kind, left_at FROM livestream_presence WHERE session_id = $1 AND person_id = $2 ORDER BY joined_at`, [session, personId]);
const attendance = async () => (await api(app.url, 'GET', `/api/sessions/${session}/attendance`, { token: organiser.token })).body;

beforeAll(async () => {
  const port = await freeTcpPort();
  lk = await startTestLiveKit({ webhookUrl: `http://127.0.0.1:${port}/livekit/webhook` });
  app = await startTestApp('forum-attendance', { env: { PORT: String(port) }, livekit: { status: 'external', url: lk.url, apiKey: lk.apiKey, apiSecret: lk.apiSecret } });
  app.podium.app.get(StageReconciler).stopTimer(); // the webhooks alone must do it
  organiser = await signIn(app, 'organiser', 'Olga Zahlen', 'buko-2020');
  session = await createSession(app, { kind: 'forum', title: 'Forum 4: Wohnen', endsInMinutes: 120 });
});

afterAll(async () => {
  await disconnectAll();
  await app?.stop();
  await lk?.stop();
  await dispose();
});

it('counts the forum room’s participants from LiveKit’s webhooks: live, peak, unique; leaving closes the row', async () => {
  const ada = await signIn(app, 'attendee', 'Ada Austausch', 'buko-2020');
  const ben = await signIn(app, 'attendee', 'Ben Brücke', 'buko-2020');
  const adaGrant = await joinForum(ada);
  expect(adaGrant.room).toBe(forumRoomName(session));
  const adaRoom = await connect(adaGrant.url, adaGrant.token);
  const benGrant = await joinForum(ben);
  const benRoom = await connect(benGrant.url, benGrant.token);
  await eventually(async () => (await rows(ben.personId)).length === 1, 15_000, 'Ben’s presence row');
  await eventually(async () => (await rows(ada.personId)).length === 1, 15_000, 'Ada’s presence row');
  expect(await rows(ada.personId)).toEqual([{ room_kind: 'forum', left_at: null }]);
  expect(await attendance()).toMatchObject({ sessionId: session, live: 2, peak: 2, totalUnique: 2, connections: 2 });

  await benRoom.disconnect();
  await eventually(async () => (await rows(ben.personId))[0]?.left_at !== null, 15_000, 'Ben’s row closed');
  expect(await attendance()).toMatchObject({ live: 1, peak: 2, totalUnique: 2 });
  await adaRoom.disconnect();
  await eventually(async () => (await attendance()).live === 0, 15_000, 'everybody left');
  const [{ n }] = await app.podium.dataSource.query(`SELECT count(*)::int AS n FROM livekit_webhook_event WHERE room_name = $1`, [forumRoomName(session)]);
  expect(n).toBeGreaterThanOrEqual(4);
});
