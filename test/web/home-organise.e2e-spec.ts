/**
 * `/` offers a way into organisation (issue 16): an organiser finds a link per conference they
 * organise, which opens its organisation page; an anonymous visitor is told how to get there.
 */
import { startTestApp, type TestApp } from '../support/app';
import { launchBrowser, screenshotPath, type TestBrowser } from '../support/browser';
import { signIn } from '../support/people';
import { axeSerious, prepareContext, settle } from './helpers';

const SLUG = 'buko-2020';
const WAIT = { timeout: 20_000 };

describe('web: the way into organisation from / (Chromium)', () => {
  let app: TestApp;
  let browser: TestBrowser;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startTestApp('web-home-organise', { livekit: false });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it.each([1280, 360])('links an organiser into organisation at %i px', async (width) => {
    const organiser = await signIn(app, 'organiser', 'Olga Orga', SLUG);
    const { context, page } = await browser.newPage({ width, height: 900 });
    await prepareContext(context, { token: organiser.token, displayName: 'Olga Orga', lang: 'de' });
    await page.goto(`${app.url}/`);
    await settle(page);
    const links = page.getByRole('link', { name: /^Organisation öffnen/ });
    await links.first().waitFor(WAIT);
    expect(await links.count()).toBe(1); // only the conference Olga organises
    expect(await page.getByText('Sie organisieren eine Konferenz?').count()).toBe(0);
    await page.screenshot({ path: screenshotPath(`home-organiser-de-${width}`), fullPage: true });
    expect(await axeSerious(page, `home-organiser-de-${width}`)).toEqual([]);
    await links.first().click();
    await page.waitForURL(`${app.url}/c/${SLUG}/organisation`, WAIT);
    await context.close();
  }, 60_000);

  it('tells an anonymous visitor how to get into organisation', async () => {
    const { context, page } = await browser.newPage({ width: 1280, height: 900 });
    await prepareContext(context, { lang: 'de' });
    await page.goto(`${app.url}/`);
    await settle(page);
    await page.getByText('Sie organisieren eine Konferenz? Öffnen Sie den Anmeldelink aus Ihrer Einladung').waitFor(WAIT);
    expect(await page.getByRole('link', { name: /^Organisation öffnen/ }).count()).toBe(0);
    await context.close();
  }, 60_000);
});
