// Security headers on every kind of answer, and CORS (HTTP and Socket.IO) granted only to CORS_ORIGINS.
import { startTestApp, type TestApp } from '../support/app';
import { IdentityService } from '../../apps/api/src/identity/identity.service';

const ALLOWED = 'https://buko.example.org';
const FOREIGN = 'https://evil.example';

describe('security headers and CORS limited to the configured origins', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('sec-cors', { livekit: false, env: { CORS_ORIGINS: `${ALLOWED},https://second.example.org`, API_DOCS: 'true' } });
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

  it('allows scripts from the origin only (no inline scripts) and does not upgrade requests on a plain-http public URL', async () => {
    for (const path of ['/', '/api/conferences', '/api/docs', `/signin/${'a'.repeat(43)}`]) {
      const csp = (await fetch(app.url + path)).headers.get('content-security-policy') ?? '';
      expect([path, csp.match(/script-src [^;]*/)?.[0]]).toEqual([path, "script-src 'self'"]);
      expect([path, csp.includes('upgrade-insecure-requests')]).toEqual([path, false]);
    }
  });

  it('the sign-in page carries the session in a JSON data block and loads its script as a file', async () => {
    const invitation = await app.podium.app.get(IdentityService).invite({ displayName: 'Kim </script><script>alert(1)</script>', role: 'attendee', conferenceId: null });
    const page = await (await fetch(invitation.link.replace(/^https?:\/\/[^/]+/, app.url), { headers: { accept: 'text/html' } })).text();
    const scripts = [...page.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => ({ attributes: m[1], body: m[2] }));
    expect(scripts.map((s) => s.attributes)).toEqual([' type="application/json" id="podium-signin"', ' src="/api/auth/signin.js"']);
    const stored = JSON.parse(scripts[0].body);
    expect(stored).toEqual({ token: expect.any(String), displayName: 'Kim </script><script>alert(1)</script>' });
    const script = await fetch(`${app.url}/api/auth/signin.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await script.text()).toContain("localStorage.setItem('podium.session'");
  });
});

describe('security headers behind an https public URL', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('sec-csp-https', { livekit: false, env: { PUBLIC_URL: 'https://podium.example.org' } });
  });
  afterAll(() => app?.stop());

  it('asks browsers to upgrade insecure requests', async () => {
    const csp = (await fetch(`${app.url}/`)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain('upgrade-insecure-requests');
    expect(csp).toContain("script-src 'self';");
  });
});
