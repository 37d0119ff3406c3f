/**
 * The api's JSON answers compressed (issue 16, "Quality"): the programme goes out as brotli or gzip as
 * the client accepts it (brotli first), decompresses to the same JSON as the plain answer, and says
 * `Vary: Accept-Encoding`; small answers and non-JSON downloads stay plain. Raw HTTP, no decompression.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { rawGet, startTestApp, type TestApp } from '../support/app';

describe('api: compressed JSON answers', () => {
  let app: TestApp;
  const programme = () => `${app.url}/api/conferences/buko-2020/programme`;

  beforeAll(async () => {
    app = await startTestApp('api-compression', { livekit: false });
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('sends the programme as brotli, gzip or plain, all the same JSON', async () => {
    const plain = await rawGet(programme(), null);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const json = JSON.parse(plain.body.toString('utf8'));
    expect(json.conference.slug).toBe('buko-2020');

    const br = await rawGet(programme(), 'gzip, deflate, br');
    expect([br.status, br.headers['content-encoding'], br.headers['vary']]).toEqual([200, 'br', expect.stringMatching(/Accept-Encoding/i)]);
    expect(JSON.parse(brotliDecompressSync(br.body).toString('utf8'))).toEqual(json);
    expect(br.body.length * 3).toBeLessThan(plain.body.length); // JSON this repetitive shrinks well below a third

    const gz = await rawGet(programme(), 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.body).toString('utf8'))).toEqual(json);

    const refused = await rawGet(programme(), 'br;q=0, gzip;q=0, identity');
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(refused.body.toString('utf8'))).toEqual(json);
  });

  it('leaves answers under 1 KiB plain', async () => {
    // An api error answer (JSON, a few hundred bytes): not worth compressing.
    const refused = await rawGet(`${app.url}/api/conferences/no-such-conference/programme`, "br, gzip");
    expect(refused.status).toBe(404);
    expect(refused.headers['content-type']).toMatch(/json/);
    expect(refused.body.length).toBeLessThan(1024);
    expect(refused.headers['content-encoding']).toBeUndefined();
  });
});
