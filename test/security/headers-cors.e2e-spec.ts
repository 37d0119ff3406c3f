// Security headers on every kind of answer, and CORS (HTTP and Socket.IO) granted only to CORS_ORIGINS.
import { startTestApp, type TestApp } from '../support/app';

const ALLOWED = 'https://buko.example.org';
const FOREIGN = 'https://evil.example';

describe('security headers and CORS limited to the configured origins', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('sec-cors', { livekit: false, env: { CORS_ORIGINS: `${ALLOWED},https://second.example.org` } });
  });
  afterAll(() => app?.stop());

  it('grants the configured origin on simple requests and preflights, and nobody else', async () => {
    const ok = await fetch(`${app.url}/api/conferences`, { headers: { origin: ALLOWED } });
    expect(ok.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(ok.headers.get('access-control-allow-credentials')).toBeNull();
    const foreign = await fetch(`${app.url}/api/conferences`, { headers: { origin: FOREIGN } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = (origin: string) =>
      fetch(`${app.url}/api/auth/me`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
    expect((await preflight(ALLOWED)).headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect((await preflight(FOREIGN)).headers.get('access-control-allow-origin')).toBeNull();
    // A look-alike (suffix/prefix of an allowed origin) is foreign too.
    for (const origin of [`${ALLOWED}.evil.example`, 'http://buko.example.org', 'null']) {
      expect((await fetch(`${app.url}/api/conferences`, { headers: { origin } })).headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('the Socket.IO handshake follows the same origins', async () => {
    const poll = (origin: string) => fetch(`${app.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin } });
    expect((await poll(ALLOWED)).headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect((await poll(FOREIGN)).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sends the security headers on API answers, errors, the web client and the docs', async () => {
    for (const path of ['/api/conferences', '/api/auth/me', '/health', '/', '/api/docs/openapi.json', '/no/such/page']) {
      const res = await fetch(app.url + path);
      const h = (name: string) => res.headers.get(name);
      expect([path, h('x-content-type-options')]).toEqual([path, 'nosniff']);
      expect([path, h('x-frame-options')]).toEqual([path, 'SAMEORIGIN']);
      expect([path, h('strict-transport-security')]).toEqual([path, expect.stringContaining('max-age=')]);
      expect([path, h('referrer-policy')]).toEqual([path, 'no-referrer']);
      expect([path, h('content-security-policy')]).toEqual([path, expect.stringMatching(/default-src 'self'.*frame-ancestors 'self'.*object-src 'none'/)]);
      expect([path, h('x-powered-by')]).toEqual([path, null]);
    }
  });

  it('keeps sign-in links out of caches and referrers', async () => {
    const res = await fetch(`${app.url}/signin/${'a'.repeat(43)}`);
    expect(res.status).toBe(401);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });
});
