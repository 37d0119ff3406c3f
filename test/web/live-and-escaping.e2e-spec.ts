/**
 * Real Chromium against the real api (no media):
 * - a display name and a fishbowl topic that look like HTML are shown as text, never parsed, in
 *   the attendee's view and in the moderator console (incl. the console's stage list);
 * - a removed person is listed in the console and can be allowed back in;
 * - a delay set through the api reaches an open programme page over /programme without reload.
 */
import { io } from 'socket.io-client';
import type { FishbowlAck, FishbowlJoinAck } from '@podium/contracts';
import { api, startTestApp, type TestApp } from '../support/app';
import { launchBrowser, screenshotPath, type TestBrowser } from '../support/browser';
import { signIn } from '../support/people';
import { axeSerious, prepareContext, settle } from './helpers';
import type { Page } from 'playwright-core';

const SLUG = 'buko-2020';
const EVIL = '<img src=x onerror="window.__xss=1">';

/** The literal markup is visible as text, no element was made of it, and its handler never ran. */
async function expectInert(page: Page, where: string): Promise<void> {
  await page.getByText(EVIL, { exact: false }).first().waitFor({ state: 'visible', timeout: 15_000 });
  const found = await page.evaluate(() => ({
    xss: (window as unknown as { __xss?: unknown }).__xss,
    imgs: [...document.querySelectorAll('img')].filter((i) => i.getAttribute('src') === 'x' || i.hasAttribute('onerror')).length,
    injected: document.querySelectorAll('[onerror]').length,
  }));
  expect({ where, ...found }).toEqual({ where, xss: undefined, imgs: 0, injected: 0 });
}

describe('web: markup stays text, programme changes arrive live (Chromium)', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let organiser: { token: string; personId: string };
  let moderator: { token: string; personId: string };

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startTestApp('web-live-escaping', { livekit: false });
    organiser = await signIn(app, 'organiser', 'Olga Organisatorin', SLUG);
    moderator = await signIn(app, 'moderator', 'Moritz Moderator', SLUG);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  /** A session of today's programme, created through the api like an organiser would. */
  async function createSession(kind: string, title: string, startInMinutes: number, extra: Record<string, unknown> = {}): Promise<string> {
    const start = new Date(Date.now() + startInMinutes * 60_000).toISOString();
    const end = new Date(Date.now() + (startInMinutes + 90) * 60_000).toISOString();
    const res = await api(app.url, 'POST', `/api/conferences/${SLUG}/sessions`, { token: organiser.token, body: { kind, title, start, end, livestream: true, force: true, ...extra } });
    if (res.status !== 201 && res.status !== 200) throw new Error(`create session: ${res.status} ${JSON.stringify(res.body)}`);
    return (res.body.session ?? res.body).id;
  }

  it('shows a display name and a topic that look like HTML as text for the attendee and the moderator', async () => {
    // One asks for a seat (name and topic in the queue); a namesake is a speaker of the session, so
    // the console's stage list names them too (speakers hold fixed chairs and cannot ask).
    const evil = await signIn(app, 'attendee', EVIL, SLUG);
    const namesake = await signIn(app, 'attendee', EVIL, SLUG);
    const sessionId = await createSession('fishbowl', 'Fishbowl mit spitzen Klammern', -5);
    await app.podium.dataSource.query(`INSERT INTO session_person (session_id, person_id, role) VALUES ($1, $2, 'speaker') ON CONFLICT DO NOTHING`, [sessionId, namesake.personId]);
    await app.podium.dataSource.query(`UPDATE session SET status = 'live' WHERE id = $1`, [sessionId]);

    const socket = io(`${app.url}/fishbowl`, { auth: { token: evil.token }, transports: ['websocket'] });
    try {
      const joined: FishbowlJoinAck = await socket.timeout(10_000).emitWithAck('fishbowl:join', { sessionId });
      expect(joined.ok).toBe(true);
      if (joined.ok && joined.view.status === 'draft') {
        const chair = io(`${app.url}/fishbowl`, { auth: { token: moderator.token }, transports: ['websocket'] });
        try {
          const started: FishbowlAck = await chair.timeout(10_000).emitWithAck('fishbowl:start', { sessionId, expectedVersion: joined.view.version });
          expect(started.ok).toBe(true);
        } finally {
          chair.disconnect();
        }
      }
      const asked: FishbowlAck = await socket.timeout(10_000).emitWithAck('fishbowl:ask', { sessionId, where: 'remote', topic: EVIL });
      expect(asked).toEqual(expect.objectContaining({ ok: true }));
    } finally {
      socket.disconnect();
    }

    const attendee = await browser.newPage({ width: 360, height: 780 });
    try {
      await prepareContext(attendee.context, { token: evil.token, displayName: EVIL, lang: 'de' });
      await attendee.page.goto(`${app.url}/c/${SLUG}/s/${sessionId}/live`);
      await settle(attendee.page);
      await attendee.page.locator('.queue').getByText(EVIL, { exact: false }).first().waitFor({ timeout: 15_000 });
      await expectInert(attendee.page, 'attendee');
      await attendee.page.screenshot({ path: screenshotPath('escaping-attendee-de-phone'), fullPage: true });
    } finally {
      await attendee.context.close();
    }

    const console_ = await browser.newPage({ width: 1280, height: 900 });
    try {
      await prepareContext(console_.context, { token: moderator.token, displayName: 'Moritz Moderator', lang: 'de' });
      await console_.page.goto(`${app.url}/c/${SLUG}/s/${sessionId}/moderation`);
      await settle(console_.page);
      await console_.page.locator('.queue').getByText(EVIL, { exact: false }).first().waitFor({ timeout: 15_000 });
      const stageRow = console_.page.locator(`.stage-people__row[data-person="${namesake.personId}"]`);
      await stageRow.getByText(EVIL, { exact: true }).waitFor({ timeout: 15_000 });
      await expectInert(console_.page, 'moderator console');
      await console_.page.screenshot({ path: screenshotPath('escaping-console-de-desktop'), fullPage: true });
    } finally {
      await console_.context.close();
    }
  }, 180_000);

  it('puts a named person on and off stage and locks the room from the console, with feedback', async () => {
    const speaker = await signIn(app, 'attendee', 'Sina Sprecherin', SLUG);
    const sessionId = await createSession('panel', 'Podium mit Bühnenwechsel', -5);
    await app.podium.dataSource.query(`INSERT INTO session_person (session_id, person_id, role) VALUES ($1, $2, 'speaker') ON CONFLICT DO NOTHING`, [sessionId, speaker.personId]);
    const { context, page } = await browser.newPage({ width: 1280, height: 900 });
    try {
      await prepareContext(context, { token: moderator.token, displayName: 'Moritz Moderator', lang: 'de' });
      await page.goto(`${app.url}/c/${SLUG}/s/${sessionId}/moderation`);
      await settle(page);
      const row = page.locator(`.stage-people__row[data-person="${speaker.personId}"]`);
      await row.getByText('auf der Bühne', { exact: true }).waitFor({ timeout: 15_000 });
      // Keyboard only: focus the button and press Enter; focus stays on it after the change.
      const toggle = row.getByRole('button', { name: /^Von der Bühne nehmen\W+Sina Sprecherin$/ });
      await toggle.focus();
      await page.keyboard.press('Enter');
      await page.getByText('Sina Sprecherin ist nicht mehr auf der Bühne.', { exact: false }).waitFor({ timeout: 15_000 });
      await row.getByRole('button', { name: /^Auf die Bühne holen\W+Sina Sprecherin$/ }).waitFor();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Auf die Bühne holen');
      const [assignment] = await app.podium.dataSource.query('SELECT on_stage FROM stage_assignment WHERE session_id = $1 AND person_id = $2', [sessionId, speaker.personId]);
      expect(assignment.on_stage).toBe(false);

      await page.getByRole('button', { name: 'Raum sperren' }).click();
      await page.getByText('Der Raum ist gesperrt: Nur Moderation', { exact: false }).waitFor({ timeout: 15_000 });
      const [room] = await app.podium.dataSource.query('SELECT locked FROM livestream_room WHERE session_id = $1', [sessionId]);
      expect(room.locked).toBe(true);
      expect(await page.getByTestId('room-lock-state').innerText()).toBe('Der Raum ist gesperrt.');
      expect(await axeSerious(page, 'console-stage-lock-de-desktop')).toEqual([]);

      await page.getByRole('button', { name: 'Raum öffnen' }).click();
      await page.getByText('Der Raum ist wieder offen.').waitFor({ timeout: 15_000 });
    } finally {
      await context.close();
    }
  }, 120_000);

  it('lists a removed person in the console and lets the moderator allow them back in', async () => {
    const removed = await signIn(app, 'attendee', 'Rudi Rausgeworfen', SLUG);
    const sessionId = await createSession('forum', 'Forum mit Ordnungsruf', -5);
    const ban = await api(app.url, 'DELETE', `/api/sessions/${sessionId}/participants/${removed.personId}`, { token: moderator.token });
    expect(ban.body).toMatchObject({ banned: true });
    const { context, page } = await browser.newPage({ width: 1280, height: 900 });
    try {
      await prepareContext(context, { token: moderator.token, displayName: 'Moritz Moderator', lang: 'de' });
      await page.goto(`${app.url}/c/${SLUG}/s/${sessionId}/moderation`);
      await settle(page);
      const panel = page.locator('.removed-people');
      await panel.locator('strong', { hasText: 'Rudi Rausgeworfen' }).waitFor({ timeout: 15_000 });
      expect(await axeSerious(page, 'console-removed-de-desktop')).toEqual([]);
      await panel.getByRole('button', { name: /^Wieder zulassen\W+Rudi Rausgeworfen$/ }).click();
      await page.getByText('Rudi Rausgeworfen darf wieder teilnehmen.').waitFor({ timeout: 15_000 });
      await panel.waitFor({ state: 'detached', timeout: 15_000 });
      expect(await app.podium.dataSource.query('SELECT 1 FROM livestream_ban WHERE session_id = $1', [sessionId])).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('shows a delay set through the api on an open programme page without reload', async () => {
    const sessionId = await createSession('keynote', 'Keynote mit Verspätung', 60);
    const { context, page } = await browser.newPage({ width: 1280, height: 900 });
    try {
      await prepareContext(context, { lang: 'de' });
      await page.goto(`${app.url}/c/${SLUG}`);
      await settle(page);
      const card = page.locator(`[data-session-id="${sessionId}"]`);
      await card.waitFor({ timeout: 15_000 });
      await page.locator('.programme-link[data-status="connected"]').waitFor({ state: 'attached', timeout: 15_000 });
      const before = await card.locator('time').first().getAttribute('datetime');
      // A marker that a reload would wipe.
      await page.evaluate(() => ((window as unknown as { __stillHere?: boolean }).__stillHere = true));

      const res = await api(app.url, 'POST', `/api/sessions/${sessionId}/delay`, { token: moderator.token, body: { minutes: 10 } });
      expect([200, 201]).toContain(res.status);

      await card.getByText('läuft 10 Minuten später').waitFor({ timeout: 15_000 });
      const after = await card.locator('time').first().getAttribute('datetime');
      expect(Date.parse(after!) - Date.parse(before!)).toBe(10 * 60_000);
      await page.getByRole('status').getByText('„Keynote mit Verspätung“ läuft 10 Minuten später', { exact: false }).waitFor({ timeout: 5_000 });
      expect(await page.evaluate(() => (window as unknown as { __stillHere?: boolean }).__stillHere)).toBe(true);
      expect(await axeSerious(page, 'programme-delayed-de-desktop')).toEqual([]);
      await page.screenshot({ path: screenshotPath('programme-delayed-de-desktop'), fullPage: true });
    } finally {
      await context.close();
    }
  }, 120_000);
});
