/**
 * Speed networking in real Chromium with real LiveKit: the organiser sets up the rounds, Ada and Ben take part, the
 * organiser starts them; Ada
 * sees her partner on the people page, goes to the talk by keyboard and meets Ben in their group's room; she shares
 * her details, Ben's appear only once he shares his; axe clean in German and English.
 */
import { api, type TestApp } from '../support/app';
import { signIn } from '../support/people';
import { press, SLUG, startConferencePages, type ConferencePages, type Person } from './conference-pages';
import { axeSerious, settle } from './helpers';

const WAIT = { timeout: 30_000 };

describe('web: speed networking (Chromium, LiveKit)', () => {
  let app: TestApp;
  let pages: ConferencePages;
  let ada: Person;
  let ben: Person;
  let speedId: string;
  let org: Person;
  const call = (p: Person, method: string, rest: string, body?: unknown) => api(app.url, method, `/api/conferences/${SLUG}${rest}`, { token: p.token, body });

  const open: ConferencePages['open'] = (...args) => pages.open(...args);

  beforeAll(async () => {
    pages = await startConferencePages('web-speed');
    app = pages.app;
    org = await signIn(app, 'organiser', 'Olga Orga', SLUG);
    ada = await signIn(app, 'attendee', 'Ada Austausch', SLUG);
    ben = await signIn(app, 'attendee', 'Ben Brücke', SLUG);
    for (const [p, contact] of [[ada, 'ada@example.org'], [ben, 'ben@example.org']] as const) {
      if ((await call(p, 'PUT', '/directory/me', { contact })).status !== 200) throw new Error('opt in');
    }
    // The organiser (not in the directory) sets up the rounds by keyboard on the people page.
    const o = await open(org, 'Olga Orga', 'de', `kontakte`);
    await o.getByLabel('Minuten je Runde').fill('10');
    await o.getByLabel('Anzahl der Runden').fill('2');
    await press(o, 'Runden einrichten');
    await o.getByText('2 Runden zu je 10 Minuten – beginnt bald').waitFor(WAIT);
    expect(await o.getByRole('button', { name: 'Mitmachen', exact: true }).count()).toBe(0);
    expect(await axeSerious(o, 'speed-organiser-de')).toEqual([]);
    speedId = (await call(org, 'GET', '/speed-networking')).body[0].id;
    await call(ben, 'POST', `/speed-networking/${speedId}/join`);
    const page = await open(ada, 'Ada Austausch', 'de', `kontakte`);
    expect(await page.getByRole('button', { name: 'Runden starten', exact: true }).count()).toBe(0);
    await press(page, 'Mitmachen');
    await page.getByRole('button', { name: 'Nicht mehr mitmachen', exact: true }).waitFor(WAIT);
    await page.context().close();
    await press(o, 'Runden starten');
    await o.getByText('2 Runden zu je 10 Minuten – Runde 1 von 2 läuft').waitFor(WAIT);
    await o.context().close();
  }, 120_000);

  afterAll(async () => {
    await pages?.stop();
  });

  it('the partner of the round, the talk in the group room, details only both ways; axe clean (de)', async () => {
    const a = await open(ada, 'Ada Austausch', 'de', `kontakte`);
    await a.getByText('Jetzt im Gespräch mit Ben Brücke').waitFor(WAIT);
    expect(await axeSerious(a, 'speed-people-de')).toEqual([]);
    await press(a, 'Zum Gespräch mit Ben Brücke', 'link');
    await a.getByRole('heading', { name: 'Speed-Networking mit Ben Brücke' }).waitFor(WAIT);
    await a.getByText('Verbunden. Warten auf Ben Brücke …').waitFor(WAIT);
    const b = await open(ben, 'Ben Brücke', 'de', `kontakte/speed/${speedId}`);
    await b.getByText('Verbunden. Ada Austausch ist dabei.').waitFor(WAIT);
    await a.getByText('Verbunden. Ben Brücke ist dabei.').waitFor(WAIT);
    expect(await axeSerious(a, 'speed-call-de')).toEqual([]);
    await press(a, 'Anruf verlassen');

    await press(a, 'Kontaktdaten mit Ben Brücke teilen');
    await a.getByRole('button', { name: 'Kontaktdaten für Ben Brücke zurückziehen', exact: true }).waitFor(WAIT);
    expect(await a.getByText('ben@example.org', { exact: false }).count()).toBe(0);
    const groupId = (await call(ben, 'GET', `/speed-networking/${speedId}`)).body.current.groupId;
    await call(ben, 'POST', `/speed-networking/${speedId}/groups/${groupId}/share`, { share: true });
    await a.reload();
    await settle(a);
    await a.getByText('Kontakt: Ben Brücke: ben@example.org', { exact: false }).waitFor(WAIT);
    for (const page of [a, b]) await page.context().close();
  }, 120_000);

  it('speaks English, axe clean', async () => {
    const page = await open(ben, 'Ben Brücke', 'en', `kontakte`);
    await page.getByRole('heading', { name: 'Speed networking' }).waitFor(WAIT);
    await page.getByText('Now talking with Ada Austausch').waitFor(WAIT);
    await page.getByText('Contact: Ada Austausch: ada@example.org', { exact: false }).waitFor(WAIT);
    expect(await axeSerious(page, 'speed-people-en')).toEqual([]);
    await page.context().close();
  }, 60_000);
});
