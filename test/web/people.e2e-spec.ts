/**
 * Meeting people (issue 19) in real Chromium: a person outside the directory sees only the sign-up form; Ada
 * asks Ben for contact by keyboard, Ben accepts, and only then each sees the other's contact details; axe clean
 * in German and English.
 */
import type { Page } from 'playwright-core';
import { api } from '../support/app';
import { signIn } from '../support/people';
import { press, SLUG, startConferencePages, WAIT, type ConferencePages, type Person } from './conference-pages';
import { axeSerious, settle } from './helpers';

describe('web: meeting people (Chromium)', () => {
  let pages: ConferencePages;
  let ada: Person;
  let ben: Person;
  const open = (person: Person, name: string, lang: 'de' | 'en'): Promise<Page> => pages.open(person, name, lang, 'kontakte');

  beforeAll(async () => {
    pages = await startConferencePages('web-people', { livekit: false });
    const { app } = pages;
    ada = await signIn(app, 'attendee', 'Ada Austausch', SLUG);
    ben = await signIn(app, 'attendee', 'Ben Brücke', SLUG);
    const put = await api(app.url, 'PUT', `/api/conferences/${SLUG}/directory/me`, { token: ben.token, body: { organisation: 'Landkreis Kassel', contact: 'ben@example.org' } });
    if (put.status !== 200) throw new Error(`opt in: ${put.status}`);
  }, 120_000);

  afterAll(async () => {
    await pages?.stop();
  });

  it('signs up, asks, is accepted; contact details appear only after the acceptance; axe clean', async () => {
    const a = await open(ada, 'Ada Austausch', 'de');
    await a.getByText('Sie sind nicht im Verzeichnis.', { exact: false }).waitFor(WAIT);
    expect(await a.getByText('Ben Brücke').count()).toBe(0);
    expect(await axeSerious(a, 'people-signup-de')).toEqual([]);
    await a.getByLabel('Organisation').fill('Stadt Ulm');
    await a.getByLabel('Kontaktdaten (nur für Kontakte, denen Sie zustimmen)').fill('ada@example.org');
    await press(a, 'Ins Verzeichnis eintragen');
    await press(a, 'Kontakt anfragen: Ben Brücke');
    await a.getByText('An Ben Brücke – offen').waitFor(WAIT);
    expect(await a.getByText('ben@example.org', { exact: false }).count()).toBe(0);

    const b = await open(ben, 'Ben Brücke', 'de');
    await b.getByText('Von Ada Austausch – offen').waitFor(WAIT);
    expect(await b.getByText('ada@example.org', { exact: false }).count()).toBe(0);
    expect(await axeSerious(b, 'people-request-de')).toEqual([]);
    await press(b, 'Anfrage von Ada Austausch annehmen');
    await b.getByText('Kontakt: ada@example.org', { exact: false }).waitFor(WAIT);
    await a.reload();
    await settle(a);
    await a.getByText('Kontakt: ben@example.org', { exact: false }).waitFor(WAIT);
    for (const page of [a, b]) await page.context().close();
  }, 90_000);

  it('speaks English when asked to, axe clean', async () => {
    const page = await open(ada, 'Ada Austausch', 'en');
    await page.getByRole('heading', { name: 'Contact requests' }).waitFor(WAIT);
    await page.getByText('To Ben Brücke – accepted', { exact: false }).waitFor(WAIT);
    expect(await axeSerious(page, 'people-en')).toEqual([]);
    await page.context().close();
  }, 60_000);
});
