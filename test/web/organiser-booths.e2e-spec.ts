/**
 * The organiser's booths (issue 19) in real Chromium against the api: a booth is created with its links, logo,
 * size and staff, a wrong link is refused before anything is stored, the booth is edited and deleted; each
 * step checked in the rows of the database; axe finds nothing serious, in German and in English.
 */
import type { Page } from 'playwright-core';
import { signIn } from '../support/people';
import { press, SLUG, startConferencePages, WAIT, type ConferencePages, type Person } from './conference-pages';
import { axeSerious } from './helpers';

describe('web: booths in the organiser pages (Chromium)', () => {
  let pages: ConferencePages;
  let organiser: Person;
  let staff: Person;
  const open = (lang: 'de' | 'en'): Promise<Page> => pages.open(organiser, 'Olga Organisation', lang, 'organisation/markt');
  const rows = (): Promise<{ name: string; description: string; links: unknown; logo_url: string | null; capacity: number; staff: string[] }[]> =>
    pages.app.podium.dataSource.query(
      `SELECT b.name, b.description, b.links, b.logo_url, b.capacity, COALESCE((SELECT array_agg(s.person_id::text) FROM booth_staff s WHERE s.booth_id = b.id), '{}') AS staff
         FROM booth b JOIN conference c ON c.id = b.conference_id WHERE c.slug = $1 ORDER BY b.name`,
      [SLUG],
    );

  beforeAll(async () => {
    pages = await startConferencePages('web-organiser-booths', { livekit: false });
    organiser = await signIn(pages.app, 'organiser', 'Olga Organisation', SLUG);
    staff = await signIn(pages.app, 'attendee', 'Stefan Stand', SLUG);
  }, 120_000);

  afterAll(async () => {
    await pages?.stop();
  });

  it('creates, refuses a wrong link, edits and deletes a booth; the rows follow; axe clean', async () => {
    const page = await open('de');
    await page.getByRole('heading', { name: 'Neuer Stand' }).waitFor(WAIT);
    expect(await axeSerious(page, 'organiser-booths-de')).toEqual([]);
    const form = page.getByRole('region', { name: 'Neuer Stand' });
    await form.getByLabel('Name').fill('Integrationslotsen Ulm');
    await form.getByLabel('Beschreibung').fill('Ehrenamtliche begleiten Neuzugewanderte.');
    await form.getByLabel('Links und Materialien').fill('Website https://example.org/lotsen');
    await form.getByLabel('Plätze am Stand (2 bis 50)').fill('3');
    await form.getByLabel('Person auswählen').selectOption({ label: 'Stefan Stand' });
    await press(page, 'Zum Team hinzufügen');
    await press(page, 'Stand hinzufügen');
    await page.getByText('Link in Zeile 1: bitte „Bezeichnung | https://…“ schreiben.').waitFor(WAIT);
    expect(await rows()).toEqual([]);

    await form.getByLabel('Links und Materialien').fill('Website | https://example.org/lotsen\nFlyer | https://example.org/flyer.pdf');
    await form.getByLabel('Logo (Adresse eines Bildes, https://…)').fill('https://example.org/logo.png');
    await press(page, 'Stand hinzufügen');
    await page.getByText('„Integrationslotsen Ulm“ gespeichert.').waitFor(WAIT);
    await page.getByText('– 3 Plätze, Team: Stefan Stand').waitFor(WAIT);
    expect(await rows()).toEqual([
      {
        name: 'Integrationslotsen Ulm',
        description: 'Ehrenamtliche begleiten Neuzugewanderte.',
        links: [
          { label: 'Website', url: 'https://example.org/lotsen' },
          { label: 'Flyer', url: 'https://example.org/flyer.pdf' },
        ],
        logo_url: 'https://example.org/logo.png',
        capacity: 3,
        staff: [staff.personId],
      },
    ]);

    await press(page, 'Bearbeiten: Integrationslotsen Ulm');
    const editor = page.getByRole('region', { name: 'Stand „Integrationslotsen Ulm“ bearbeiten' });
    await editor.getByLabel('Name').fill('Integrationslotsen Ulm e. V.');
    await editor.getByLabel('Plätze am Stand (2 bis 50)').fill('4');
    await editor.getByRole('button', { name: /^Entfernen\W+Stefan Stand \(Team am Stand\)$/ }).click();
    expect(await axeSerious(page, 'organiser-booth-editor-de')).toEqual([]);
    await press(page, 'Speichern');
    await page.getByText('– 4 Plätze, Team: Noch niemand eingetragen.').waitFor(WAIT);
    expect(await rows()).toEqual([expect.objectContaining({ name: 'Integrationslotsen Ulm e. V.', capacity: 4, staff: [] })]);

    await press(page, 'Bearbeiten: Integrationslotsen Ulm e. V.');
    await press(page, 'Stand löschen');
    await press(page, 'Ja');
    await page.getByText('Stand „Integrationslotsen Ulm e. V.“ gelöscht.').waitFor(WAIT);
    expect(await rows()).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('speaks English when asked to, axe clean', async () => {
    const page = await open('en');
    await page.getByRole('heading', { name: 'New booth' }).waitFor(WAIT);
    await page.getByLabel('Places at the booth (2 to 50)').waitFor(WAIT);
    expect(await axeSerious(page, 'organiser-booths-en')).toEqual([]);
    await page.context().close();
  }, 60_000);
});
