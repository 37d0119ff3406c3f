/**
 * "Kontakt anfragen" → video call in real Chromium with real LiveKit: Ben accepts Ada's request by keyboard, follows
 * the call link, waits for Ada, then both are in the request's room; microphone and camera by keyboard; axe clean in
 * German and English; a third person's call page says nothing of the call.
 */
import type { Page } from 'playwright-core';
import { api, startTestApp, type TestApp } from '../support/app';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { signIn } from '../support/people';
import { axeSerious, prepareContext, settle } from './helpers';

const SLUG = 'buko-2020';
const WAIT = { timeout: 30_000 };
type Person = { token: string; personId: string };

describe('web: a contact request becomes a video call (Chromium, LiveKit)', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let ada: Person;
  let ben: Person;
  let carla: Person;
  let requestId: string;

  async function open(person: Person, name: string, lang: 'de' | 'en', path: string): Promise<Page> {
    const { context, page } = await browser.newPage({ width: 1280, height: 900 });
    await prepareContext(context, { token: person.token, displayName: name, lang });
    await page.goto(`${app.url}${path}`);
    await settle(page);
    return page;
  }
  async function press(page: Page, role: 'button' | 'link', name: string): Promise<void> {
    const control = page.getByRole(role, { name, exact: true });
    await control.waitFor(WAIT);
    await control.focus();
    await page.keyboard.press('Enter');
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startTestApp('web-contact-call');
    ada = await signIn(app, 'attendee', 'Ada Austausch', SLUG);
    ben = await signIn(app, 'attendee', 'Ben Brücke', SLUG);
    carla = await signIn(app, 'attendee', 'Carla Dritte', SLUG);
    for (const [p, contact] of [[ada, 'ada@example.org'], [ben, 'ben@example.org']] as const) {
      const put = await api(app.url, 'PUT', `/api/conferences/${SLUG}/directory/me`, { token: p.token, body: { contact } });
      if (put.status !== 200) throw new Error(`opt in: ${put.status}`);
    }
    const sent = await api(app.url, 'POST', `/api/conferences/${SLUG}/contact-requests`, { token: ada.token, body: { to: ben.personId } });
    requestId = sent.body.id;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('no call before acceptance; Ben accepts, follows the link, and both meet in the call; axe clean (de)', async () => {
    const early = await open(ada, 'Ada Austausch', 'de', `/c/${SLUG}/kontakte/anruf/${requestId}`);
    await early.getByText('Der Anruf beginnt, sobald die Anfrage angenommen ist.').waitFor(WAIT);
    await early.context().close();

    const b = await open(ben, 'Ben Brücke', 'de', `/c/${SLUG}/kontakte`);
    expect(await b.getByRole('link', { name: 'Videoanruf mit Ada Austausch' }).count()).toBe(0);
    await press(b, 'button', 'Anfrage von Ada Austausch annehmen');
    await press(b, 'link', 'Videoanruf mit Ada Austausch');
    await b.getByRole('heading', { name: 'Videoanruf mit Ada Austausch' }).waitFor(WAIT);
    await b.getByText('Verbunden. Warten auf Ada Austausch …').waitFor(WAIT);
    expect(b.url()).toBe(`${app.url}/c/${SLUG}/kontakte/anruf/${requestId}`);

    const a = await open(ada, 'Ada Austausch', 'de', `/c/${SLUG}/kontakte`);
    await press(a, 'link', 'Videoanruf mit Ben Brücke');
    await a.getByText('Verbunden. Ben Brücke ist dabei.').waitFor(WAIT);
    await b.getByText('Verbunden. Ada Austausch ist dabei.').waitFor(WAIT);

    // Camera and microphone by keyboard; each side then sees the other's video.
    for (const page of [a, b]) {
      await press(page, 'button', 'Mikrofon');
      await press(page, 'button', 'Kamera');
    }
    await b.getByLabel('Video von Ada Austausch').waitFor(WAIT);
    await a.getByLabel('Video von Ben Brücke').waitFor(WAIT);
    expect(await axeSerious(b, 'contact-call-de')).toEqual([]);

    await press(a, 'button', 'Anruf verlassen');
    await a.getByRole('heading', { name: 'Kontaktanfragen' }).waitFor(WAIT);
    await b.getByText('Verbunden. Warten auf Ada Austausch …').waitFor(WAIT);
    for (const page of [a, b]) await page.context().close();
  }, 120_000);

  it('speaks English, axe clean; a third person gets no call', async () => {
    const page = await open(ben, 'Ben Brücke', 'en', `/c/${SLUG}/kontakte/anruf/${requestId}`);
    await page.getByRole('heading', { name: 'Video call with Ada Austausch' }).waitFor(WAIT);
    await page.getByText('Connected. Waiting for Ada Austausch …').waitFor(WAIT);
    await page.getByRole('button', { name: 'Leave the call' }).waitFor(WAIT);
    expect(await axeSerious(page, 'contact-call-en')).toEqual([]);
    await page.context().close();

    const third = await open(carla, 'Carla Dritte', 'de', `/c/${SLUG}/kontakte/anruf/${requestId}`);
    await third.getByRole('alert').waitFor(WAIT);
    expect(await third.getByText('Verbunden.', { exact: false }).count()).toBe(0);
    await third.context().close();
  }, 90_000);
});
