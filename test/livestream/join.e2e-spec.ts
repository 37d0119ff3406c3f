// POST /api/sessions/:id/join and friends against the real api, PostgreSQL and LiveKit.
import type { RoomServiceClient } from 'livekit-server-sdk';
import { roomNameFor } from '@podium/livestream';
import { api, startTestApp, type TestApp } from '../support/app';
import { signIn } from '../support/people';
import { testLiveKit, testRoomService } from '../support/services';
import { claimsOf, createSession, sessionPerson } from './fixtures';

describe('livestream joins', () => {
  let app: TestApp;
  let rooms: RoomServiceClient;
  let session: string;
  let attendee: { token: string; personId: string };

  beforeAll(async () => {
    app = await startTestApp('ls-join');
    rooms = testRoomService();
    session = await createSession(app, { capacity: 250, title: 'Forum Arbeitsmarkt' });
    attendee = await signIn(app, 'attendee', 'Ada Attendee', 'buko-2020');
  });
  afterAll(() => app.stop());

  const join = (token: string, body?: unknown, id = session) => api(app.url, 'POST', `/api/sessions/${id}/join`, { token, body });

  it('gives an attendee a 10-minute subscribe-only token for the stage room, created with our settings', async () => {
    const res = await join(attendee.token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ url: testLiveKit().url, room: roomNameFor(session, 'stage'), role: 'attendee', identity: attendee.personId, onStage: false });
    const claims = claimsOf(res.body.token);
    expect(claims.sub).toBe(attendee.personId);
    expect(claims.name).toBe('Ada Attendee');
    expect(claims.exp - claims.nbf).toBe(600);
    expect(Date.parse(res.body.expiresAt) / 1000).toBeCloseTo(claims.exp, -1);
    expect(claims.video).toMatchObject({ room: roomNameFor(session, 'stage'), roomJoin: true, canSubscribe: true, canPublish: false, canPublishData: false });
    expect(claims.attributes).toEqual({ role: 'attendee', stage: 'false' });
    const [room] = await rooms.listRooms([roomNameFor(session, 'stage')]);
    expect(room.maxParticipants).toBe(250);
    expect(room.emptyTimeout).toBeGreaterThan(0);
    expect(JSON.parse(room.metadata)).toMatchObject({ sessionId: session, kind: 'stage', title: 'Forum Arbeitsmarkt', conference: 'buko-2020' });
  });

  it('speakers publish camera, microphone and screen share; moderators are room admins; interpreters publish camera (sign language) or microphone (spoken channel), pinned', async () => {
    const speaker = await sessionPerson(app, session, 'speaker', 'Sam Speaker');
    const moderator = await sessionPerson(app, session, 'moderator', 'Mo Moderator');
    const interpreter = await sessionPerson(app, session, 'interpreter', 'Ina Interpreter');
    const s = claimsOf((await join(speaker.token)).body.token);
    expect(s.video).toMatchObject({ canPublish: true, canPublishSources: ['camera', 'microphone', 'screen_share', 'screen_share_audio'] });
    expect(s.video.roomAdmin).toBeFalsy();
    const m = claimsOf((await join(moderator.token)).body.token);
    expect(m.video).toMatchObject({ canPublish: true, roomAdmin: true });
    const i = (await join(interpreter.token)).body;
    expect(i.role).toBe('interpreter');
    expect(claimsOf(i.token).video.canPublishSources).toEqual(['camera', 'microphone']);
    expect(claimsOf(i.token).attributes).toMatchObject({ pinned: 'true', stage: 'true' });
  });

  it('an organiser who does not moderate is room admin but publishes only on stage', async () => {
    const organiser = await signIn(app, 'organiser', 'Olga Organiser', 'buko-2020');
    const res = await join(organiser.token);
    expect(res.body.role).toBe('organiser');
    expect(claimsOf(res.body.token).video).toMatchObject({ roomAdmin: true, canPublish: false });
  });

  it('validates the body and refuses unknown fields', async () => {
    expect((await join(attendee.token, { room: 'cellar' })).status).toBe(400);
    const unknown = await join(attendee.token, { room: 'stage', admin: true });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('VALIDATION');
  });

  it('keeps the backstage for speakers, moderators, interpreters and organisers', async () => {
    const refused = await join(attendee.token, { room: 'backstage' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/backstage/i);
    const speaker = await sessionPerson(app, session, 'speaker', 'Bea Backstage');
    const ok = await join(speaker.token, { room: 'backstage' });
    expect(ok.status).toBe(200);
    expect(ok.body.room).toBe(roomNameFor(session, 'backstage'));
    expect(claimsOf(ok.body.token).video.canPublish).toBe(true);
  });

  it('refuses ended and non-livestream sessions, sessions of other conferences and unknown sessions', async () => {
    const ended = await createSession(app, { status: 'ended' });
    const overByClock = await createSession(app, { startsInMinutes: -120, endsInMinutes: -30, status: 'live' });
    const noStream = await createSession(app, { livestream: false });
    const elsewhere = await createSession(app, { conference: 'buko-2019-ulm' });
    for (const [id, status, text] of [[ended, 409, /ended/], [overByClock, 409, /ended/], [noStream, 409, /no livestream/]] as const) {
      const res = await join(attendee.token, undefined, id);
      expect([res.status, res.body.error.message]).toEqual([status, expect.stringMatching(text)]);
    }
    expect((await join(attendee.token, undefined, elsewhere)).status).toBe(403);
    expect((await join(attendee.token, undefined, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await api(app.url, 'POST', `/api/sessions/${session}/join`)).status).toBe(401);
  });

  it('gives the production desk to moderators and organisers as a separate publishing identity', async () => {
    const organiser = await signIn(app, 'organiser', 'Pia Production', 'buko-2020');
    const desk = await api(app.url, 'POST', `/api/sessions/${session}/production-desk-token`, { token: organiser.token });
    expect(desk.status).toBe(200);
    expect(desk.body).toMatchObject({ role: 'production-desk', identity: `desk:${organiser.personId}` });
    expect(claimsOf(desk.body.token).video).toMatchObject({ canPublish: true, canPublishSources: ['camera', 'microphone'] });
    expect((await join(organiser.token, { as: 'production-desk' })).body.role).toBe('production-desk');
    expect((await join(attendee.token, { as: 'production-desk' })).status).toBe(403);
    expect((await api(app.url, 'POST', `/api/sessions/${session}/production-desk-token`, { token: attendee.token })).status).toBe(403);
  });

  it('a locked room refuses new attendees but lets moderators in', async () => {
    const locked = await createSession(app);
    const moderator = await sessionPerson(app, locked, 'moderator', 'Lars Lock');
    expect((await api(app.url, 'POST', `/api/sessions/${locked}/lock`, { token: attendee.token, body: { locked: true } })).status).toBe(403);
    expect((await api(app.url, 'GET', `/api/sessions/${locked}/lock`, { token: moderator.token })).body).toEqual({ locked: false });
    expect((await api(app.url, 'POST', `/api/sessions/${locked}/lock`, { token: moderator.token, body: { locked: true } })).body).toEqual({ locked: true });
    expect((await api(app.url, 'GET', `/api/sessions/${locked}/lock`, { token: moderator.token })).body).toEqual({ locked: true });
    expect((await api(app.url, 'GET', `/api/sessions/${locked}/lock`, { token: attendee.token })).status).toBe(403);
    const refused = await join(attendee.token, undefined, locked);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/locked/);
    expect((await join(moderator.token, undefined, locked)).status).toBe(200);
    await api(app.url, 'POST', `/api/sessions/${locked}/lock`, { token: moderator.token, body: { locked: false } });
    expect((await join(attendee.token, undefined, locked)).status).toBe(200);
  });

  it('a stage assignment is in the next token (refresh by joining again)', async () => {
    const moderator = await sessionPerson(app, session, 'moderator', 'Rita Refresh');
    const guest = await signIn(app, 'attendee', 'Gustav Guest', 'buko-2020');
    const stage = await api(app.url, 'POST', `/api/sessions/${session}/stage/${guest.personId}`, { token: moderator.token, body: { onStage: true } });
    expect(stage.status).toBe(200);
    expect(stage.body).toMatchObject({ onStage: true, connected: false, applied: true });
    const res = await join(guest.token);
    expect(res.body.onStage).toBe(true);
    expect(claimsOf(res.body.token).video).toMatchObject({ canPublish: true, canPublishSources: ['camera', 'microphone'] });
  });

  it('moderator endpoints are refused to attendees; attendance is for organisers', async () => {
    const other = await signIn(app, 'attendee', 'Otto Other', 'buko-2020');
    expect((await api(app.url, 'POST', `/api/sessions/${session}/stage/${other.personId}`, { token: attendee.token, body: { onStage: true } })).status).toBe(403);
    expect((await api(app.url, 'DELETE', `/api/sessions/${session}/participants/${other.personId}`, { token: attendee.token })).status).toBe(403);
    expect((await api(app.url, 'GET', `/api/sessions/${session}/bans`, { token: attendee.token })).status).toBe(403);
    expect((await api(app.url, 'DELETE', `/api/sessions/${session}/bans/${other.personId}`, { token: attendee.token })).status).toBe(403);
    expect((await api(app.url, 'GET', `/api/sessions/${session}/attendance`, { token: attendee.token })).status).toBe(403);
    const organiser = await signIn(app, 'organiser', 'Anna Attendance', 'buko-2020');
    const attendance = await api(app.url, 'GET', `/api/sessions/${session}/attendance`, { token: organiser.token });
    expect(attendance.status).toBe(200);
    expect(attendance.body).toMatchObject({ sessionId: session, live: 0, peak: 0, totalUnique: 0 });
    const foreign = await signIn(app, 'organiser', 'Fritz Foreign', 'buko-2018-kassel');
    expect((await api(app.url, 'GET', `/api/sessions/${session}/attendance`, { token: foreign.token })).status).toBe(403);
  });

  it('refuses webhooks without a valid signature (401)', async () => {
    const body = JSON.stringify({ id: 'EV_forged', event: 'participant_joined', room: { name: roomNameFor(session, 'stage'), sid: 'RM_x' } });
    const unsigned = await api(app.url, 'POST', '/livekit/webhook', { body, headers: { 'content-type': 'application/webhook+json' } });
    expect(unsigned.status).toBe(401);
    const forged = await api(app.url, 'POST', '/livekit/webhook', { body, headers: { 'content-type': 'application/webhook+json', authorization: 'eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl' } });
    expect(forged.status).toBe(401);
  });
});

describe('livestream without media', () => {
  let app: TestApp;
  afterEach(() => app?.stop());

  it('answers 503 saying media is unavailable and why, while the programme keeps working', async () => {
    app = await startTestApp('ls-nomedia', { livekit: false });
    const session = await createSession(app);
    const attendee = await signIn(app, 'attendee', 'Nora Nomedia', 'buko-2020');
    const res = await api(app.url, 'POST', `/api/sessions/${session}/join`, { token: attendee.token });
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/media is unavailable.*without media/i) });
    expect((await api(app.url, 'GET', '/api/conferences')).status).toBe(200);
  });

  it('LiveKit down: join 503 within the timeout, health 503, the rest still answers', async () => {
    app = await startTestApp('ls-down', { livekit: false });
    (app.podium.runtime as { livekit: unknown }).livekit = { status: 'external', url: 'ws://127.0.0.1:9', apiKey: 'k', apiSecret: 's'.repeat(32) };
    const session = await createSession(app);
    const attendee = await signIn(app, 'attendee', 'Dora Down', 'buko-2020');
    const started = Date.now();
    const res = await api(app.url, 'POST', `/api/sessions/${session}/join`, { token: attendee.token });
    expect(res.status).toBe(503);
    expect(res.body.error.message).toMatch(/media server is not answering/);
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await api(app.url, 'GET', '/health')).status).toBe(503);
    const moderator = await sessionPerson(app, session, 'moderator', 'Mia Down');
    const stage = await api(app.url, 'POST', `/api/sessions/${session}/stage/${attendee.personId}`, { token: moderator.token, body: { onStage: true } });
    expect(stage.body).toMatchObject({ onStage: true, applied: false });
    expect((await api(app.url, 'GET', '/api/conferences/buko-2020')).status).toBe(200);
  });
});
