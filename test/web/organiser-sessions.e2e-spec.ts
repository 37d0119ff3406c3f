/**
 * Real Chromium against the real api (no media), as an organiser of buko-2020 (Europe/Berlin, 2020-09-21):
 * - the Sessions tab's editor changes title and times and puts a speaker and a moderator on a session
 *   (database rows, api and the session's details page agree), on a 360 px phone, axe-clean;
 * - a room conflict answers with a message naming the other session, "Trotzdem speichern" writes anyway;
 *   a refused input shows the api's message;
 * - the create form takes people too; deleting asks inline first;
 * - a new room shows in the Rooms tab at once (no stale cached list); a deleted session leaves an open
 *   programme page without reload;
 * - attendance over time of one session, in the conference's time, as a table.
 */
import { api, type TestApp } from '../support/app';
import { screenshotPath, type TestBrowser } from '../support/browser';
import { signIn } from '../support/people';
import { createSessionAs, roomIds, SLUG, startConferencePages, WAIT, type ConferencePages, type Person } from './conference-pages';
import { axeSerious, prepareContext, settle } from './helpers';
import type { Page } from 'playwright-core';

const DAY = '2020-09-21';
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A control's name made of a visible verb and a visually hidden object (Chromium puts a space before the hidden part). */
const named = (verb: string, object: string) => new RegExp(`^${escape(verb)}\\W+${escape(object)}$`);

describe('web: organisers edit, staff, force and delete sessions (Chromium)', () => {
  let pages: ConferencePages;
  let app: TestApp;
  let browser: TestBrowser;
  let organiser: Person;
  let speaker: Person;
  let moderator: Person;
  let rooms: Map<string, string>;

  beforeAll(async () => {
    pages = await startConferencePages('web-organiser-sessions', { livekit: false });
    ({ app, browser } = pages);
    organiser = await signIn(app, 'organiser', 'Olga Organisatorin', SLUG);
    // Invited as speaker and moderator, so they are people of the conference the editor offers.
    speaker = await signIn(app, 'speaker', 'Sina Sprecherin', SLUG);
    moderator = await signIn(app, 'moderator', 'Moritz Moderator', SLUG);
    rooms = await roomIds(app);
  }, 120_000);

  afterAll(async () => {
    await pages?.stop();
  });

  /** A session on the conference day, local wall times in the conference zone. */
  const createSession = (title: string, start: string, end: string, room: string) => createSessionAs(app, organiser, title, `${DAY}T${start}`, `${DAY}T${end}`, rooms.get(room));

  const row = (page: Page, id: string) => page.locator(`li[data-session-id="${id}"]`);

  async function openSessionsTab(size: { width: number; height: number }) {
    const opened = await browser.newPage(size);
    await prepareContext(opened.context, { token: organiser.token, displayName: 'Olga Organisatorin', lang: 'de' });
    await opened.page.goto(`${app.url}/c/${SLUG}/organisation/sessions`);
    await settle(opened.page);
    return opened;
  }

  async function openEditor(page: Page, id: string, title: string) {
    await row(page, id).getByRole('button', { name: named('Bearbeiten', title) }).click();
    const editor = page.locator('.session-editor');
    await editor.waitFor(WAIT);
    return editor;
  }

  const sessionRow = async (id: string) => (await app.podium.dataSource.query('SELECT title, starts_at, ends_at, room_id FROM session WHERE id = $1', [id]))[0];

  it('changes title and times and puts a speaker and a moderator on the session, on a phone', async () => {
    const id = await createSession('Werkstatt zum Bearbeiten', '17:00', '18:00', 'Forum 1');
    const { context, page } = await openSessionsTab({ width: 360, height: 780 });
    try {
      const editor = await openEditor(page, id, 'Werkstatt zum Bearbeiten');
      // Focus moves into the editor, onto its heading.
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('„Werkstatt zum Bearbeiten“ bearbeiten');
      expect(await editor.getByLabel('Beginn').inputValue()).toBe('17:00');

      await editor.getByLabel('Titel', { exact: true }).fill('Werkstatt, neu geplant');
      await editor.getByLabel('Beginn').fill('17:30');
      await editor.getByLabel('Ende', { exact: true }).fill('18:45');
      const speakers = editor.getByRole('group', { name: 'Referentinnen und Referenten' });
      await speakers.getByRole('combobox').selectOption({ label: 'Sina Sprecherin' });
      await speakers.getByRole('button', { name: 'Als Referentin oder Referent hinzufügen', exact: true }).click();
      await speakers.getByRole('button', { name: named('Entfernen', 'Sina Sprecherin (Referentinnen und Referenten)') }).waitFor(WAIT);
      const moderators = editor.getByRole('group', { name: 'Moderation' });
      await moderators.getByRole('combobox').selectOption({ label: 'Moritz Moderator' });
      await moderators.getByRole('button', { name: 'Zur Moderation hinzufügen', exact: true }).click();
      await moderators.getByText('Moritz Moderator', { exact: true }).waitFor(WAIT);

      expect(await axeSerious(page, 'organiser-session-editor-de-phone')).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await page.screenshot({ path: screenshotPath('organiser-session-editor-de-phone'), fullPage: true });

      await editor.getByRole('button', { name: 'Speichern', exact: true }).click();
      await page.getByRole('status').getByText('„Werkstatt, neu geplant“ gespeichert.').waitFor(WAIT);
      await editor.waitFor({ state: 'detached', ...WAIT });
      await row(page, id).getByRole('link', { name: 'Werkstatt, neu geplant', exact: true }).waitFor(WAIT);
      // Focus goes back to the control that opened the editor.
      await page.waitForFunction(() => document.activeElement?.textContent?.startsWith('Bearbeiten'), undefined, WAIT);

      const stored = await sessionRow(id);
      expect(stored.title).toBe('Werkstatt, neu geplant');
      expect(new Date(stored.starts_at).toISOString()).toBe('2020-09-21T15:30:00.000Z'); // 17:30 in Berlin (CEST)
      expect(new Date(stored.ends_at).toISOString()).toBe('2020-09-21T16:45:00.000Z');
      const people = await app.podium.dataSource.query('SELECT person_id, role FROM session_person WHERE session_id = $1 ORDER BY role', [id]);
      expect(people).toEqual([
        { person_id: moderator.personId, role: 'moderator' },
        { person_id: speaker.personId, role: 'speaker' },
      ]);
      const details = await api(app.url, 'GET', `/api/sessions/${id}`);
      expect(details.body.people).toEqual(
        expect.arrayContaining([expect.objectContaining({ personId: speaker.personId, role: 'speaker', name: 'Sina Sprecherin' }), expect.objectContaining({ personId: moderator.personId, role: 'moderator', name: 'Moritz Moderator' })]),
      );

      await page.goto(`${app.url}/c/${SLUG}/s/${id}`);
      await settle(page);
      const onPage = page.locator('section[aria-labelledby="people-heading"]');
      await onPage.getByText('Sina Sprecherin').waitFor(WAIT);
      await onPage.getByText('Moritz Moderator').waitFor(WAIT);
    } finally {
      await context.close();
    }
  }, 180_000);

  it('names the other session on a room conflict and saves anyway on request; shows why an input is refused', async () => {
    const taken = await createSession('Forum-Kollision: schon da', '17:00', '18:00', 'Forum 2');
    const moving = await createSession('Forum-Kollision: zieht um', '17:00', '18:00', 'Forum 3');
    const { context, page } = await openSessionsTab({ width: 1280, height: 900 });
    try {
      let editor = await openEditor(page, moving, 'Forum-Kollision: zieht um');
      // Same start and end: the api refuses it, and its message appears next to the form.
      await editor.getByLabel('Ende', { exact: true }).fill('17:00');
      await editor.getByRole('button', { name: 'Speichern', exact: true }).click();
      await editor.getByRole('alert').getByText('Nicht gespeichert, die Eingabe ist nicht gültig – Ende: muss nach dem Beginn liegen', { exact: true }).waitFor(WAIT);
      await editor.getByLabel('Ende', { exact: true }).fill('18:00');

      await editor.getByLabel('Raum').selectOption({ label: 'Forum 2' });
      await editor.getByRole('button', { name: 'Speichern', exact: true }).click();
      const note = editor.getByTestId('session-conflicts');
      await note.waitFor(WAIT);
      expect(await note.innerText()).toContain('Der Raum ist zur selben Zeit mit „Forum-Kollision: schon da“ belegt.');
      expect(await axeSerious(page, 'organiser-session-conflict-de-desktop')).toEqual([]);
      expect((await sessionRow(moving)).room_id).toBe(rooms.get('Forum 3'));

      await note.getByRole('button', { name: 'Trotzdem speichern' }).click();
      await page.getByRole('status').getByText('„Forum-Kollision: zieht um“ gespeichert.').waitFor(WAIT);
      expect((await sessionRow(moving)).room_id).toBe(rooms.get('Forum 2'));
      expect((await sessionRow(taken)).room_id).toBe(rooms.get('Forum 2'));

      // Editing it again without changes writes nothing and says so.
      editor = await openEditor(page, moving, 'Forum-Kollision: zieht um');
      await editor.getByRole('button', { name: 'Speichern', exact: true }).click();
      await editor.getByText('Sie haben nichts geändert.').waitFor(WAIT);
    } finally {
      await context.close();
    }
  }, 180_000);

  it('creates a session with an interpreter and deletes a session after an inline confirmation', async () => {
    const doomed = await createSession('Sitzung zum Löschen', '19:00', '20:00', 'Forum 1');
    const { context, page } = await openSessionsTab({ width: 1280, height: 900 });
    try {
      const form = page.locator('section[aria-labelledby="org-new-session"] form');
      await form.getByLabel('Titel', { exact: true }).fill('Abendgespräch mit Dolmetschung');
      await form.getByLabel('Beginn').fill('20:15');
      await form.getByLabel('Ende', { exact: true }).fill('21:00');
      // Every add button of the form has a name of its own (issue 16: four buttons were all "Hinzufügen").
      const names = ['Zur Moderation hinzufügen', 'Als Referentin oder Referent hinzufügen', 'Zur Dolmetschung hinzufügen', 'Zur Live-Untertitelung hinzufügen', 'Sitzung hinzufügen'];
      for (const name of names) expect({ name, count: await form.getByRole('button', { name, exact: true }).count() }).toEqual({ name, count: 1 });
      expect(await form.getByRole('button', { name: 'Hinzufügen', exact: true }).count()).toBe(0);
      const interpreters = form.getByRole('group', { name: 'Dolmetschung' });
      await interpreters.getByRole('combobox').selectOption({ label: 'Sina Sprecherin' });
      await interpreters.getByRole('button', { name: 'Zur Dolmetschung hinzufügen', exact: true }).click();
      await form.getByRole('button', { name: 'Sitzung hinzufügen', exact: true }).click();
      await form.getByText('„Abendgespräch mit Dolmetschung“ gespeichert.').waitFor(WAIT);
      const [created] = await app.podium.dataSource.query(
        `SELECT s.starts_at, sp.person_id, sp.role FROM session s JOIN session_person sp ON sp.session_id = s.id WHERE s.title = 'Abendgespräch mit Dolmetschung'`,
      );
      expect(created).toMatchObject({ person_id: speaker.personId, role: 'interpreter' });
      expect(new Date(created.starts_at).toISOString()).toBe('2020-09-21T18:15:00.000Z');
      await page.getByRole('link', { name: 'Abendgespräch mit Dolmetschung', exact: true }).waitFor(WAIT);

      const editor = await openEditor(page, doomed, 'Sitzung zum Löschen');
      await editor.getByRole('button', { name: named('Löschen', 'Sitzung zum Löschen') }).click();
      const confirm = editor.getByRole('group', { name: '„Sitzung zum Löschen“ endgültig löschen?' });
      await confirm.waitFor(WAIT);
      expect(await sessionRow(doomed)).toBeDefined(); // asking deletes nothing
      await confirm.getByRole('button', { name: 'Ja' }).click();
      await page.getByRole('status').getByText('„Sitzung zum Löschen“ gelöscht.').waitFor(WAIT);
      await row(page, doomed).waitFor({ state: 'detached', ...WAIT });
      expect(await sessionRow(doomed)).toBeUndefined();
      expect((await api(app.url, 'GET', `/api/sessions/${doomed}`)).status).toBe(404);
    } finally {
      await context.close();
    }
  }, 180_000);

  it('lists a new room at once, and a session deleted elsewhere leaves an open programme page', async () => {
    const { context, page } = await openSessionsTab({ width: 1280, height: 900 });
    const viewer = await browser.newPage({ width: 360, height: 780 });
    try {
      await page.goto(`${app.url}/c/${SLUG}/organisation/rooms`);
      await settle(page);
      const form = page.locator('section[aria-labelledby="org-new-room"] form');
      await form.getByLabel('Name', { exact: true }).fill('Forum 9 (neu)');
      await form.getByRole('button', { name: 'Raum hinzufügen', exact: true }).click();
      await page.locator('section[aria-labelledby="org-rooms"]').getByText('Forum 9 (neu)', { exact: false }).waitFor(WAIT);

      const gone = await createSession('Sitzung, die verschwindet', '21:30', '22:00', 'Forum 1');
      await prepareContext(viewer.context, { lang: 'de' });
      await viewer.page.goto(`${app.url}/c/${SLUG}`);
      await settle(viewer.page);
      const link = viewer.page.getByRole('link', { name: 'Sitzung, die verschwindet', exact: true });
      await link.first().waitFor(WAIT);
      expect((await api(app.url, 'DELETE', `/api/sessions/${gone}`, { token: organiser.token })).status).toBe(204);
      await link.first().waitFor({ state: 'detached', ...WAIT });
    } finally {
      await viewer.context.close();
      await context.close();
    }
  }, 180_000);

  it("shows one session's attendance over time in 15-minute rows, in the conference's time", async () => {
    const body = { kind: 'keynote', title: 'Keynote mit Publikum', start: `${DAY}T11:45`, end: `${DAY}T13:15`, livestream: true, force: true };
    const created = await api(app.url, 'POST', `/api/conferences/${SLUG}/sessions`, { token: organiser.token, body });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    // Two viewers (as LiveKit's webhooks would record them): 10:00-10:40 and 10:20-11:00 UTC.
    await app.podium.dataSource.query(
      `INSERT INTO livestream_presence (session_id, room_kind, room_sid, participant_sid, identity, person_id, joined_at, left_at) VALUES
       ($1, 'stage', 'RM_t', 'PA_t1', $2::text, $2::uuid, '2020-09-21T10:00:00Z', '2020-09-21T10:40:00Z'),
       ($1, 'stage', 'RM_t', 'PA_t2', $3::text, $3::uuid, '2020-09-21T10:20:00Z', '2020-09-21T11:00:00Z')`,
      [id, speaker.personId, moderator.personId],
    );
    const { context, page } = await openSessionsTab({ width: 1280, height: 900 });
    try {
      await page.goto(`${app.url}/c/${SLUG}/organisation/attendance`);
      await settle(page);
      const panel = page.locator('section[aria-labelledby="org-attendance-timeline"]');
      await panel.getByLabel('Sitzung').selectOption({ label: 'Keynote mit Publikum' });
      await panel.getByLabel('Zeitraster').selectOption({ label: '15 Minuten' });
      const rows = panel.locator('tbody tr');
      await rows.nth(3).waitFor(WAIT);
      const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));
      expect(cells).toEqual([
        ['12:00', '1', '1'],
        ['12:15', '2', '2'],
        ['12:30', '2', '2'],
        ['12:45', '1', '1'],
      ]);
      expect(await axeSerious(page, 'organiser-attendance-timeline-de-desktop')).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});
