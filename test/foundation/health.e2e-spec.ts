import { api, startTestApp, type TestApp } from '../support/app';
import { TEST_REDIS_URL } from '../support/services';

describe('GET /health against real LiveKit and Redis', () => {
  let app: TestApp;
  afterEach(async () => {
    await app?.stop();
  });

  it('is 200 with the database, the real LiveKit server and Redis up', async () => {
    app = await startTestApp('health', { env: { REDIS_URL: TEST_REDIS_URL } });
    const res = await api(app.url, 'GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: { status: 'up' }, livekit: { status: 'up', mode: 'external' }, redis: { status: 'up' }, media: 'available' });
  });

  it('is 503 and names LiveKit when the configured LiveKit server does not answer', async () => {
    app = await startTestApp('health-down', { livekit: false, env: {} });
    // Point the running app at a port nobody listens on: the same as LiveKit going away.
    (app.podium.runtime as { livekit: unknown }).livekit = { status: 'external', url: 'ws://127.0.0.1:9', apiKey: 'k', apiSecret: 's'.repeat(32) };
    const res = await api(app.url, 'GET', '/health');
    expect(res.status).toBe(503);
    expect(res.body.livekit.status).toBe('down');
    expect(res.body.database.status).toBe('up');
  });
});
