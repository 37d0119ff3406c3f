/**
 * The built client as the api serves it (issue 16, "Quality"): text assets compressed (brotli when the
 * client accepts it, else gzip, else plain), the same bytes after decompression, hashed files cached
 * for a year as immutable, index.html revalidated; and what Chromium transfers on a first visit to the
 * programme page (written to test-artifacts/first-visit.json for docs/web.md), which never includes the
 * livekit chunk.
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { rawGet, startTestApp, type TestApp } from '../support/app';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { prepareContext, settle } from './helpers';

describe('web: compressed, cached static assets', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let script: string;
  let style: string;

  beforeAll(async () => {
    app = await startTestApp('web-static', { livekit: false });
    const index = (await rawGet(`${app.url}/`, null)).body.toString('utf8');
    script = /src="(\/assets\/index-[^"]+\.js)"/.exec(index)?.[1] ?? '';
    style = /href="(\/assets\/index-[^"]+\.css)"/.exec(index)?.[1] ?? '';
    if (!script || !style) throw new Error(`index.html names no hashed script or style: run "npm run build:web". ${index.slice(0, 300)}`);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it.each([
    ['br, gzip', 'br'],
    ['gzip, deflate', 'gzip'],
    ['gzip;q=1, br;q=0', 'gzip'],
    ['identity', undefined],
  ])('Accept-Encoding "%s": the script comes as %s and decompresses to the plain bytes', async (accept, encoding) => {
    const plain = await rawGet(app.url + script, null);
    const got = await rawGet(app.url + script, accept);
    expect([plain.status, got.status, plain.headers['content-encoding']]).toEqual([200, 200, undefined]);
    expect(got.headers['content-encoding']).toBe(encoding);
    expect(got.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(String(got.headers.vary)).toMatch(/Accept-Encoding/i);
    const body = encoding === 'br' ? brotliDecompressSync(got.body) : encoding === 'gzip' ? gunzipSync(got.body) : got.body;
    expect(body.equals(plain.body)).toBe(true);
    if (encoding) expect(got.body.length).toBeLessThan(plain.body.length / 2);
  });

  it('caches hashed files for a year as immutable and revalidates index.html', async () => {
    const css = await rawGet(app.url + style, 'gzip');
    expect([css.headers['content-encoding'], css.headers['content-type'], css.headers['cache-control']]).toEqual(['gzip', 'text/css; charset=utf-8', 'public, max-age=31536000, immutable']);
    expect((await rawGet(app.url + script, null)).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await rawGet(`${app.url}/`, 'gzip')).headers['cache-control']).toBe('no-cache');
    expect((await rawGet(`${app.url}/c/buko-2020`, 'gzip')).headers['cache-control']).toBe('no-cache');
  });

  it('never serves files outside the client folder, compressed or not', async () => {
    for (const path of ['/assets/..%2f..%2f..%2f..%2fpackage.json', '/..%2fpackage.json', '/assets/%2e%2e/%2e%2e/build.mjs']) {
      const res = await rawGet(app.url + path, 'br, gzip');
      expect({ path, encoding: res.headers['content-encoding'], leaked: res.body.toString('utf8').includes('"name": "podium"') }).toEqual({ path, encoding: undefined, leaked: false });
    }
  });

  it('records what a first visit to the programme page transfers in Chromium', async () => {
    browser = await launchBrowser();
    const { context, page } = await browser.newPage({ width: 1280, height: 900 });
    await prepareContext(context, { lang: 'de' });
    const rows: { url: string; type: string; encoding: string | null; bytes: number }[] = [];
    page.on('requestfinished', async (request) => {
      const response = await request.response();
      const sizes = await request.sizes();
      rows.push({ url: new URL(request.url()).pathname, type: request.resourceType(), encoding: (await response?.headerValue('content-encoding')) ?? null, bytes: sizes.responseBodySize });
    });
    await page.goto(`${app.url}/c/buko-2020`);
    await settle(page);
    await page.waitForTimeout(500); // let the last requestfinished handlers record their sizes
    const scripts = rows.filter((r) => r.type === 'script' || r.type === 'stylesheet');
    expect(scripts.length).toBeGreaterThan(0);
    // Chromium offers brotli only over https; on this plain-http test server it gets gzip.
    // Files under 1 KiB get no compressed twin (compress.mjs), e.g. the bundler's runtime chunk: they come plain.
    const plainSize = (url: string) => statSync(resolve(__dirname, '..', '..', 'apps', 'web', 'dist', `.${url}`)).size;
    for (const r of scripts) expect({ url: r.url, encoding: r.encoding }).toEqual({ url: r.url, encoding: plainSize(r.url) < 1024 ? null : 'gzip' });
    // livekit-client (~600 kB) belongs to the media pages only (issue 16): the build names its chunk "livekit-<hash>.js".
    const livekitChunks = readdirSync(resolve(__dirname, '..', '..', 'apps', 'web', 'dist', 'assets')).filter((f) => /^livekit-[\w-]+\.js$/.test(f));
    expect(livekitChunks).toHaveLength(1);
    expect(rows.filter((r) => r.url.includes('/assets/livekit-')).map((r) => r.url)).toEqual([]);
    const total = rows.reduce((sum, r) => sum + r.bytes, 0);
    const dir = resolve(__dirname, '..', '..', 'test-artifacts');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'first-visit.json'), JSON.stringify({ totalBodyBytes: total, requests: rows }, null, 2));
    console.log(`first visit to /c/buko-2020: ${rows.length} requests, ${total} body bytes`, rows);
    await context.close();
  }, 60_000);
});
