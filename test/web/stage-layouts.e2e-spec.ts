/**
 * Stage layouts (issue 16) in real Chromium against the real api, PostgreSQL and LiveKit: the moderator
 * switches the layout with the keyboard in the console; the console's preview and an open viewer's stage
 * change (which tiles are large, in chair order, lower thirds), the viewer hears the change politely; a viewer who comes later
 * and a reloaded page get the stored layout; only the session's moderation may choose, and a bad
 * layout is refused and changes nothing; axe clean.
 */
import type { Page } from 'playwright-core';
import { api, type TestApp } from '../support/app';
import { screenshotPath } from '../support/browser';
import { addToSession, createSession } from '../livestream/fixtures';
import { signIn } from '../support/people';
import { SLUG, startConferencePages, type ConferencePages, type Person } from './conference-pages';
import { axeSerious, settle, type AxeFinding } from './helpers';

const WAIT = { timeout: 30_000 };

describe('stage layouts in the browser (Chromium + LiveKit)', () => {
  let pages: ConferencePages;
  let app: TestApp;
  let sessionId: string;
  let moderator: Person;
  let speaker: Person;
  let viewer: Person;
  let latecomer: Person;

  beforeAll(async () => {
    pages = await startConferencePages('web-layouts');
    app = pages.app;
    moderator = await signIn(app, 'moderator', 'Mona Moderatorin', SLUG);
    speaker = await signIn(app, 'attendee', 'Sina Sprecherin', SLUG);
    viewer = await signIn(app, 'attendee', 'Viktor Zuschauer', SLUG);
    latecomer = await signIn(app, 'attendee', 'Lotte Später', SLUG);
    const db = app.podium.dataSource;
    await db.query(`UPDATE person SET function = 'Referentin für Wohnungspolitik' WHERE id = $1`, [speaker.personId]);
    await db.query(`UPDATE person SET function = 'Moderation' WHERE id = $1`, [moderator.personId]);
    sessionId = await createSession(app, { title: 'Podium zur Wohnungsfrage', endsInMinutes: 120 });
    // Chair order: the speaker first, then the moderator.
    await addToSession(app, sessionId, speaker.personId, 'speaker', 0);
    await addToSession(app, sessionId, moderator.personId, 'moderator', 1);
  }, 120_000);

  afterAll(async () => {
    await pages?.stop();
  });

  const opened: { name: string; page: Page }[] = [];
  /** A German page at `/c/<slug>/<path>`, kept for the screenshots of a failure. */
  async function open(person: Person, name: string, path: string): Promise<Page> {
    const page = await pages.open(person, name, 'de', path);
    opened.push({ name, page });
    return page;
  }
  const stage = (page: Page) => page.getByTestId('stage');
  const identities = (page: Page, part: 'main' | 'strip') => page.locator(`[data-testid="stage"] .stage__${part} [data-testid="stage-tile"]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-identity')));
  const storedLayout = async () => (await app.podium.dataSource.query('SELECT layout FROM livestream_room WHERE session_id = $1', [sessionId]))[0]?.layout;

  it('the moderator switches the layout by keyboard; open, reloaded and later viewers follow; axe clean', async () => {
    const findings: AxeFinding[] = [];
    const live = `s/${sessionId}/live`;
    try {
      const mod = await open(moderator, 'moderator', `s/${sessionId}/moderation`);
      const choice = mod.getByRole('group', { name: 'Bühnenansicht für alle' });
      await choice.waitFor(WAIT);
      await stage(mod).and(mod.locator('[data-layout="speaker"]')).waitFor(WAIT);
      expect(await choice.getByRole('radio', { name: 'Sprechende Person groß' }).isChecked()).toBe(true);
      await open(speaker, 'speaker', live);
      const v = await open(viewer, 'viewer', live);

      // Speaker focus (the default): one tile large, the other small.
      await stage(v).and(v.locator('[data-layout="speaker"]')).waitFor(WAIT);
      await v.locator(`.stage__strip [data-identity]`).first().waitFor(WAIT);
      await v.waitForFunction(() => document.querySelectorAll('[data-testid="stage"] [data-testid="stage-tile"]').length === 2, undefined, WAIT);
      expect((await identities(v, 'main')).length).toBe(1);
      expect((await identities(v, 'strip')).length).toBe(1);
      expect(await v.getByTestId('stage-layout-name').innerText()).toBe('Ansicht: Sprechende Person groß');
      expect(await v.getByTestId('stage-layout-announce').innerText()).toBe('');

      // Keyboard: the checked radio, then ↓ chooses "Podium".
      await choice.getByRole('radio', { name: 'Sprechende Person groß' }).focus();
      await mod.keyboard.press('ArrowDown');
      await mod.getByText('Alle sehen jetzt die Ansicht „Podium“.').waitFor(WAIT);
      expect(await choice.getByRole('radio', { name: 'Podium' }).isChecked()).toBe(true);
      expect(await mod.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('panel');
      expect(await storedLayout()).toBe('panel');

      // The viewer's stage changes without reload: every chair large, in chair order, with name and function.
      await v.locator('[data-testid="stage"][data-layout="panel"]').waitFor(WAIT);
      expect(await identities(v, 'main')).toEqual([speaker.personId, moderator.personId]);
      expect(await identities(v, 'strip')).toEqual([]);
      expect(await v.locator(`.stage__main [data-identity="${speaker.personId}"] .stage-tile__lower-third`).innerText()).toMatch(/^Sina Sprecherin\s+Referentin für Wohnungspolitik/);
      // The console's preview follows the same layout, in the same chair order, and announces nothing itself.
      await stage(mod).and(mod.locator('[data-layout="panel"]')).waitFor(WAIT);
      expect(await identities(mod, 'main')).toEqual([speaker.personId, moderator.personId]);
      expect(await mod.getByTestId('stage-layout-name').innerText()).toBe('Ansicht: Podium');
      expect(await mod.getByTestId('stage-layout-announce').count()).toBe(0);
      const announce = v.getByTestId('stage-layout-announce');
      expect([await announce.getAttribute('role'), await announce.innerText()]).toEqual(['status', 'Die Bühnenansicht ist jetzt: Podium.']);
      await v.screenshot({ path: screenshotPath('layouts-panel-viewer-de-1280'), fullPage: true });
      await mod.screenshot({ path: screenshotPath('layouts-console-de-1280'), fullPage: true });
      findings.push(...(await axeSerious(v, 'layouts-panel-viewer')), ...(await axeSerious(mod, 'layouts-console')));

      // Someone who comes later, and a reload, see the stored layout at once (nothing announced).
      const late = await open(latecomer, 'latecomer', live);
      await late.locator('[data-testid="stage"][data-layout="panel"]').waitFor(WAIT);
      expect(await late.getByTestId('stage-layout-announce').innerText()).toBe('');
      await v.reload();
      await settle(v);
      await v.locator('[data-testid="stage"][data-layout="panel"]').waitFor(WAIT);

      // Presentation without a screen share: the speaker focus stands in (one large tile); both viewers follow.
      await choice.getByRole('radio', { name: 'Podium' }).focus();
      await mod.keyboard.press('ArrowDown');
      await mod.getByText('Alle sehen jetzt die Ansicht „Präsentation“.').waitFor(WAIT);
      await stage(mod).and(mod.locator('[data-layout="presentation"]')).waitFor(WAIT);
      for (const page of [v, late]) {
        await page.locator('[data-testid="stage"][data-layout="presentation"]').waitFor(WAIT);
        await page.getByTestId('stage-layout-announce').getByText('Die Bühnenansicht ist jetzt: Präsentation.').waitFor(WAIT);
        expect((await identities(page, 'main')).length).toBe(1);
      }
      expect(await storedLayout()).toBe('presentation');
      expect(findings).toEqual([]);
    } catch (error) {
      for (const { name, page } of opened) await page.screenshot({ path: screenshotPath(`layouts-failed-${name}`), fullPage: true }).catch(() => undefined);
      throw error;
    }
  }, 240_000);

  it('only the session moderation may choose; a bad layout is refused by name and changes nothing', async () => {
    const before = await storedLayout();
    const refused = await api(app.url, 'POST', `/api/sessions/${sessionId}/layout`, { token: viewer.token, body: { layout: 'panel' } });
    expect(refused.status).toBe(403);
    const bad = await api(app.url, 'POST', `/api/sessions/${sessionId}/layout`, { token: moderator.token, body: { layout: 'grid' } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('layout');
    const missing = await api(app.url, 'POST', `/api/sessions/${sessionId}/layout`, { token: moderator.token, body: {} });
    expect(missing.status).toBe(400);
    expect(await storedLayout()).toBe(before);
    const ok = await api(app.url, 'POST', `/api/sessions/${sessionId}/layout`, { token: moderator.token, body: { layout: 'speaker' } });
    expect([ok.status, ok.body]).toEqual([200, { layout: 'speaker', applied: true }]);
    expect(await storedLayout()).toBe('speaker');
    const grant = await api(app.url, 'POST', `/api/sessions/${sessionId}/join`, { token: viewer.token, body: {} });
    expect([grant.status, grant.body.layout]).toEqual([200, 'speaker']);
  }, 60_000);
});
