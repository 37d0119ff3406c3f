// A substitute for an absent panelist may publish on the LiveKit stage; handed back, they may not.
import { dispose } from '@livekit/rtc-node';
import { RoomServiceClient } from 'livekit-server-sdk';
import { roomNameFor } from '@podium/livestream';
import { liveKitHttpUrl } from '../../apps/api/src/livestream/livekit-url';
import { api, startTestApp, type TestApp } from '../support/app';
import { signIn } from '../support/people';
import { testLiveKit } from '../support/services';
import { connect as connectRtc, disconnectAll, eventually } from '../livestream/rtc';
import { connect, join, send, type Client } from './support';

jest.setTimeout(90_000);

describe('a substitute on a fixed chair and the LiveKit stage', () => {
  let app: TestApp;
  let rooms: RoomServiceClient;
  const sockets: Client[] = [];

  beforeAll(async () => {
    app = await startTestApp('fishbowl-substitute-stage');
    const lk = testLiveKit();
    rooms = new RoomServiceClient(liveKitHttpUrl(lk.url), lk.apiKey, lk.apiSecret);
  });

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await disconnectAll();
    await app?.stop();
    await dispose();
  });

  it('lets the substitute publish while seated and takes it back on hand-back', async () => {
    const db = app.podium.dataSource;
    const [row] = await db.query(
      `INSERT INTO session (conference_id, kind, title, starts_at, ends_at, status)
       SELECT id, 'fishbowl', 'Fishbowl mit Vertretung', now() - interval '5 minutes', now() + interval '1 hour', 'live' FROM conference WHERE slug = 'buko-2020' RETURNING id`,
    );
    const sessionId: string = row.id;
    const stageRoom = roomNameFor(sessionId, 'stage');
    const moderator = await signIn(app, 'attendee', 'Mona Moderatorin', 'buko-2020');
    const panelist = await signIn(app, 'attendee', 'Paula Podium', 'buko-2020');
    const stand = await signIn(app, 'attendee', 'Sven Vertretung', 'buko-2020');
    await db.query(`INSERT INTO session_person (session_id, person_id, role, position) VALUES ($1, $2, 'moderator', 0), ($1, $3, 'speaker', 1)`, [
      sessionId,
      moderator.personId,
      panelist.personId,
    ]);
    // Sven follows the livestream as audience: may subscribe, may not publish.
    const grant = await api(app.url, 'POST', `/api/sessions/${sessionId}/join`, { token: stand.token });
    expect(grant.status).toBe(200);
    await connectRtc(grant.body.url, grant.body.token);
    const permission = async () => (await rooms.getParticipant(stageRoom, stand.personId)).permission!;
    expect(await permission()).toMatchObject({ canPublish: false, canSubscribe: true });

    const [mod, s] = await Promise.all([moderator, stand].map((p) => connect(app.url, p.token)));
    sockets.push(mod, s);
    const first = await join(mod, sessionId);
    await join(s, sessionId);
    const ok = async (socket: Client, event: string, payload: Record<string, unknown> = {}) => {
      const ack = await send(socket, event, { sessionId, ...payload });
      if (!ack.ok) throw new Error(`${event}: ${JSON.stringify(ack.error)}`);
      return ack.version;
    };
    let v = await ok(mod, 'fishbowl:start', { expectedVersion: first.version });
    await ok(s, 'fishbowl:ask', { where: 'remote' });
    // Paula never connected: Sven stands in on her chair (index 1) and may publish.
    v = await ok(mod, 'fishbowl:substitute', { chairIndex: 1, personId: stand.personId, expectedVersion: v });
    await eventually(async () => (await permission()).canPublish, 15_000, 'canPublish as substitute');
    await ok(mod, 'fishbowl:substitute', { chairIndex: 1, personId: panelist.personId, expectedVersion: v });
    await eventually(async () => !(await permission()).canPublish, 15_000, 'no publishing after hand-back');
    expect(await permission()).toMatchObject({ canPublish: false, canSubscribe: true });
  });
});
