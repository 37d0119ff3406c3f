/**
 * The programme grid across days, in real Chromium against the real api: buko-2020 made two days long
 * (2020-09-21 and -22, Europe/Berlin, CEST = UTC+2) with a day change at 04:00, as frab/pretalx nights run.
 * - a session at 01:30 on the 22nd sits at the end of the 21st's grid, not on the 22nd;
 * - a session dragged onto the 22nd's day tab shows the conflict there live, asks, and is written to the 22nd;
 * - the keyboard alternative (Enter, PageDown, Enter) moves a session to the next day.
 */
import type { Page } from 'playwright-core';
import type { TestApp } from '../support/app';
import { signIn } from '../support/people';
import { createSessionAs, gridBlock as block, openOrganiserGrid, roomIds, SLUG, startConferencePages, storedSession, WAIT, type ConferencePages, type Person } from './conference-pages';
import { axeSerious } from './helpers';

describe('web: the programme grid across days (Chromium)', () => {
  let pages: ConferencePages;
  let app: TestApp;
  let organiser: Person;
  let rooms: Map<string, string>;

  beforeAll(async () => {
    pages = await startConferencePages('web-grid-days', { livekit: false });
    app = pages.app;
    await app.podium.dataSource.query(`UPDATE conference SET start_date = '2020-09-21', end_date = '2020-09-22', day_change = '04:00' WHERE slug = $1`, [SLUG]);
    organiser = await signIn(app, 'organiser', 'Olga Organisatorin', SLUG);
    rooms = await roomIds(app);
  }, 120_000);

  afterAll(async () => {
    await pages?.stop();
  });

  const createSession = (title: string, start: string, end: string, room: string) => createSessionAs(app, organiser, title, start, end, rooms.get(room));
  const stored = (id: string) => storedSession(app, id);
  const openGrid = () => openOrganiserGrid(pages, organiser);
  const tab = (page: Page, day: string) => page.locator(`[data-grid-day="${day}"]`);

  it('shows a 01:30 session before the 04:00 day change at the end of the day before', async () => {
    const night = await createSession('Raster: Nachtcafé', '2020-09-22T01:30', '2020-09-22T02:30', 'Forum 1');
    const { context, page } = await openGrid();
    try {
      expect(await tab(page, '2020-09-21').getAttribute('aria-pressed')).toBe('true');
      await block(page, night).waitFor(WAIT);
      expect(await block(page, night).textContent()).toContain('01:30–02:30');
      // The grid's hours run on past midnight to the end of the session (02:00 is the last full hour shown).
      expect(await page.locator('.grid-board__gutter span').last().textContent()).toBe('02:00');
      await tab(page, '2020-09-22').click();
      await block(page, night).waitFor({ state: 'detached', ...WAIT });
    } finally {
      await context.close();
    }
  });

  it('drags a session onto the next day\'s tab: the conflict there shows live, the drop asks, the row moves to that day', async () => {
    const mover = await createSession('Raster: Tageswechsel', '2020-09-21T11:00', '2020-09-21T12:00', 'Forum 2');
    await createSession('Raster: Dienstag belegt', '2020-09-22T11:30', '2020-09-22T12:30', 'Forum 2');
    const { context, page } = await openGrid();
    try {
      await block(page, mover).scrollIntoViewIfNeeded();
      const a = await block(page, mover).boundingBox();
      await page.mouse.move(a!.x + a!.width / 2, a!.y + 8);
      await page.mouse.down();
      await tab(page, '2020-09-22').scrollIntoViewIfNeeded();
      const t = await tab(page, '2020-09-22').boundingBox();
      await page.mouse.move(t!.x + t!.width / 2, t!.y + t!.height / 2, { steps: 8 });
      const live = page.getByTestId('grid-live-conflicts');
      await live.waitFor(WAIT);
      expect(await live.textContent()).toContain('Raster: Dienstag belegt');
      expect(await tab(page, '2020-09-22').getAttribute('class')).toContain('grid-days__target');
      await page.mouse.up();
      const ask = page.getByTestId('session-conflicts');
      await ask.waitFor(WAIT);
      expect(await ask.textContent()).toContain('Raster: Dienstag belegt');
      expect(await stored(mover)).toEqual({ start: '2020-09-21T09:00:00.000Z', end: '2020-09-21T10:00:00.000Z', roomId: rooms.get('Forum 2') });
      await ask.getByRole('button', { name: 'Trotzdem speichern' }).click();
      await page.getByTestId('grid-status').getByText('Forum 2, 11:00–12:00', { exact: false }).waitFor(WAIT);
      expect(await stored(mover)).toEqual({ start: '2020-09-22T09:00:00.000Z', end: '2020-09-22T10:00:00.000Z', roomId: rooms.get('Forum 2') });
      await block(page, mover).waitFor({ state: 'detached', ...WAIT });
    } finally {
      await context.close();
    }
  });

  it('moves a session to the next day with the keyboard (Enter, PageDown, Enter), axe-clean', async () => {
    const id = await createSession('Raster: per Taste', '2020-09-21T17:00', '2020-09-21T17:45', 'Forum 3');
    const { context, page } = await openGrid();
    try {
      await block(page, id).focus();
      await page.keyboard.press('Enter');
      const status = page.getByTestId('grid-status');
      await status.getByText('„Raster: per Taste“ aufgenommen', { exact: false }).waitFor(WAIT);
      await page.keyboard.press('PageDown');
      const announced = await status.getByText('Forum 3, 17:00–17:45', { exact: false }).textContent();
      expect(announced).toMatch(/22/); // the day is named in the announcement
      expect(await axeSerious(page, 'programme-grid-days-keyboard-de')).toEqual([]);
      await page.keyboard.press('Enter');
      await status.getByText('„Raster: per Taste“ verschoben', { exact: false }).waitFor(WAIT);
      expect(await stored(id)).toEqual({ start: '2020-09-22T15:00:00.000Z', end: '2020-09-22T15:45:00.000Z', roomId: rooms.get('Forum 3') });
    } finally {
      await context.close();
    }
  });
});
