// Rule 8 / issue 11: a hall of 300 behind one venue address gets in as guests within a minute at the
// default limits, while guessing sign-in links stays tightly limited per address (and TRUST_PROXY decides
// which address that is).
import { api, startTestApp, type TestApp } from '../support/app';

/** Sends the requests in waves of `parallel`, like a hall scanning the same QR code. */
async function burst(count: number, parallel: number, send: (i: number) => Promise<number>): Promise<number[]> {
  const statuses: number[] = [];
  for (let start = 0; start < count; start += parallel) {
    const wave = Array.from({ length: Math.min(parallel, count - start) }, (_, k) => send(start + k));
    statuses.push(...(await Promise.all(wave)));
  }
  return statuses;
}

const guest = (app: TestApp, slug: string, name: string) => api(app.url, 'POST', `/api/conferences/${slug}/guests`, { body: { displayName: name } });
const wrongLink = (app: TestApp, headers: Record<string, string> = {}) => api(app.url, 'POST', '/api/auth/redeem', { body: { token: 'g'.repeat(43) }, headers });

describe('hall burst and link guessing at the default limits', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('hall-burst', { livekit: false });
  });
  afterAll(() => app?.stop());

  it('lets 300 guests from one address into probebuehne, refuses past the budget of 400 with 429, other conferences unaffected', async () => {
    const hall = await burst(300, 25, async (i) => (await guest(app, 'probebuehne', `Saalgast ${i + 1}`)).status);
    expect(hall.filter((s) => s !== 201)).toEqual([]);
    // Late arrivals and reloads still fit in the per-conference budget (400 per address and minute) ...
    const late = await burst(100, 25, async (i) => (await guest(app, 'probebuehne', `Nachzügler ${i + 1}`)).status);
    expect(late.filter((s) => s !== 201)).toEqual([]);
    // ... and the 401st and later are refused, saying which limit and when to retry.
    for (let i = 0; i < 3; i++) {
      const over = await guest(app, 'probebuehne', `Zu viel ${i + 1}`);
      expect(over.status).toBe(429);
      expect(over.body.error).toMatchObject({ code: 'RATE_LIMITED', details: { limit: 'guest' } });
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // The budget belongs to this conference: the same address may still sign in elsewhere.
    expect((await guest(app, 'buko-2020', 'Gast woanders')).status).toBe(201);
  });

  it('allows 30 link attempts per address and minute, then 429 on both the API and the browser link', async () => {
    const attempts = await burst(30, 10, async () => (await wrongLink(app)).status);
    expect(attempts.filter((s) => s !== 401)).toEqual([]);
    const limited = await wrongLink(app);
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatchObject({ code: 'RATE_LIMITED', details: { limit: 'redeem' } });
    const browser = await fetch(`${app.url}/signin/${'h'.repeat(43)}`, { headers: { accept: 'text/html' } });
    expect(browser.status).toBe(429);
    // Without TRUST_PROXY a forged X-Forwarded-For changes nothing: the peer's address is counted.
    expect((await wrongLink(app, { 'x-forwarded-for': '203.0.113.99' })).status).toBe(429);
  });
});

describe('TRUST_PROXY=1: the address named by the proxy is the one counted', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('trust-proxy', { livekit: false, env: { TRUST_PROXY: '1' } });
  });
  afterAll(() => app?.stop());

  it('limits each forwarded client on its own', async () => {
    const first = { 'x-forwarded-for': '198.51.100.1, 203.0.113.7' };
    const attempts = await burst(30, 10, async () => (await wrongLink(app, first)).status);
    expect(attempts.filter((s) => s !== 401)).toEqual([]);
    expect((await wrongLink(app, first)).status).toBe(429);
    // One hop trusted: the proxy's right-most entry is the client, not the forgeable left one.
    expect((await wrongLink(app, { 'x-forwarded-for': '198.51.100.2, 203.0.113.7' })).status).toBe(429);
    expect((await wrongLink(app, { 'x-forwarded-for': '203.0.113.8' })).status).toBe(401);
  });
});
