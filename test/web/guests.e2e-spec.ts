/**
 * Trust II rule 6 in real Chromium: a guest cannot take the name of a person of the conference (own
 * hint, not the generic conflict text), and the moderator console shows "Gast" beside a guest's request.
 */
import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { launchBrowser, screenshotPath, type TestBrowser } from '../support/browser';
import { signIn } from '../support/people';
import { prepareContext, settle } from './helpers';

const SLUG = 'buko-2020';

describe('guests in the browser', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let sessionId: string;
  let moderator: { token: string; personId: string };
  let attendee: { token: string; personId: string };

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startTestApp('web-guests', { env: { RATE_LIMIT_FACTOR: '0' } });
    moderator = await signIn(app, 'moderator', 'Moritz Moderator', SLUG);
    attendee = await signIn(app, 'attendee', 'Ayşe Arslan', SLUG);
    const [row] = await app.podium.dataSource.query(
      `INSERT INTO session (conference_id, kind, title, starts_at, ends_at, livestream, status)
       SELECT id, 'fishbowl', 'Fishbowl mit Gästen', now() - interval '5 minutes', now() + interval '2 hours', true, 'live'
         FROM conference WHERE slug = $1 RETURNING id`,
      [SLUG],
    );
    sessionId = row.id;
    await app.podium.dataSource.query(`INSERT INTO session_person (session_id, person_id, role) VALUES ($1, $2, 'moderator')`, [sessionId, moderator.personId]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function open(token: string | undefined, path: string): Promise<Page> {
    const { context, page } = await browser.newPage({ width: 1280, height: 900 });
    await prepareContext(context, { token, displayName: token ? 'x' : undefined, lang: 'de' });
    await page.goto(app.url + path);
    await settle(page);
    return page;
  }

  it('refuses a guest name of a person of the conference with its own hint, then marks the guest as "Gast" in queue and console', async () => {
    const live = `/c/${SLUG}/s/${sessionId}/live`;
    const guest = await open(undefined, `/c/${SLUG}/gast?next=${encodeURIComponent(live)}`);
    await guest.getByLabel('Ihr Name (so sehen ihn andere)').fill('Annette Widmann-Mauz');
    await guest.getByRole('button', { name: 'Teilnehmen' }).click();
    await guest.getByRole('alert').getByText('Diesen Namen trägt eine Person dieser Konferenz', { exact: false }).waitFor();
    await guest.getByLabel('Ihr Name (so sehen ihn andere)').fill('Gast aus Halle');
    await guest.getByRole('button', { name: 'Teilnehmen' }).click();
    await guest.waitForURL((url) => url.pathname === live);
    await settle(guest);
    await guest.getByRole('button', { name: 'Um einen Platz bitten' }).click();
    await guest.getByTestId('my-position').waitFor();

    const other = await open(attendee.token, live);
    await other.getByRole('button', { name: 'Um einen Platz bitten' }).click();
    await other.getByTestId('my-position').waitFor();

    const mod = await open(moderator.token, `/c/${SLUG}/s/${sessionId}/moderation`);
    const guestEntry = mod.locator('.queue__entry', { hasText: 'Gast aus Halle' });
    await guestEntry.locator('.badge--guest', { hasText: 'Gast' }).waitFor({ timeout: 15_000 });
    const attendeeEntry = mod.locator(`.queue__entry[data-person="${attendee.personId}"]`);
    await attendeeEntry.waitFor();
    expect(await attendeeEntry.locator('.badge--guest').count()).toBe(0);
    await mod.screenshot({ path: screenshotPath('guests-moderator-queue'), fullPage: true });
  }, 180_000);
});
