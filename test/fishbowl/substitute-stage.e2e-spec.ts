// A substitute for an absent panelist may publish on the LiveKit stage; handed back, they may not.
import { dispose } from '@livekit/rtc-node';
import type { RoomServiceClient } from 'livekit-server-sdk';
import { roomNameFor } from '@podium/livestream';
import { api, startTestApp, type TestApp } from '../support/app';
import { signIn } from '../support/people';
import { testRoomService } from '../support/services';
import { addToSession, createSession } from '../livestream/fixtures';
import { connect as connectRtc, disconnectAll, eventually } from '../livestream/rtc';
import { connect, join, okIn, type Client } from './support';

jest.setTimeout(90_000);

describe('a substitute on a fixed chair and the LiveKit stage', () => {
  let app: TestApp;
  let rooms: RoomServiceClient;
  const sockets: Client[] = [];

  beforeAll(async () => {
    app = await startTestApp('fishbowl-substitute-stage');
    rooms = testRoomService();
  });

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await disconnectAll();
    await app?.stop();
    await dispose();
  });

  it('lets the substitute publish while seated and takes it back on hand-back', async () => {
    const sessionId = await createSession(app, { kind: 'fishbowl', title: 'Fishbowl mit Vertretung' });
    const stageRoom = roomNameFor(sessionId, 'stage');
    const moderator = await signIn(app, 'attendee', 'Mona Moderatorin', 'buko-2020');
    const panelist = await signIn(app, 'attendee', 'Paula Podium', 'buko-2020');
    const stand = await signIn(app, 'attendee', 'Sven Vertretung', 'buko-2020');
    await addToSession(app, sessionId, moderator.personId, 'moderator', 0);
    await addToSession(app, sessionId, panelist.personId, 'speaker', 1);
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
    const ok = okIn(sessionId);
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
