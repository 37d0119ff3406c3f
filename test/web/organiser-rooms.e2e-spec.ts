/**
 * Real Chromium against the real api (no media), as an organiser of buko-2020:
 * - the Rooms tab's editor renames a room and changes its capacity and changeover (database row and api agree),
 *   focus moves into the editor and back, a taken name shows the api's message, axe-clean with the editor open;
 * - deleting a room asks inline first; afterwards the api no longer lists it and its session stays, without a room;
 * - tracks: created with a colour, renamed and recoloured, deleted after confirming, on a phone.
 */
import { api, startTestApp, type TestApp } from '../support/app';
import { launchBrowser, screenshotPath, type TestBrowser } from '../support/browser';
import { signIn } from '../support/people';
import { axeSerious, prepareContext, settle } from './helpers';
import type { Page } from 'playwright-core';

const SLUG = 'buko-2020';
const WAIT = { timeout: 20_000 };

describe('web: organisers edit and delete rooms and manage tracks (Chromium)', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let organiser: { token: string; personId: string };

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startTestApp('web-organiser-rooms', { livekit: false });
    organiser = await signIn(app, 'organiser', 'Olga Organisatorin', SLUG);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function createRoom(name: string, capacity?: number): Promise<string> {
    const res = await api(app.url, 'POST', `/api/conferences/${SLUG}/rooms`, { token: organiser.token, body: { name, kind: 'forum-room', capacity } });
    if (res.status !== 201 && res.status !== 200) throw new Error(`create room: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  }

  async function openRoomsTab(size: { width: number; height: number }) {
    const opened = await browser.newPage(size);
    await prepareContext(opened.context, { token: organiser.token, displayName: 'Olga Organisatorin', lang: 'de' });
    await opened.page.goto(`${app.url}/c/${SLUG}/organisation/rooms`);
    await settle(opened.page);
    return opened;
  }

  const roomRow = async (id: string) => (await app.podium.dataSource.query('SELECT name, kind, capacity, changeover_minutes FROM room WHERE id = $1', [id]))[0];
  const trackRow = async (name: string) => (await app.podium.dataSource.query('SELECT t.id, t.color FROM track t JOIN conference c ON c.id = t.conference_id WHERE c.slug = $1 AND t.name = $2', [SLUG, name]))[0];
  const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

  it('renames a room and changes capacity and changeover; a taken name shows the api message', async () => {
    const id = await createRoom('Werkraum A', 20);
    const { context, page } = await openRoomsTab({ width: 1280, height: 900 });
    try {
      const row = page.locator(`li[data-room-id="${id}"]`);
      await row.getByRole('button', { name: 'Bearbeiten: Werkraum A' }).click();
      const editor = row.locator('.session-editor');
      await editor.waitFor(WAIT);
      expect(await focusedText(page)).toBe('Raum „Werkraum A“ bearbeiten');
      expect(await editor.getByLabel('Plätze', { exact: true }).inputValue()).toBe('20');

      // A name another room has: the api refuses, and says why next to the form.
      await editor.getByLabel('Name', { exact: true }).fill('Forum 1');
      await editor.getByRole('button', { name: 'Speichern', exact: true }).click();
      await editor.getByRole('alert').getByText(/^Nicht gespeichert: name: .*Forum 1/).waitFor(WAIT);
      expect((await roomRow(id)).name).toBe('Werkraum A');

      await editor.getByLabel('Name', { exact: true }).fill('Werkraum B');
      await editor.getByLabel('Plätze', { exact: true }).fill('42');
      await editor.getByLabel('Umbaupause (Minuten)').fill('15');
      await editor.getByLabel('Art des Raums').selectOption({ label: 'Saal' });
      expect(await axeSerious(page, 'organiser-room-editor-de-desktop')).toEqual([]);
      await page.screenshot({ path: screenshotPath('organiser-room-editor-de-desktop'), fullPage: true });

      await editor.getByRole('button', { name: 'Speichern', exact: true }).click();
      await page.locator('section[aria-labelledby="org-rooms"]').getByRole('status').getByText('„Werkraum B“ gespeichert.').waitFor(WAIT);
      await editor.waitFor({ state: 'detached', ...WAIT });
      await row.getByRole('button', { name: 'Bearbeiten: Werkraum B' }).waitFor(WAIT);
      // Focus goes back to the control that opened the editor.
      await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label')?.startsWith('Bearbeiten:'), undefined, WAIT);

      expect(await roomRow(id)).toEqual({ name: 'Werkraum B', kind: 'hall', capacity: 42, changeover_minutes: 15 });
      const listed = (await api(app.url, 'GET', `/api/conferences/${SLUG}/rooms`)).body as { id: string; name: string; capacity: number; changeoverMinutes: number }[];
      expect(listed.find((r) => r.id === id)).toMatchObject({ name: 'Werkraum B', capacity: 42, changeoverMinutes: 15 });

      // Saving again without a change writes nothing and says so.
      await row.getByRole('button', { name: 'Bearbeiten: Werkraum B' }).click();
      await editor.getByRole('button', { name: 'Speichern', exact: true }).click();
      await editor.getByText('Sie haben nichts geändert.').waitFor(WAIT);
    } finally {
      await context.close();
    }
  }, 180_000);

  it('deletes a room after an inline confirmation; its session stays, without a room', async () => {
    const id = await createRoom('Raum zum Löschen');
    const session = await api(app.url, 'POST', `/api/conferences/${SLUG}/sessions`, {
      token: organiser.token,
      body: { kind: 'forum', title: 'Sitzung im gelöschten Raum', start: '2020-09-21T19:00', end: '2020-09-21T20:00', roomId: id, livestream: false, force: true },
    });
    expect(session.status).toBe(201);
    const { context, page } = await openRoomsTab({ width: 1280, height: 900 });
    try {
      const row = page.locator(`li[data-room-id="${id}"]`);
      await row.getByRole('button', { name: 'Bearbeiten: Raum zum Löschen' }).click();
      const editor = row.locator('.session-editor');
      await editor.getByRole('button', { name: 'Raum löschen' }).click();
      const confirm = editor.getByRole('group', { name: 'Raum „Raum zum Löschen“ endgültig löschen?' });
      await confirm.waitFor(WAIT);
      expect(await roomRow(id)).toBeDefined(); // asking deletes nothing
      await confirm.getByRole('button', { name: 'Ja' }).click();
      await page.getByRole('status').getByText('Raum „Raum zum Löschen“ gelöscht.').waitFor(WAIT);
      await row.waitFor({ state: 'detached', ...WAIT });
      expect(await focusedText(page)).toBe('Räume');

      expect(await roomRow(id)).toBeUndefined();
      const listed = (await api(app.url, 'GET', `/api/conferences/${SLUG}/rooms`)).body as { id: string }[];
      expect(listed.map((r) => r.id)).not.toContain(id);
      const [kept] = await app.podium.dataSource.query('SELECT room_id FROM session WHERE id = $1', [session.body.id]);
      expect(kept).toEqual({ room_id: null });
    } finally {
      await context.close();
    }
  }, 180_000);

  it('creates a track with a colour, renames and recolours it, and deletes it, on a phone', async () => {
    const { context, page } = await openRoomsTab({ width: 360, height: 780 });
    try {
      const form = page.locator('section[aria-labelledby="org-new-track"] form');
      await form.getByLabel('Name', { exact: true }).fill('Klima');
      await form.getByLabel('Farbe', { exact: true }).fill('#2a9d8f');
      await form.getByRole('button', { name: 'Programmstrang hinzufügen', exact: true }).click();
      await form.getByRole('status').getByText('„Klima“ gespeichert.').waitFor(WAIT);
      const created = await trackRow('Klima');
      expect(created.color).toBe('#2a9d8f');

      const list = page.locator('section[aria-labelledby="org-tracks"]');
      const row = list.locator(`li[data-track-id="${created.id}"]`);
      await row.getByRole('button', { name: 'Bearbeiten: Klima' }).click();
      const editor = row.locator('.session-editor');
      await editor.waitFor(WAIT);
      expect(await focusedText(page)).toBe('Programmstrang „Klima“ bearbeiten');
      expect(await editor.getByLabel('Farbe', { exact: true }).inputValue()).toBe('#2a9d8f');
      await editor.getByLabel('Name', { exact: true }).fill('Klima und Verkehr');
      await editor.getByLabel('Farbe', { exact: true }).fill('#e76f51');
      expect(await axeSerious(page, 'organiser-track-editor-de-phone')).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await page.screenshot({ path: screenshotPath('organiser-track-editor-de-phone'), fullPage: true });
      await editor.getByRole('button', { name: 'Speichern', exact: true }).click();
      await list.getByRole('status').getByText('„Klima und Verkehr“ gespeichert.').waitFor(WAIT);
      await row.getByRole('button', { name: 'Bearbeiten: Klima und Verkehr' }).waitFor(WAIT);
      expect(await trackRow('Klima und Verkehr')).toEqual({ id: created.id, color: '#e76f51' });
      expect(await trackRow('Klima')).toBeUndefined();

      await row.getByRole('button', { name: 'Bearbeiten: Klima und Verkehr' }).click();
      await editor.getByRole('button', { name: 'Programmstrang löschen' }).click();
      const confirm = editor.getByRole('group', { name: 'Programmstrang „Klima und Verkehr“ endgültig löschen?' });
      await confirm.waitFor(WAIT);
      await confirm.getByRole('button', { name: 'Ja' }).click();
      await list.getByRole('status').getByText('Programmstrang „Klima und Verkehr“ gelöscht.').waitFor(WAIT);
      await row.waitFor({ state: 'detached', ...WAIT });
      const tracks = (await api(app.url, 'GET', `/api/conferences/${SLUG}/tracks`)).body as { id: string }[];
      expect(tracks.map((t) => t.id)).not.toContain(created.id);
    } finally {
      await context.close();
    }
  }, 180_000);
});
