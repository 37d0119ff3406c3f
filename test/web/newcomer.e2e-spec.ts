/**
 * What new users hit (issue 16), in real Chromium against the real api, PostgreSQL and LiveKit server
 * (buko-2020, German interface):
 * - "Backstage" is offered only to signed-in crew, not to anonymous visitors; a fishbowl's speaker is
 *   labelled as on the panel ("Podium"), not "Vortrag";
 * - the livestream of a session that is over says so, not "Das hat sich inzwischen geändert";
 * - the moderator console of an ended fishbowl shows the real reason, never "Bitte melden Sie sich an.";
 * - a refused new conference names the field; the conflicts tab is German with names, no UUIDs;
 * - focus lands on the new place after asking for a chair and after accepting the invitation;
 * - a sign-in link with `?next=` opens that page (same-site paths only, anything else opens `/`).
 */
import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { launchBrowser, screenshotPath, type TestBrowser } from '../support/browser';
import { signIn } from '../support/people';
import { IdentityService } from '../../apps/api/src/identity/identity.service';
import { axeSerious, prepareContext, settle } from './helpers';

const SLUG = 'buko-2020';
const WAIT = { timeout: 20_000 };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe('web: what new users hit (Chromium + LiveKit)', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let organiser: { token: string; personId: string };
  let moderator: { token: string; personId: string };
  let speaker: { token: string; personId: string };
  let attendee: { token: string; personId: string };

  /** A fishbowl or forum of buko-2020 at the given offset from now (SQL intervals), with people on it. */
  async function insertSession(kind: string, title: string, from: string, to: string, status: string, people: [string, string][]): Promise<string> {
    const [row] = await app.podium.dataSource.query(
      `INSERT INTO session (conference_id, kind, title, starts_at, ends_at, livestream, status)
       SELECT id, $2, $3, now() + $4::interval, now() + $5::interval, true, $6 FROM conference WHERE slug = $1 RETURNING id`,
      [SLUG, kind, title, from, to, status],
    );
    for (const [personId, role] of people) {
      await app.podium.dataSource.query(`INSERT INTO session_person (session_id, person_id, role) VALUES ($1, $2, $3)`, [row.id, personId, role]);
    }
    return row.id;
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startTestApp('web-newcomer');
    organiser = await signIn(app, 'organiser', 'Olga Organisatorin', SLUG);
    moderator = await signIn(app, 'moderator', 'Moritz Moderator', SLUG);
    speaker = await signIn(app, 'speaker', 'Sina Sprecherin', SLUG);
    attendee = await signIn(app, 'attendee', 'Ayşe Arslan', SLUG);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function open(person: { token: string } | null, name: string, path: string, width = 1280): Promise<Page> {
    const { context, page } = await browser.newPage({ width, height: 900 });
    await prepareContext(context, { token: person?.token, displayName: name, lang: 'de' });
    await page.goto(app.url + path);
    await settle(page);
    return page;
  }
  const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? null);

  it('offers Backstage to signed-in crew only and labels a fishbowl speaker as on the panel', async () => {
    const id = await insertSession('fishbowl', 'Fishbowl für Neue', "'1 day'", "'1 day 1 hour'", 'scheduled', [[speaker.personId, 'speaker']]);
    const anonymous = await open(null, '', `/c/${SLUG}/s/${id}`);
    await anonymous.getByRole('heading', { name: 'Fishbowl für Neue' }).waitFor(WAIT);
    expect(await anonymous.getByRole('link', { name: 'Backstage' }).count()).toBe(0);
    const person = anonymous.locator('.people-list li', { hasText: 'Sina Sprecherin' });
    expect((await person.locator('.badge').innerText()).trim()).toBe('Podium');
    await anonymous.screenshot({ path: screenshotPath('newcomer-session-anonymous'), fullPage: true });
    expect(await axeSerious(anonymous, 'newcomer-session-anonymous')).toEqual([]);
    await anonymous.context().close();

    // The speaker of the session is crew: the green room is theirs.
    const crew = await open(speaker, 'Sina Sprecherin', `/c/${SLUG}/s/${id}`);
    await crew.getByRole('link', { name: 'Backstage' }).waitFor(WAIT);
    await crew.context().close();
  }, 60_000);

  it('says that a past session has ended, on its livestream and in the moderator console', async () => {
    const id = await insertSession('fishbowl', 'Vergangener Fishbowl', "'-3 hours'", "'-2 hours'", 'ended', [[moderator.personId, 'moderator']]);
    const viewer = await open(attendee, 'Ayşe Arslan', `/c/${SLUG}/s/${id}/live`);
    await viewer.getByRole('alert').getByText('Diese Sitzung ist beendet. Der Livestream ist vorbei.').waitFor(WAIT);
    expect(await viewer.getByText('Das hat sich inzwischen geändert').count()).toBe(0);
    await viewer.screenshot({ path: screenshotPath('newcomer-live-ended'), fullPage: true });
    await viewer.context().close();

    const console = await open(moderator, 'Moritz Moderator', `/c/${SLUG}/s/${id}/moderation`);
    await console.getByRole('alert').getByText('Diese Sitzung ist beendet. Der Livestream ist vorbei.').waitFor(WAIT);
    expect(await console.getByText('Bitte melden Sie sich an.').count()).toBe(0);
    await console.context().close();
  }, 60_000);

  it('names the refused field of a new conference', async () => {
    // New conferences are for platform-wide organisers.
    const platform = await signIn(app, 'organiser', 'Paula Plattform', null);
    const page = await open(platform, 'Paula Plattform', `/c/${SLUG}/organisation`);
    await page.locator('#nc-title').fill('Neue Konferenz');
    await page.locator('#nc-slug').fill('neue-konferenz-2026');
    await page.locator('#nc-start').fill('2026-09-21');
    await page.locator('#nc-end').fill('2026-09-22');
    await page.locator('#nc-zone').fill('Mars/Olympus');
    await page.getByRole('button', { name: 'Anlegen', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Die Eingabe ist nicht gültig' });
    await alert.waitFor(WAIT);
    // In German throughout: the form's label and the rule in words, not the api's English.
    expect(await alert.innerText()).toBe('Die Eingabe ist nicht gültig – Zeitzone: „Mars/Olympus“ ist keine bekannte Zeitzone (etwa „Europe/Berlin“)');
    const rows = await app.podium.dataSource.query(`SELECT 1 FROM conference WHERE slug = 'neue-konferenz-2026'`);
    expect(rows).toHaveLength(0);
    await page.context().close();
  }, 60_000);

  it('shows conflicts in German with the person named, no ids', async () => {
    const a = await insertSession('forum', 'Werkstatt Wohnen', "'2 days'", "'2 days 1 hour'", 'scheduled', [[speaker.personId, 'speaker']]);
    const b = await insertSession('forum', 'Werkstatt Arbeit', "'2 days 30 minutes'", "'2 days 90 minutes'", 'scheduled', [[speaker.personId, 'speaker']]);
    const page = await open(organiser, 'Olga Organisatorin', `/c/${SLUG}/organisation/conflicts`);
    const item = page.locator('li', { has: page.getByRole('link', { name: 'Werkstatt Wohnen' }) }).filter({ has: page.getByRole('link', { name: 'Werkstatt Arbeit' }) });
    await item.first().waitFor(WAIT);
    const text = await item.first().innerText();
    expect(text).toContain('Sina Sprecherin ist zur selben Zeit bei');
    expect(text).not.toMatch(UUID);
    expect(await page.locator('main').innerText()).not.toMatch(UUID);
    await page.screenshot({ path: screenshotPath('newcomer-conflicts'), fullPage: true });
    await page.context().close();
    await app.podium.dataSource.query('DELETE FROM session WHERE id = ANY($1)', [[a, b]]);
  }, 60_000);

  it('moves focus to the new place after asking for a chair and after accepting', async () => {
    const id = await insertSession('fishbowl', 'Fishbowl jetzt', "'-5 minutes'", "'2 hours'", 'live', [[moderator.personId, 'moderator']]);
    const mod = await open(moderator, 'Moritz Moderator', `/c/${SLUG}/s/${id}/moderation`);
    await mod.locator('#set-chairs').fill('2');
    await mod.getByRole('button', { name: 'Einstellungen speichern' }).click();
    await mod.getByText('Einstellungen gespeichert.').waitFor(WAIT);
    await mod.getByRole('button', { name: 'Fishbowl starten' }).click();
    await mod.getByText('Fishbowl: läuft').waitFor(WAIT);

    const a = await open(attendee, 'Ayşe Arslan', `/c/${SLUG}/s/${id}/live`);
    await a.getByRole('button', { name: 'Um einen Platz bitten' }).click();
    await a.getByTestId('my-position').getByText('Sie sind an Position 1.').waitFor(WAIT);
    await a.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'my-position', undefined, WAIT).catch(() => undefined);
    expect(await focused(a)).toBe('my-position');

    await mod.getByRole('button', { name: 'Einladen Ayşe Arslan' }).click();
    await a.getByTestId('invitation').waitFor(WAIT);
    await a.locator('[data-testid="device-check-result"][data-result="ok"]').waitFor(WAIT);
    await a.getByRole('button', { name: 'Annehmen und Platz nehmen' }).click();
    await a.getByText('Sie sitzen auf Stuhl 2.').waitFor(WAIT);
    await a.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'my-chair', undefined, WAIT).catch(() => undefined);
    expect(await focused(a)).toBe('my-chair');
    await a.context().close();
    await mod.context().close();
  }, 90_000);

  it('opens the page a sign-in link was for, and only pages of this site', async () => {
    const identity = app.podium.app.get(IdentityService);
    const target = `/c/${SLUG}/organisation/conflicts`;
    const first = await identity.invite({ displayName: 'Nora Neu', role: 'organiser', conferenceId: (await app.podium.dataSource.query('SELECT id FROM conference WHERE slug = $1', [SLUG]))[0].id });
    const { context, page } = await browser.newPage({ width: 1280, height: 900 });
    await prepareContext(context, { lang: 'de' });
    await page.goto(`${app.url}/signin/${first.link.split('/signin/')[1]}?next=${encodeURIComponent(target)}`);
    await page.waitForURL(`${app.url}${target}`, WAIT);
    await page.getByRole('heading', { name: 'Konflikte' }).waitFor(WAIT);
    await context.close();

    // Another origin in `next` is not followed: the link opens the start page.
    const second = await identity.invite({ displayName: 'Otto Offen', role: 'attendee', conferenceId: null });
    const other = await browser.newPage({ width: 1280, height: 900 });
    await prepareContext(other.context, { lang: 'de' });
    await other.page.goto(`${app.url}/signin/${second.link.split('/signin/')[1]}?next=${encodeURIComponent('//evil.example/')}`);
    await other.page.waitForURL(`${app.url}/`, WAIT);
    await other.context.close();
  }, 60_000);
});
