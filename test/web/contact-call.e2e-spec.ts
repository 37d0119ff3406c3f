/**
 * "Kontakt anfragen" → video call in real Chromium with real LiveKit: Ben accepts Ada's request by keyboard, follows
 * the call link, waits for Ada, then both are in the request's room; microphone and camera by keyboard; axe clean in
 * German and English; a third person's call page says nothing of the call.
 */
import { api, type TestApp } from '../support/app';
import { signIn } from '../support/people';
import { press, SLUG, startConferencePages, type ConferencePages, type Person } from './conference-pages';
import { axeSerious } from './helpers';

const WAIT = { timeout: 30_000 };

describe('web: a contact request becomes a video call (Chromium, LiveKit)', () => {
  let app: TestApp;
  let pages: ConferencePages;
  let ada: Person;
  let ben: Person;
  let carla: Person;
  let requestId: string;

  const open: ConferencePages['open'] = (...args) => pages.open(...args);

  beforeAll(async () => {
    pages = await startConferencePages('web-contact-call');
    app = pages.app;
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
    await pages?.stop();
  });

  it('no call before acceptance; Ben accepts, follows the link, and both meet in the call; axe clean (de)', async () => {
    const early = await open(ada, 'Ada Austausch', 'de', `kontakte/anruf/${requestId}`);
    await early.getByText('Der Anruf beginnt, sobald die Anfrage angenommen ist.').waitFor(WAIT);
    await early.context().close();

    const b = await open(ben, 'Ben Brücke', 'de', `kontakte`);
    expect(await b.getByRole('link', { name: 'Videoanruf mit Ada Austausch' }).count()).toBe(0);
    await press(b, 'Anfrage von Ada Austausch annehmen');
    await press(b, 'Videoanruf mit Ada Austausch', 'link');
    await b.getByRole('heading', { name: 'Videoanruf mit Ada Austausch' }).waitFor(WAIT);
    await b.getByText('Verbunden. Warten auf Ada Austausch …').waitFor(WAIT);
    expect(b.url()).toBe(`${app.url}/c/${SLUG}/kontakte/anruf/${requestId}`);

    const a = await open(ada, 'Ada Austausch', 'de', `kontakte`);
    await press(a, 'Videoanruf mit Ben Brücke', 'link');
    await a.getByText('Verbunden. Ben Brücke ist dabei.').waitFor(WAIT);
    await b.getByText('Verbunden. Ada Austausch ist dabei.').waitFor(WAIT);

    // Camera and microphone by keyboard; each side then sees the other's video.
    for (const page of [a, b]) {
      await press(page, 'Mikrofon');
      await press(page, 'Kamera');
    }
    await b.getByLabel('Video von Ada Austausch').waitFor(WAIT);
    await a.getByLabel('Video von Ben Brücke').waitFor(WAIT);
    expect(await axeSerious(b, 'contact-call-de')).toEqual([]);

    await press(a, 'Anruf verlassen');
    await a.getByRole('heading', { name: 'Kontaktanfragen' }).waitFor(WAIT);
    await b.getByText('Verbunden. Warten auf Ada Austausch …').waitFor(WAIT);
    for (const page of [a, b]) await page.context().close();
  }, 120_000);

  it('speaks English, axe clean; a third person gets no call', async () => {
    const page = await open(ben, 'Ben Brücke', 'en', `kontakte/anruf/${requestId}`);
    await page.getByRole('heading', { name: 'Video call with Ada Austausch' }).waitFor(WAIT);
    await page.getByText('Connected. Waiting for Ada Austausch …').waitFor(WAIT);
    await page.getByRole('button', { name: 'Leave the call' }).waitFor(WAIT);
    expect(await axeSerious(page, 'contact-call-en')).toEqual([]);
    await page.context().close();

    const third = await open(carla, 'Carla Dritte', 'de', `kontakte/anruf/${requestId}`);
    await third.getByRole('alert').waitFor(WAIT);
    expect(await third.getByText('Verbunden.', { exact: false }).count()).toBe(0);
    await third.context().close();
  }, 90_000);
});
