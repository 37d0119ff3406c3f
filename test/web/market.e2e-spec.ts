/**
 * The Markt der Möglichkeiten page (issue 19) in real Chromium against the api and LiveKit: the market shows
 * an open booth with its staff and how busy it is; a visitor enters by keyboard, is at the booth, and leaves
 * contact details by their own choice; axe finds nothing serious, in German and in English.
 */
import type { Page } from 'playwright-core';
import { api, type TestApp } from '../support/app';
import { screenshotPath } from '../support/browser';
import { signIn } from '../support/people';
import { press, SLUG, startConferencePages, WAIT, type ConferencePages, type Person } from './conference-pages';
import { axeSerious } from './helpers';

describe('web: the market page (Chromium)', () => {
  let pages: ConferencePages;
  let app: TestApp;
  let visitor: Person;
  let staff: Person;
  let boothId: string;
  const open = (person: Person, name: string, lang: 'de' | 'en'): Promise<Page> => pages.open(person, name, lang, 'markt');

  beforeAll(async () => {
    pages = await startConferencePages('web-market');
    app = pages.app;
    const organiser = await signIn(app, 'organiser', 'Olga Organisation', SLUG);
    staff = await signIn(app, 'attendee', 'Stefan Stand', SLUG);
    visitor = await signIn(app, 'attendee', 'Vera Besuch', SLUG);
    const created = await api(app.url, 'POST', `/api/conferences/${SLUG}/booths`, {
      token: organiser.token,
      body: { name: 'Integrationslotsen Ulm', description: 'Ehrenamtliche begleiten Neuzugewanderte.', links: [{ label: 'Website der Lotsen', url: 'https://example.org/lotsen' }], capacity: 2, staff: [staff.personId] },
    });
    if (created.status !== 201) throw new Error(`booth: ${created.status} ${JSON.stringify(created.body)}`);
    boothId = created.body.id;
    const opened = await api(app.url, 'POST', `/api/conferences/${SLUG}/booths/${boothId}/staff`, { token: staff.token });
    if (opened.status !== 200) throw new Error(`staff: ${opened.status}`);
  }, 120_000);

  afterAll(async () => {
    await pages?.stop();
  });

  it('shows the open booth, lets a visitor in by keyboard, takes a contact only when given; axe clean', async () => {
    const page = await open(visitor, 'Vera Besuch', 'de');
    await page.getByText('Geöffnet, am Stand: Stefan Stand. 0 von 2 Plätzen belegt, 0 warten.').waitFor(WAIT);
    expect(await axeSerious(page, 'market-de')).toEqual([]);
    await press(page, 'Integrationslotsen Ulm besuchen');
    await press(page, 'Eintreten');
    await page.getByText('Sie sind am Stand (1 von 2 Plätzen).').waitFor(WAIT);
    // The booth's chat is there for visitors too (the chat feature with the booth's room).
    await page.getByRole('heading', { name: 'Chat am Stand Integrationslotsen Ulm' }).waitFor(WAIT);
    const [before] = await app.podium.dataSource.query(`SELECT count(*)::int AS n FROM booth_contact WHERE booth_id = $1`, [boothId]);
    expect(before.n).toBe(0);
    await page.getByLabel('Kontakt für das Team hinterlassen (freiwillig)').fill('vera@example.org');
    await page.getByLabel('Kontakt für das Team hinterlassen (freiwillig)').press('Enter');
    await page.getByText('Ihr Kontakt ist beim Team.').waitFor(WAIT);
    const [after] = await app.podium.dataSource.query(`SELECT contact FROM booth_contact WHERE booth_id = $1 AND person_id = $2`, [boothId, visitor.personId]);
    expect(after.contact).toBe('vera@example.org');
    expect(await axeSerious(page, 'market-booth-de')).toEqual([]);
    await page.screenshot({ path: screenshotPath('market-booth-de'), fullPage: true });
    await press(page, 'Stand verlassen');
    await page.getByText('Geöffnet, am Stand: Stefan Stand. 0 von 2 Plätzen belegt, 0 warten.').waitFor(WAIT);
    await page.context().close();
  }, 90_000);

  it('a queued visitor sees their place move and is let in by the staff without asking again (pushed on /market)', async () => {
    const others = [await signIn(app, 'attendee', 'Willi Warten', SLUG), await signIn(app, 'attendee', 'Xenia Xanten', SLUG)];
    for (const p of others) expect((await api(app.url, 'POST', `/api/conferences/${SLUG}/booths/${boothId}/visit`, { token: p.token })).body.status).toBe('in');
    const page = await open(visitor, 'Vera Besuch', 'de');
    await press(page, 'Integrationslotsen Ulm besuchen');
    await press(page, 'Eintreten');
    await page.getByText(/^Der Stand ist voll\. Sie sind Nummer 1 in der Warteschlange, etwa \d+ Minuten\.$/).waitFor(WAIT);
    // Willi leaves: a place is free, so the head of the queue waits nothing now; the page hears it unasked.
    await api(app.url, 'POST', `/api/conferences/${SLUG}/booths/${boothId}/leave`, { token: others[0].token });
    await page.getByText('Der Stand ist voll. Sie sind Nummer 1 in der Warteschlange, etwa 0 Minuten.').waitFor(WAIT);
    const invited = await api(app.url, 'POST', `/api/conferences/${SLUG}/booths/${boothId}/invite-next`, { token: staff.token });
    expect(invited.body).toEqual({ personId: visitor.personId });
    await page.getByText('Sie sind am Stand (2 von 2 Plätzen).').waitFor(WAIT);
    await press(page, 'Stand verlassen');
    await api(app.url, 'POST', `/api/conferences/${SLUG}/booths/${boothId}/leave`, { token: others[1].token });
    await page.context().close();
  }, 90_000);

  it('speaks English when asked to, axe clean', async () => {
    const page = await open(visitor, 'Vera Besuch', 'en');
    await page.getByRole('heading', { name: 'Marketplace of opportunities' }).waitFor(WAIT);
    await page.getByText('Open, at the booth: Stefan Stand.', { exact: false }).waitFor(WAIT);
    expect(await axeSerious(page, 'market-en')).toEqual([]);
    await page.context().close();
  }, 60_000);
});
