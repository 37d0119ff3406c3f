import { JwtService } from '@nestjs/jwt';
import { api, startTestApp, type TestApp } from '../support/app';
import { signIn } from '../support/people';

describe('identity: invitation sign-in, guests, tokens and role checks (real PostgreSQL)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('identity', { livekit: false });
  });
  afterAll(() => app.stop());

  it('an organiser of a conference invites a moderator, whose link signs them in with that role', async () => {
    const organiser = await signIn(app, 'organiser', 'Orga Nisatorin', 'buko-2020');
    const invited = await api(app.url, 'POST', '/api/conferences/buko-2020/invitations', {
      token: organiser.token,
      body: { displayName: 'Mo Derator', role: 'moderator', email: 'mo@example.org' },
    });
    expect(invited.status).toBe(201);
    const secret = invited.body.link.split('/signin/')[1];
    const session = await api(app.url, 'POST', '/api/auth/redeem', { body: { token: secret } });
    expect(session.status).toBe(200);
    const me = await api(app.url, 'GET', '/api/auth/me', { token: session.body.token });
    expect(me.body.roles).toEqual([{ conference: 'buko-2020', role: 'moderator' }]);
  });

  it('refuses an attendee who tries to invite (403) and an anonymous caller (401)', async () => {
    const attendee = await signIn(app, 'attendee', 'Ann Attendee', 'buko-2020');
    const forbidden = await api(app.url, 'POST', '/api/conferences/buko-2020/invitations', {
      token: attendee.token,
      body: { displayName: 'X', role: 'organiser' },
    });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('FORBIDDEN');
    const anonymous = await api(app.url, 'POST', '/api/conferences/buko-2020/invitations', { body: { displayName: 'X', role: 'organiser' } });
    expect(anonymous.status).toBe(401);
  });

  it("an organiser of one conference has no power over another", async () => {
    const organiser = await signIn(app, 'organiser', 'Orga 2018', 'buko-2018-kassel');
    const res = await api(app.url, 'POST', '/api/conferences/buko-2020/invitations', { token: organiser.token, body: { displayName: 'X', role: 'attendee' } });
    expect(res.status).toBe(403);
  });

  it('a withdrawn invitation ends the sessions made from it', async () => {
    const organiser = await signIn(app, 'organiser', 'Orga Zwei', 'buko-2020');
    const invited = await api(app.url, 'POST', '/api/conferences/buko-2020/invitations', { token: organiser.token, body: { displayName: 'Sp Eaker', role: 'speaker' } });
    const session = await api(app.url, 'POST', '/api/auth/redeem', { body: { token: invited.body.link.split('/signin/')[1] } });
    expect((await api(app.url, 'GET', '/api/auth/me', { token: session.body.token })).status).toBe(200);
    const revoked = await api(app.url, 'DELETE', `/api/conferences/buko-2020/invitations/${invited.body.invitationId}`, { token: organiser.token });
    expect(revoked.status).toBe(204);
    expect((await api(app.url, 'GET', '/api/auth/me', { token: session.body.token })).status).toBe(401);
    expect((await api(app.url, 'POST', '/api/auth/redeem', { body: { token: invited.body.link.split('/signin/')[1] } })).status).toBe(401);
  });

  it('refuses tokens with a wrong signature, expired tokens and malformed links', async () => {
    const wrong = await new JwtService({ secret: 'another-secret-another-secret-another-secret' }).signAsync({ sub: '00000000-0000-0000-0000-000000000000', typ: 'session' }, { issuer: 'podium' });
    expect((await api(app.url, 'GET', '/api/auth/me', { token: wrong })).status).toBe(401);
    const person = await signIn(app, 'attendee', 'Zeit Ablauf', 'buko-2020');
    const expired = await new JwtService({ secret: app.podium.runtime.jwtSecret }).signAsync(
      { sub: person.personId, typ: 'session' },
      { issuer: 'podium', expiresIn: -10 },
    );
    const res = await api(app.url, 'GET', '/api/auth/me', { token: expired });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/expired/);
    expect((await api(app.url, 'POST', '/api/auth/redeem', { body: { token: 'short' } })).status).toBe(400);
    expect((await api(app.url, 'POST', '/api/auth/redeem', { body: { token: 'a'.repeat(43) } })).status).toBe(401);
  });

  it('admits guests only where the conference allows it, and validates their names', async () => {
    const guest = await api(app.url, 'POST', '/api/conferences/buko-2020/guests', { body: { displayName: 'Gast aus Halle' } });
    expect(guest.status).toBe(201);
    const me = await api(app.url, 'GET', '/api/auth/me', { token: guest.body.token });
    expect(me.body.person.guest).toBe(true);
    expect((await api(app.url, 'POST', '/api/conferences/buko-2019-ulm/guests', { body: { displayName: 'Gast' } })).status).toBe(403);
    const bad = await api(app.url, 'POST', '/api/conferences/buko-2020/guests', { body: { displayName: '', extra: 1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/displayName/);
    expect(bad.body.error.message).toMatch(/extra/);
  });

  it('answers malformed JSON with 400 and oversized bodies with 413, and keeps serving', async () => {
    const junk = await api(app.url, 'POST', '/api/auth/redeem', { body: '{"token": ', headers: { 'content-type': 'application/json' } });
    expect(junk.status).toBe(400);
    const huge = await api(app.url, 'POST', '/api/auth/redeem', { body: JSON.stringify({ token: 'x'.repeat(10 * 1024 * 1024) }) });
    expect(huge.status).toBe(413);
    expect((await api(app.url, 'GET', '/health')).status).toBe(200);
  });
});

describe('rate limits and security headers', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('ratelimit', { livekit: false });
  });
  afterAll(() => app.stop());

  it('answers a sign-in flood from one address with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) {
      statuses.push((await api(app.url, 'POST', '/api/auth/redeem', { body: { token: 'b'.repeat(43) } })).status);
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    const limited = await api(app.url, 'POST', '/api/auth/redeem', { body: { token: 'b'.repeat(43) } });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('sends security headers and no CORS grant to foreign origins', async () => {
    const res = await fetch(`${app.url}/api/conferences`, { headers: { origin: 'https://evil.example' } });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});
