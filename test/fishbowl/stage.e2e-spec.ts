// A queued attendee (a real rtc-node participant) is invited, accepts and publishes; rotated out, their track is gone.
import { dispose } from '@livekit/rtc-node';
import type { RoomServiceClient } from 'livekit-server-sdk';
import { roomNameFor } from '@podium/livestream';
import { api, startTestApp, type TestApp } from '../support/app';
import { signIn } from '../support/people';
import { testRoomService } from '../support/services';
import { addToSession, createSession } from '../livestream/fixtures';
import { connect as connectRtc, disconnectAll, eventually, micOptions, sineMicrophone, withTimeout } from '../livestream/rtc';
import { connect, join, okIn, until, type Client } from './support';

jest.setTimeout(90_000);

describe('fishbowl chairs drive the LiveKit stage', () => {
  let app: TestApp;
  let rooms: RoomServiceClient;
  const sockets: Client[] = [];
  const mics: { stop(): void }[] = [];

  beforeAll(async () => {
    app = await startTestApp('fishbowl-stage');
    rooms = testRoomService();
  });

  afterAll(async () => {
    for (const m of mics) m.stop();
    for (const s of sockets) s.disconnect();
    await disconnectAll();
    await app?.stop();
    await dispose();
  });

  it('invite -> accept puts the guest on stage (publish allowed); rotation takes the track away', async () => {
    const sessionId = await createSession(app, { kind: 'fishbowl', title: 'Aktuelle Stunde im Fishbowl-Format' });
    const stageRoom = roomNameFor(sessionId, 'stage');
    const moderator = await signIn(app, 'attendee', 'Mona Moderatorin', 'buko-2020');
    await addToSession(app, sessionId, moderator.personId, 'moderator');
    const guest = await signIn(app, 'attendee', 'Gül Gast', 'buko-2020');
    const next = await signIn(app, 'attendee', 'Nils Nächster', 'buko-2020');

    // The guest follows the livestream as audience: may subscribe, may not publish.
    const grant = await api(app.url, 'POST', `/api/sessions/${sessionId}/join`, { token: guest.token });
    expect(grant.status).toBe(200);
    const guestRoom = await connectRtc(grant.body.url, grant.body.token);
    const permission = async () => (await rooms.getParticipant(stageRoom, guest.personId)).permission!;
    expect(await permission()).toMatchObject({ canPublish: false, canSubscribe: true });

    const [mod, g, n] = await Promise.all([moderator, guest, next].map((p) => connect(app.url, p.token)));
    sockets.push(mod, g, n);
    const first = await join(mod, sessionId);
    // The session moderator holds the fixed chair; one open chair, rotation allowed at once.
    expect(first.settings.fixedChairs).toEqual([{ role: 'moderator', personId: moderator.personId, displayName: 'Mona Moderatorin' }]);
    const ok = okIn(sessionId);
    let v = await ok(mod, 'fishbowl:configure', { expectedVersion: first.version, settings: { chairCount: 2, rotationGraceMs: 0 } });
    v = await ok(mod, 'fishbowl:start', { expectedVersion: v });
    await ok(g, 'fishbowl:ask', { where: 'remote', topic: 'Teilhabe' });
    v = await ok(mod, 'fishbowl:invite', { personId: guest.personId, expectedVersion: v });
    await ok(g, 'fishbowl:accept');

    // Seated on the open chair: LiveKit lets the guest publish, and the microphone goes out.
    await eventually(async () => (await permission()).canPublish, 15_000, 'canPublish after accept');
    const mic = sineMicrophone();
    mics.push(mic);
    await withTimeout(guestRoom.localParticipant!.publishTrack(mic.track, micOptions()), 15_000, 'publish');
    await eventually(async () => (await rooms.getParticipant(stageRoom, guest.personId)).tracks.length === 1, 10_000, 'track published');

    // Someone else waits; the rules name the guest; the moderator confirms: the guest's track is gone.
    await ok(n, 'fishbowl:ask', { where: 'hall' });
    const view = await until(mod, (x) => x.rotation?.personId === guest.personId);
    await ok(mod, 'fishbowl:confirm-rotation', { personId: guest.personId, expectedVersion: view.version });
    await eventually(async () => (await rooms.getParticipant(stageRoom, guest.personId)).tracks.length === 0, 15_000, 'track unpublished after rotation');
    expect(await permission()).toMatchObject({ canPublish: false, canSubscribe: true });
  });
});
