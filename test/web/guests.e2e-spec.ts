/**
 * Trust II rule 6 in real Chromium: a guest cannot take the name of a person of the conference (own
 * hint, not the generic conflict text), and the moderator console shows "Gast" beside a guest's request.
 */
import { screenshotPath } from '../support/browser';
import { addToSession, createSession } from '../livestream/fixtures';
import { signIn } from '../support/people';
import { SLUG, startConferencePages, type ConferencePages, type Person } from './conference-pages';
import { settle } from './helpers';

describe('guests in the browser', () => {
  let pages: ConferencePages;
  let sessionId: string;
  let moderator: Person;
  let attendee: Person;

  beforeAll(async () => {
    pages = await startConferencePages('web-guests', { env: { RATE_LIMIT_FACTOR: '0' } });
    moderator = await signIn(pages.app, 'moderator', 'Moritz Moderator', SLUG);
    attendee = await signIn(pages.app, 'attendee', 'Ayşe Arslan', SLUG);
    sessionId = await createSession(pages.app, { kind: 'fishbowl', title: 'Fishbowl mit Gästen', endsInMinutes: 120 });
    await addToSession(pages.app, sessionId, moderator.personId, 'moderator');
  }, 120_000);

  afterAll(async () => {
    await pages?.stop();
  });

  it('refuses a guest name of a person of the conference with its own hint, then marks the guest as "Gast" in queue and console', async () => {
    const live = `/c/${SLUG}/s/${sessionId}/live`;
    const guest = await pages.open(null, 'Gast', 'de', `gast?next=${encodeURIComponent(live)}`);
    await guest.getByLabel('Ihr Name (so sehen ihn andere)').fill('Annette Widmann-Mauz');
    await guest.getByRole('button', { name: 'Teilnehmen' }).click();
    await guest.getByRole('alert').getByText('Diesen Namen trägt eine Person dieser Konferenz', { exact: false }).waitFor();
    await guest.getByLabel('Ihr Name (so sehen ihn andere)').fill('Gast aus Halle');
    await guest.getByRole('button', { name: 'Teilnehmen' }).click();
    await guest.waitForURL((url) => url.pathname === live);
    await settle(guest);
    await guest.getByRole('button', { name: 'Um einen Platz bitten' }).click();
    await guest.getByTestId('my-position').waitFor();

    const other = await pages.open(attendee, 'Ayşe Arslan', 'de', `s/${sessionId}/live`);
    await other.getByRole('button', { name: 'Um einen Platz bitten' }).click();
    await other.getByTestId('my-position').waitFor();

    const mod = await pages.open(moderator, 'Moritz Moderator', 'de', `s/${sessionId}/moderation`);
    const guestEntry = mod.locator('.queue__entry', { hasText: 'Gast aus Halle' });
    await guestEntry.locator('.badge--guest', { hasText: 'Gast' }).waitFor({ timeout: 15_000 });
    const attendeeEntry = mod.locator(`.queue__entry[data-person="${attendee.personId}"]`);
    await attendeeEntry.waitFor();
    expect(await attendeeEntry.locator('.badge--guest').count()).toBe(0);
    await mod.screenshot({ path: screenshotPath('guests-moderator-queue'), fullPage: true });
  }, 180_000);
});
