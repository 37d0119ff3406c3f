// Joins and seat requests are budgeted per person (RATE_LIMIT_POLICIES); floods get 429 / RATE_LIMITED, not the database.
import { connect, send } from '../fishbowl/support';
import { api, startTestApp, type TestApp } from '../support/app';
import { signIn } from '../support/people';
import { RATE_LIMIT_POLICIES } from '../../apps/api/src/common/rate-limit/policies';
import { httpRoutes } from './support/routes';
import { createWorld, type World } from './support/world';

type Ack = { ok?: true; error?: { code: string; message: string; details?: { retryAfterSeconds?: number; limit?: string } } };

describe('rate limits on joins and seat requests', () => {
  let app: TestApp;
  let world: World;
  beforeAll(async () => {
    app = await startTestApp('sec-rate', { livekit: false });
    world = await createWorld(app);
  });
  afterAll(() => app?.stop());

  it('the token routes declare the join policy and sign-in routes the redeem and guest policies', () => {
    const limits = Object.fromEntries(httpRoutes(app).map((r) => [`${r.method} ${r.path}`, r.rateLimit]));
    expect(limits['POST /api/sessions/:id/join']).toBe('join');
    expect(limits['POST /api/sessions/:id/production-desk-token']).toBe('join');
    expect(limits['POST /api/auth/redeem']).toBe('redeem');
    expect(limits['GET /signin/:token']).toBe('redeem');
    expect(limits['POST /api/conferences/:slug/guests']).toBe('guestAnyConference');
    // Networking call tokens and taking part in rounds: the same budget as any other room token.
    expect(limits['POST /api/conferences/:slug/contact-requests/:id/call']).toBe('join');
    expect(limits['POST /api/conferences/:slug/speed-networking/:id/call']).toBe('join');
    expect(limits['POST /api/conferences/:slug/speed-networking/:id/join']).toBe('join');
  });

  it('answers the join after the per-person budget with 429, RATE_LIMITED and Retry-After', async () => {
    const person = await signIn(app, 'attendee', 'Joinflut', world.slug);
    const budget = RATE_LIMIT_POLICIES.join.perPerson;
    const statuses: number[] = [];
    // Without media each allowed join is a 503: the budget is spent before the media check, as for a flood.
    for (let i = 0; i < budget; i++) statuses.push((await api(app.url, 'POST', `/api/sessions/${world.sessionId}/join`, { token: person.token })).status);
    expect(statuses.every((s) => s === 503)).toBe(true);
    const limited = await api(app.url, 'POST', `/api/sessions/${world.sessionId}/join`, { token: person.token });
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatchObject({ code: 'RATE_LIMITED', details: { limit: 'join' } });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Someone else is not affected by this person's flood.
    expect((await api(app.url, 'POST', `/api/sessions/${world.sessionId}/join`, { token: world.tokens.attendee })).status).toBe(503);
  });

  it('answers seat requests after the per-person budget with a RATE_LIMITED ack, across reconnects', async () => {
    const person = await signIn(app, 'attendee', 'Sitzflut', world.slug);
    const budget = RATE_LIMIT_POLICIES.seat.perPerson;
    const acks: Ack[] = [];
    for (let i = 0; i < budget; i++) {
      // A fresh socket per request: the budget belongs to the person, not to the connection.
      const socket = await connect(app.url, person.token, { reconnection: false });
      acks.push(await send<Ack>(socket, 'fishbowl:ask', { sessionId: world.sessionId, where: 'remote' }));
      socket.disconnect();
    }
    expect(acks.filter((a) => a.error?.code === 'RATE_LIMITED')).toEqual([]);
    const socket = await connect(app.url, person.token, { reconnection: false });
    const limited = await send<Ack>(socket, 'fishbowl:ask', { sessionId: world.sessionId, where: 'remote' });
    socket.disconnect();
    expect(limited.error).toMatchObject({ code: 'RATE_LIMITED', details: { limit: 'seat' } });
    expect(limited.error!.details!.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('a flood on one socket is cut off by its per-socket budget with RATE_LIMITED acks, and the server keeps serving', async () => {
    const socket = await connect(app.url, world.tokens.moderator!, { reconnection: false });
    const acks = await Promise.all(Array.from({ length: 120 }, () => send<Ack>(socket, 'fishbowl:part', { sessionId: world.sessionId })));
    socket.disconnect();
    expect(acks.some((a) => a.error?.code === 'RATE_LIMITED')).toBe(true);
    expect(acks.every((a) => a.ok || a.error?.code === 'RATE_LIMITED')).toBe(true);
    expect((await api(app.url, 'GET', '/health')).status).toBe(200);
  });

  it('counts every HTTP write of a signed-in person against the write budget (600 per minute)', async () => {
    const person = await signIn(app, 'attendee', 'Schreibflut', world.slug);
    const path = `/api/sessions/${world.sessionId}/bookmark`;
    const statuses: number[] = [];
    // 600 bookmark writes, 20 at a time: all allowed; the next one is over the budget.
    for (let i = 0; i < 600; i += 20) {
      statuses.push(...(await Promise.all(Array.from({ length: 20 }, () => api(app.url, 'PUT', path, { token: person.token })))).map((r) => r.status));
    }
    expect(statuses.filter((s) => s >= 300)).toEqual([]);
    const limited = await api(app.url, 'PUT', path, { token: person.token });
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatchObject({ code: 'RATE_LIMITED', details: { limit: 'write' } });
    // Reads are not writes, and somebody else still writes.
    expect((await api(app.url, 'GET', '/api/auth/me', { token: person.token })).status).toBe(200);
    expect((await api(app.url, 'PUT', path, { token: world.tokens.attendee })).status).toBeLessThan(300);
  });
});
