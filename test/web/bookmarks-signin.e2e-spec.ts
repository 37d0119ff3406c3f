/**
 * Bookmarks made before signing in reach the server after signing in (issue 16): a visitor marks a
 * session on the programme page, signs in, opens "Mein Programm", and the server's list (which the
 * personal calendar feed reads) holds it. Real Chromium against the real api and PostgreSQL.
 */
import { startTestApp, type TestApp } from '../support/app';
import { launchBrowser, screenshotPath, type TestBrowser } from '../support/browser';
import { signIn } from '../support/people';
import { axeSerious, prepareContext, settle } from './helpers';

const SLUG = 'buko-2020';
const WAIT = { timeout: 20_000 };

describe('web: bookmarks made before signing in (Chromium)', () => {
  let app: TestApp;
  let browser: TestBrowser;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startTestApp('web-bookmarks-signin', { livekit: false });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('sends the visitor\'s bookmarks to the server once they are signed in', async () => {
    const person = await signIn(app, 'attendee', 'Berta Bookmark', SLUG);
    const { context, page } = await browser.newPage({ width: 1280, height: 900 });
    await prepareContext(context, { lang: 'de' });
    await page.goto(`${app.url}/c/${SLUG}`);
    await settle(page);
    const first = page.locator('button.bookmark').first();
    await first.click();
    await page.locator('button.bookmark[aria-pressed="true"]').first().waitFor(WAIT);
    const marked: string[] = await page.evaluate((slug) => JSON.parse(localStorage.getItem(`podium.bookmarks.${slug}`) ?? '[]'), SLUG);
    expect(marked).toHaveLength(1);
    const before = await app.podium.dataSource.query('SELECT session_id FROM bookmark WHERE person_id = $1', [person.personId]);
    expect(before).toEqual([]);
    // Signing in, as the sign-in link does: the session lands in this browser's storage.
    await page.evaluate((token) => localStorage.setItem('podium.session', JSON.stringify({ token, displayName: 'Berta Bookmark' })), person.token);
    await page.goto(`${app.url}/c/${SLUG}/mein-programm`);
    await settle(page);
    await page.locator('button.bookmark[aria-pressed="true"]').first().waitFor(WAIT);
    const deadline = Date.now() + 10_000;
    let rows: { session_id: string }[] = [];
    while (Date.now() < deadline && rows.length === 0) {
      rows = await app.podium.dataSource.query('SELECT session_id FROM bookmark WHERE person_id = $1', [person.personId]);
      if (rows.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(rows.map((r) => r.session_id)).toEqual(marked);
    await page.screenshot({ path: screenshotPath('bookmarks-after-signin-de-1280'), fullPage: true });
    expect(await axeSerious(page, 'bookmarks-after-signin-de-1280')).toEqual([]);
    await context.close();
  }, 90_000);
});
