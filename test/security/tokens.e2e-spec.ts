// Session tokens on the socket handshake, LiveKit grants per role, and removal that sticks.
import { JwtService } from '@nestjs/jwt';
import { sessionRoleOf } from '@podium/identity';
import { defaultOnStage, livestreamRoleOf, stagePermission, toVideoGrant } from '@podium/livestream';
import { connect, send } from '../fishbowl/support';
import { claimsOf } from '../livestream/fixtures';
import { api, startTestApp, type TestApp } from '../support/app';
import { signIn } from '../support/people';
import { createWorld, PERSONAS, roleSetFor, type World } from './support/world';

const ATTEND = { kind: 'action', action: 'session.attend', scope: { sessionIdParam: 'id' } } as const;

describe('tokens', () => {
  let app: TestApp;
  let world: World;
  beforeAll(async () => {
    app = await startTestApp('sec-tokens', { env: { RATE_LIMIT_FACTOR: '0' } });
    world = await createWorld(app);
  });
  afterAll(() => app?.stop());

  const sign = (secret: string, claims: object, expiresIn?: number) =>
    new JwtService({ secret }).signAsync({ typ: 'session', ...claims }, { issuer: 'podium', ...(expiresIn === undefined ? {} : { expiresIn }) });

  it('the socket handshake refuses expired tokens, wrong signatures, other token types and garbage', async () => {
    const sub = world.personIds.attendee;
    const cases = {
      expired: await sign(app.podium.runtime.jwtSecret, { sub }, -10),
      foreign: await sign('another-secret-another-secret-another-secret', { sub }),
      wrongType: await new JwtService({ secret: app.podium.runtime.jwtSecret }).signAsync({ sub, typ: 'refresh' }, { issuer: 'podium' }),
      none: `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub, typ: 'session' })).toString('base64url')}.`,
      garbage: 'x'.repeat(5000),
    };
    for (const token of Object.values(cases)) {
      await expect(connect(app.url, token, { reconnection: false })).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
    }
    await expect(connect(app.url, cases.expired, { reconnection: false })).rejects.toMatchObject({ data: { message: expect.stringMatching(/expired/) } });
  });

  it('a withdrawn invitation keeps its session token out of the socket handshake', async () => {
    const invited = await api(app.url, 'POST', `/api/conferences/${world.slug}/invitations`, { token: world.tokens.organiser, body: { displayName: 'Wider Rufen', role: 'attendee' } });
    const session = await api(app.url, 'POST', '/api/auth/redeem', { body: { token: invited.body.link.split('/signin/')[1] } });
    (await connect(app.url, session.body.token, { reconnection: false })).disconnect();
    expect((await api(app.url, 'DELETE', `/api/conferences/${world.slug}/invitations/${invited.body.invitationId}`, { token: world.tokens.organiser })).status).toBe(204);
    await expect(connect(app.url, session.body.token, { reconnection: false })).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
  });

  it('LiveKit tokens carry exactly the grant stagePermission gives the role, never more', async () => {
    for (const persona of PERSONAS) {
      const res = await api(app.url, 'POST', `/api/sessions/${world.sessionId}/join`, { token: world.tokens[persona] });
      if (persona === 'anonymous') {
        expect(res.status).toBe(401);
        continue;
      }
      const roles = roleSetFor(persona, ATTEND);
      if (persona === 'other') {
        expect(res.status).toBe(403);
        continue;
      }
      expect([persona, res.status]).toEqual([persona, 200]);
      const role = livestreamRoleOf(sessionRoleOf(roles), !roles.session.has('moderator') && !roles.conference.has('moderator'));
      const grant = claimsOf(res.body.token).video;
      const permission = stagePermission(role, defaultOnStage(role));
      // The SDK writes sources by name into the JWT.
      expect([persona, grant]).toEqual([persona, { ...toVideoGrant(permission, res.body.room), canPublishSources: permission.canPublishSources }]);
      expect(res.body.role).toBe(role);
    }
  });

  it('the LiveKit token is signed with the API key, not the session secret, and lives 10 minutes', async () => {
    const res = await api(app.url, 'POST', `/api/sessions/${world.sessionId}/join`, { token: world.tokens.attendee });
    const claims = claimsOf(res.body.token);
    expect(claims.iss).toBe(process.env.PODIUM_TEST_LIVEKIT_API_KEY);
    expect(claims.exp - claims.nbf).toBeLessThanOrEqual(600);
    await expect(new JwtService({ secret: app.podium.runtime.jwtSecret }).verifyAsync(res.body.token)).rejects.toThrow();
  });

  it('a removed participant cannot come back, neither to the stage nor the backstage', async () => {
    const removed = await signIn(app, 'attendee', 'Raus Geworfen', world.slug);
    await app.podium.dataSource.query(`INSERT INTO session_person (session_id, person_id, role) VALUES ($1, $2, 'speaker')`, [world.sessionId, removed.personId]);
    expect((await api(app.url, 'POST', `/api/sessions/${world.sessionId}/join`, { token: removed.token })).status).toBe(200);
    const out = await api(app.url, 'DELETE', `/api/sessions/${world.sessionId}/participants/${removed.personId}`, { token: world.tokens.moderator });
    expect(out.status).toBe(200);
    for (const room of ['stage', 'backstage']) {
      const again = await api(app.url, 'POST', `/api/sessions/${world.sessionId}/join`, { token: removed.token, body: { room } });
      expect([room, again.status, again.body.error?.details?.reason]).toEqual([room, 403, 'removed']);
    }
  });

  it('an open socket whose invitation is withdrawn is refused (and closed) once its handshake check is 5 s old', async () => {
    const invited = await api(app.url, 'POST', `/api/conferences/${world.slug}/invitations`, { token: world.tokens.organiser, body: { displayName: 'Offen Socket', role: 'attendee' } });
    const session = await api(app.url, 'POST', '/api/auth/redeem', { body: { token: invited.body.link.split('/signin/')[1] } });
    const socket = await connect(app.url, session.body.token, { reconnection: false });
    try {
      expect((await send<{ ok?: boolean }>(socket, 'fishbowl:join', { sessionId: world.sessionId })).ok).toBe(true);
      await api(app.url, 'DELETE', `/api/conferences/${world.slug}/invitations/${invited.body.invitationId}`, { token: world.tokens.organiser });
      await new Promise((r) => setTimeout(r, 5200)); // RECHECK_MS in the gateway
      const closed = new Promise((resolve) => socket.once('disconnect', resolve));
      const ack = await send<{ ok?: boolean; error?: { code: string } }>(socket, 'fishbowl:ask', { sessionId: world.sessionId, where: 'remote' });
      expect(ack.error?.code).toBe('UNAUTHENTICATED');
      expect(await closed).toBe('io server disconnect');
    } finally {
      socket.disconnect();
    }
  });
});
