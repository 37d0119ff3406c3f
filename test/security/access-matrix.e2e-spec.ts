// Every HTTP route of the running app, called by every role; the answer must match the route's own @Access rule.
import { startTestApp, type TestApp } from '../support/app';
import { testLiveKit } from '../support/services';
import { expected, fillPath, orderChecks, requestCredentials, type Expectation } from './support/matrix';
import { httpRoutes, type HttpRoute } from './support/routes';
import { createWorld, PERSONAS, type Persona, type World } from './support/world';

const FOUNDATION = ['GET /health', 'POST /api/auth/redeem', 'GET /api/auth/me', 'GET /signin/:token', 'POST /api/conferences/:slug/guests', 'POST /api/conferences/:slug/invitations', 'DELETE /api/conferences/:slug/invitations/:id', 'GET /api/conferences'];

describe('authorisation matrix: every route x every role, expectations from the declarations', () => {
  let app: TestApp;
  let world: World;
  let routes: HttpRoute[];
  const texts: string[] = [];

  beforeAll(async () => {
    // Rate limits are tested on their own; here they would only turn answers into 429.
    app = await startTestApp('sec-matrix', { env: { RATE_LIMIT_FACTOR: '0' } });
    world = await createWorld(app);
    routes = httpRoutes(app);
  });
  afterAll(() => app?.stop());

  it('reads a non-empty route list from the app, with the foundation routes, and no route without a rule', () => {
    const names = routes.map((r) => `${r.method} ${r.path}`);
    expect(routes.length).toBeGreaterThan(FOUNDATION.length);
    expect(names).toEqual(expect.arrayContaining(FOUNDATION));
    expect(routes.filter((r) => !r.rule).map((r) => r.handler)).toEqual([]);
  });

  it('answers each role as the rule says: 401 anonymous, 403 not allowed, anything else when allowed', async () => {
    const lk = testLiveKit();
    const checks = orderChecks(routes.flatMap((route) => PERSONAS.map((persona) => ({ route, persona, expectation: expected(route, persona) }))));
    expect(checks.some((c) => c.expectation === 'forbidden')).toBe(true);
    const wrong: string[] = [];
    let n = 0;
    for (const { route, persona, expectation } of checks) {
      const { body, headers } = await requestCredentials(route, lk, n++);
      const token = world.tokens[persona];
      const res = await fetch(app.url + fillPath(route, world), {
        method: route.method,
        headers: { 'content-type': 'application/json', accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
        body: route.method === 'GET' || route.method === 'HEAD' ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      texts.push(text);
      if (!matches(expectation, res.status)) wrong.push(`${persona} ${route.method} ${route.path}: expected ${expectation}, got ${res.status} ${text.slice(0, 160)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('never sends the LiveKit API secret or the JWT secret to a client (matrix answers, OpenAPI, health)', async () => {
    expect(texts.length).toBeGreaterThan(0);
    for (const path of ['/api/docs/openapi.json', '/health', '/api/docs']) texts.push(await (await fetch(app.url + path)).text());
    const secrets = [testLiveKit().apiSecret, app.podium.runtime.jwtSecret];
    const leaks = texts.filter((t) => secrets.some((s) => t.includes(s)));
    expect(leaks).toEqual([]);
  });
});

function matches(expectation: Expectation, status: number): boolean {
  if (expectation === 'unauthenticated') return status === 401;
  if (expectation === 'forbidden') return status === 403;
  return status !== 401 && status !== 403 && status < 500;
}
