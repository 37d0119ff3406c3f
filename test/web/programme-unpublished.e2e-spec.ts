/**
 * Real Chromium against the real api (no media): an anonymous visitor has a published programme open when an
 * organiser unpublishes it; the page says it is no longer public (the server's programme:unavailable) without
 * a reload. Axe-clean with the notice shown.
 */
import { api, startTestApp, type TestApp } from '../support/app';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { signIn } from '../support/people';
import { axeSerious, prepareContext, settle } from './helpers';

const SLUG = 'buko-2020';

describe('web: an open public programme page learns that the conference was unpublished (Chromium)', () => {
  let app: TestApp;
  let browser: TestBrowser;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startTestApp('web-programme-unpublished', { livekit: false });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('shows the notice once the organiser unpublishes', async () => {
    const organiser = await signIn(app, 'organiser', 'Olga Organisatorin', SLUG);
    const { context, page } = await browser.newPage({ width: 1280, height: 900 });
    try {
      await prepareContext(context, { lang: 'de' });
      await page.goto(`${app.url}/c/${SLUG}`);
      await settle(page);
      await page.locator('.programme-link[data-status="connected"]').waitFor({ state: 'attached', timeout: 15_000 });
      expect(await page.getByText('Dieses Programm ist nicht (mehr) öffentlich zugänglich', { exact: false }).count()).toBe(0);

      const res = await api(app.url, 'PATCH', `/api/conferences/${SLUG}`, { token: organiser.token, body: { published: false } });
      expect(res.status).toBe(200);

      await page.locator('.programme-link[data-status="refused"]').waitFor({ state: 'attached', timeout: 15_000 });
      await page.getByRole('status').getByText('Dieses Programm ist nicht (mehr) öffentlich zugänglich und wird nicht mehr live aktualisiert.').waitFor({ timeout: 5_000 });
      expect(await axeSerious(page, 'programme-unpublished-de')).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
