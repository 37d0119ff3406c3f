/**
 * The organiser's programme grid in real Chromium against the real api (no media), buko-2020
 * (Europe/Berlin, 2020-09-21, CEST = UTC+2; rooms Plenum, Forum 1, Forum 2, Forum 3), at 1280 px:
 * - a pointer drag moves a session to another room and time, the bottom edge changes its duration, a
 *   session without a room is dropped in (the database rows are checked);
 * - a conflicting drop shows the conflict while dragging and asks; "Trotzdem speichern" writes anyway;
 * - a keyboard-only move (Enter, arrows, Shift+arrows, Enter), with announcements, axe-clean;
 * - two browser contexts see each other's change live; a stale keyboard move is refused with what changed;
 * - English on a 360 px phone: no page overflow (the grid scrolls in its box), axe clean.
 */
import type { Page } from 'playwright-core';
import type { TestApp } from '../support/app';
import { screenshotPath, type TestBrowser } from '../support/browser';
import { signIn } from '../support/people';
import { createSessionAs, gridBlock as block, openOrganiserGrid, roomIds, SLUG, startConferencePages, storedSession, WAIT, type ConferencePages, type Person } from './conference-pages';
import { axeSerious, prepareContext, settle } from './helpers';

const DAY = '2020-09-21';

describe('web: the programme grid (Chromium)', () => {
  let pages: ConferencePages;
  let app: TestApp;
  let browser: TestBrowser;
  let organiser: Person;
  let rooms: Map<string, string>;

  beforeAll(async () => {
    pages = await startConferencePages('web-programme-grid', { livekit: false });
    ({ app, browser } = pages);
    organiser = await signIn(app, 'organiser', 'Olga Organisatorin', SLUG);
    rooms = await roomIds(app);
  }, 120_000);

  afterAll(async () => {
    await pages?.stop();
  });

  /** A session on the conference day at local wall times; no room when `room` is null. */
  const createSession = (title: string, start: string, end: string, room: string | null) =>
    createSessionAs(app, organiser, title, `${DAY}T${start}`, `${DAY}T${end}`, room ? rooms.get(room) : undefined);

  const stored = (id: string) => storedSession(app, id);

  const openGrid = () => openOrganiserGrid(pages, organiser);

  async function boxOf(page: Page, selector: string) {
    const box = await page.locator(selector).boundingBox();
    if (!box) throw new Error(`no box for ${selector}`);
    return box;
  }
  /** Width of one room column, read from the page. */
  const columnWidth = async (page: Page) => (await boxOf(page, `.grid-board__column[data-room-id="${rooms.get('Forum 1')}"]`)).width;

  async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, beforeUp?: () => Promise<void>) {
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 8 });
    if (beforeUp) await beforeUp();
    await page.mouse.up();
  }

  it('moves a session to another room and time by dragging, and changes a duration by its bottom edge', async () => {
    const moved = await createSession('Raster: verschieben', '17:00', '18:00', 'Forum 1');
    const resized = await createSession('Raster: verlängern', '17:00', '18:00', 'Forum 3');
    const { context, page } = await openGrid();
    try {
      await block(page, moved).scrollIntoViewIfNeeded();
      expect(await block(page, moved).textContent()).toContain('17:00–18:00');
      const a = await boxOf(page, `.grid-session[data-session-id="${moved}"]`);
      const width = await columnWidth(page);
      // One column right, 60 px down: 2 px a minute, so 30 minutes later.
      await drag(page, { x: a.x + a.width / 2, y: a.y + 8 }, { x: a.x + a.width / 2 + width, y: a.y + 8 + 60 });
      await page.getByTestId('grid-status').getByText('„Raster: verschieben“ verschoben: Forum 2, 17:30–18:30.').waitFor(WAIT);
      expect(await stored(moved)).toEqual({ start: '2020-09-21T15:30:00.000Z', end: '2020-09-21T16:30:00.000Z', roomId: rooms.get('Forum 2') });

      const b = await boxOf(page, `.grid-session[data-session-id="${resized}"] [data-testid="grid-resize"]`);
      await drag(page, { x: b.x + b.width / 2, y: b.y + b.height / 2 }, { x: b.x + b.width / 2, y: b.y + b.height / 2 + 61 });
      await page.getByTestId('grid-status').getByText('„Raster: verlängern“ verschoben: Forum 3, 17:00–18:30.').waitFor(WAIT);
      expect(await stored(resized)).toEqual({ start: '2020-09-21T15:00:00.000Z', end: '2020-09-21T16:30:00.000Z', roomId: rooms.get('Forum 3') });
      await page.screenshot({ path: screenshotPath('programme-grid-de-1280'), fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('drops a session without a room into a room column', async () => {
    const id = await createSession('Raster: ohne Raum', '10:00', '11:00', null);
    const { context, page } = await openGrid();
    try {
      const item = page.locator(`.grid-unplaced__item[data-session-id="${id}"]`);
      await item.scrollIntoViewIfNeeded();
      const from = await item.boundingBox();
      const columns = await boxOf(page, '[data-testid="grid-columns"]');
      const forum3 = await boxOf(page, `.grid-board__column[data-room-id="${rooms.get('Forum 3')}"]`);
      // 18:30 lies (18:30 − 08:00) × 2 px = 1260 px below the top of the columns.
      const target = { x: forum3.x + forum3.width / 2, y: columns.y + 1260 };
      expect(target.y).toBeGreaterThan(0);
      await drag(page, { x: from!.x + 10, y: from!.y + from!.height / 2 }, target, async () => {
        expect(await page.getByTestId('grid-ghost').textContent()).toContain('18:30–19:30');
      });
      await page.getByTestId('grid-status').getByText('„Raster: ohne Raum“ verschoben: Forum 3, 18:30–19:30.').waitFor(WAIT);
      expect(await stored(id)).toEqual({ start: '2020-09-21T16:30:00.000Z', end: '2020-09-21T17:30:00.000Z', roomId: rooms.get('Forum 3') });
      await item.waitFor({ state: 'detached', ...WAIT });
    } finally {
      await context.close();
    }
  });

  it('shows a conflict while dragging, asks on the drop, and writes only after "Trotzdem speichern"', async () => {
    const mover = await createSession('Raster: Konflikt', '19:00', '19:30', 'Forum 1');
    const taken = await createSession('Raster: belegt', '19:00', '19:30', 'Forum 2');
    const { context, page } = await openGrid();
    try {
      await block(page, mover).scrollIntoViewIfNeeded();
      const a = await boxOf(page, `.grid-session[data-session-id="${mover}"]`);
      const width = await columnWidth(page);
      await drag(page, { x: a.x + a.width / 2, y: a.y + 8 }, { x: a.x + a.width / 2 + width, y: a.y + 8 }, async () => {
        const live = page.getByTestId('grid-live-conflicts');
        await live.waitFor(WAIT);
        expect(await live.textContent()).toContain('Raster: belegt');
        expect(await block(page, taken).getAttribute('class')).toContain('grid-session--clash');
      });
      const ask = page.getByTestId('session-conflicts');
      await ask.waitFor(WAIT);
      expect(await ask.textContent()).toContain('Der Raum ist zur selben Zeit mit „Raster: belegt“ belegt.');
      expect(await stored(mover)).toMatchObject({ roomId: rooms.get('Forum 1') });
      expect(await axeSerious(page, 'programme-grid-conflict-de')).toEqual([]);
      await page.screenshot({ path: screenshotPath('programme-grid-conflict-de-1280'), fullPage: true });
      await ask.getByRole('button', { name: 'Trotzdem speichern' }).click();
      await page.getByTestId('grid-status').getByText('„Raster: Konflikt“ verschoben: Forum 2, 19:00–19:30.').waitFor(WAIT);
      expect(await stored(mover)).toEqual({ start: '2020-09-21T17:00:00.000Z', end: '2020-09-21T17:30:00.000Z', roomId: rooms.get('Forum 2') });
    } finally {
      await context.close();
    }
  });

  it('moves and resizes with the keyboard only, announcing each step, axe-clean', async () => {
    const id = await createSession('Raster: Tastatur', '18:00', '18:30', 'Plenum');
    const { context, page } = await openGrid();
    try {
      const b = block(page, id);
      expect(await b.getAttribute('aria-describedby')).toBe('grid-help');
      await b.focus();
      await page.keyboard.press('Enter');
      const status = page.getByTestId('grid-status');
      await status.getByText('„Raster: Tastatur“ aufgenommen: Plenum, 18:00–18:30.', { exact: false }).waitFor(WAIT);
      expect(await b.getAttribute('aria-pressed')).toBe('true');
      await page.keyboard.press('ArrowRight');
      await status.getByText('Forum 1, 18:00–18:30', { exact: true }).waitFor(WAIT);
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Shift+ArrowDown');
      await page.keyboard.press('Shift+ArrowDown');
      await status.getByText('Forum 1, 18:15–18:55', { exact: true }).waitFor(WAIT);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-session-id'))).toBe(id);
      expect(await axeSerious(page, 'programme-grid-keyboard-de')).toEqual([]);
      await page.keyboard.press('Enter');
      await status.getByText('„Raster: Tastatur“ verschoben: Forum 1, 18:15–18:55.').waitFor(WAIT);
      expect(await stored(id)).toEqual({ start: '2020-09-21T16:15:00.000Z', end: '2020-09-21T16:55:00.000Z', roomId: rooms.get('Forum 1') });

      // Escape puts a picked-up session back without writing.
      await b.focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Escape');
      await status.getByText('Verschieben von „Raster: Tastatur“ abgebrochen.').waitFor(WAIT);
      expect(await b.textContent()).toContain('18:15–18:55');
      expect(await stored(id)).toMatchObject({ start: '2020-09-21T16:15:00.000Z' });
      // Tab away from a picked-up session puts it back too.
      await b.focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('Tab');
      await status.getByText('Verschieben von „Raster: Tastatur“ abgebrochen.').waitFor(WAIT);
      expect(await b.getAttribute('aria-pressed')).toBe('false');
      expect(await b.textContent()).toContain('18:15–18:55');
    } finally {
      await context.close();
    }
  });

  it('shows one organiser\'s move to another at once, and refuses a move based on a stale placement with what changed', async () => {
    const shared = await createSession('Raster: gemeinsam', '08:00', '08:30', 'Forum 3');
    const first = await openGrid();
    const second = await openGrid();
    try {
      const a = await boxOf(first.page, `.grid-session[data-session-id="${shared}"]`);
      await drag(first.page, { x: a.x + a.width / 2, y: a.y + 8 }, { x: a.x + a.width / 2, y: a.y + 8 + 120 });
      await first.page.getByTestId('grid-status').getByText('„Raster: gemeinsam“ verschoben: Forum 3, 09:00–09:30.').waitFor(WAIT);
      // The second organiser's grid follows without reload.
      await second.page.waitForFunction((id) => document.querySelector(`.grid-session[data-session-id="${id}"]`)?.textContent?.includes('09:00–09:30'), shared, WAIT);

      // The second organiser picks it up; meanwhile the first moves it again; the second's drop is stale.
      const b = block(second.page, shared);
      await b.focus();
      await second.page.keyboard.press('Enter');
      await second.page.getByTestId('grid-status').getByText('aufgenommen', { exact: false }).waitFor(WAIT);
      const c = await boxOf(first.page, `.grid-session[data-session-id="${shared}"]`);
      await drag(first.page, { x: c.x + c.width / 2, y: c.y + 8 }, { x: c.x + c.width / 2, y: c.y + 8 + 60 });
      await first.page.getByTestId('grid-status').getByText('„Raster: gemeinsam“ verschoben: Forum 3, 09:30–10:00.').waitFor(WAIT);
      await second.page.keyboard.press('ArrowDown');
      await second.page.keyboard.press('Enter');
      const stale = second.page.getByTestId('grid-stale');
      await stale.waitFor(WAIT);
      expect(await stale.textContent()).toBe(
        'Nicht gespeichert: „Raster: gemeinsam“ wurde inzwischen von jemand anderem geändert (Beginn, Ende).Jetzt: Forum 3, Montag, 21. September 2020, 09:30–10:00. Das Raster zeigt den neuen Stand.',
      );
      expect(await stored(shared)).toEqual({ start: '2020-09-21T07:30:00.000Z', end: '2020-09-21T08:00:00.000Z', roomId: rooms.get('Forum 3') });
      await second.page.waitForFunction((id) => document.querySelector(`.grid-session[data-session-id="${id}"]`)?.textContent?.includes('09:30–10:00'), shared, WAIT);
      expect(await axeSerious(second.page, 'programme-grid-stale-de')).toEqual([]);
      await second.page.screenshot({ path: screenshotPath('programme-grid-stale-de-1280'), fullPage: true });
    } finally {
      await first.context.close();
      await second.context.close();
    }
  });

  it('works in English on a 360 px phone: the grid scrolls inside its box, the page does not overflow, axe clean', async () => {
    const { context, page } = await browser.newPage({ width: 360, height: 780 });
    try {
      await prepareContext(context, { token: organiser.token, displayName: 'Olga Organisatorin', lang: 'en' });
      await page.goto(`${app.url}/c/${SLUG}/organisation/grid`);
      await settle(page);
      await page.getByRole('heading', { name: 'Grid', exact: true }).waitFor(WAIT);
      expect(await page.locator('#grid-help').textContent()).toContain('Enter or Space picks a session up');
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(1);
      expect(await page.evaluate(() => { const b = document.querySelector('.grid-board')!; return b.scrollWidth > b.clientWidth; })).toBe(true);
      expect(await axeSerious(page, 'programme-grid-en-phone')).toEqual([]);
      await page.screenshot({ path: screenshotPath('programme-grid-en-phone'), fullPage: true });
    } finally {
      await context.close();
    }
  });
});
