/**
 * The moderator console under pressure (issue 16), real Chromium against the real api (no media):
 * - the next action (invite the head of the queue) sits first after the skip link: at most 5 Tab
 *   presses from the top of the page to the first "Einladen"; Alt+N runs it, Alt+Q goes to the queue;
 *   the shortcuts are written out on the page;
 * - two columns on a desktop (stage and chairs left, queue right), one column on a tablet in portrait
 *   without horizontal overflow; axe without violations;
 * - "Sitzung starten" is offered before the session is live and gone while it is live;
 * - the seated person sees that they are live; moved off the chair by the moderator they get a visible
 *   notice (a status for screen readers) and focus on it, not on <body>.
 */
import { io, type Socket } from 'socket.io-client';
import type { FishbowlAck, FishbowlJoinAck } from '@podium/contracts';
import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { launchBrowser, screenshotPath, type TestBrowser } from '../support/browser';
import { signIn } from '../support/people';
import { axeSerious, prepareContext, settle } from './helpers';

const SLUG = 'buko-2020';
const WAIT = { timeout: 20_000 };
type Person = { token: string; personId: string };

describe('web: the moderator console (Chromium)', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let moderator: Person;
  let asker: Person;
  let liveId: string;
  const sockets: Socket[] = [];

  async function insertSession(title: string, status: string): Promise<string> {
    const [row] = await app.podium.dataSource.query(
      `INSERT INTO session (conference_id, kind, title, starts_at, ends_at, livestream, status)
       SELECT id, 'fishbowl', $2, now() + interval '1 hour', now() + interval '3 hours', true, $3 FROM conference WHERE slug = $1 RETURNING id`,
      [SLUG, title, status],
    );
    await app.podium.dataSource.query(`INSERT INTO session_person (session_id, person_id, role) VALUES ($1, $2, 'moderator')`, [row.id, moderator.personId]);
    return row.id;
  }

  async function socketOf(person: Person, sessionId: string): Promise<{ socket: Socket; version: number }> {
    const socket = io(`${app.url}/fishbowl`, { auth: { token: person.token }, transports: ['websocket'] });
    sockets.push(socket);
    const joined: FishbowlJoinAck = await socket.timeout(10_000).emitWithAck('fishbowl:join', { sessionId });
    if (!joined.ok) throw new Error(`join: ${JSON.stringify(joined)}`);
    return { socket, version: joined.version };
  }

  async function open(path: string, width: number, height = 900): Promise<Page> {
    const { context, page } = await browser.newPage({ width, height });
    await prepareContext(context, { token: moderator.token, displayName: 'Moritz Moderator', lang: 'de' });
    await page.goto(app.url + path);
    await settle(page);
    return page;
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startTestApp('web-console', { livekit: false });
    moderator = await signIn(app, 'moderator', 'Moritz Moderator', SLUG);
    asker = await signIn(app, 'attendee', 'Frieda Fragend', SLUG);
    liveId = await insertSession('Fishbowl unter Druck', 'live');
    const mod = await socketOf(moderator, liveId);
    const ack: FishbowlAck = await mod.socket.timeout(10_000).emitWithAck('fishbowl:start', { sessionId: liveId, expectedVersion: mod.version });
    if (!ack.ok) throw new Error(`start: ${JSON.stringify(ack)}`);
    const a = await socketOf(asker, liveId);
    const asked: FishbowlAck = await a.socket.timeout(10_000).emitWithAck('fishbowl:ask', { sessionId: liveId, where: 'hall' });
    if (!asked.ok) throw new Error(`ask: ${JSON.stringify(asked)}`);
  }, 120_000);

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await browser?.close();
    await app?.stop();
  });

  it('reaches the first "Einladen" within 5 Tab presses and invites with it', async () => {
    const page = await open(`/c/${SLUG}/s/${liveId}/moderation`, 1280);
    const bar = page.getByRole('region', { name: 'Nächster Schritt' });
    await bar.getByRole('button', { name: 'Einladen: Frieda Fragend' }).waitFor(WAIT);
    await page.locator('body').focus();
    const path: string[] = [];
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      path.push(await page.evaluate(() => (document.activeElement?.textContent ?? '').trim()));
      if (path[i].startsWith('Einladen')) break;
    }
    expect(path.at(-1)).toBe('Einladen: Frieda Fragend');
    expect(path.length).toBeLessThanOrEqual(5);
    await page.screenshot({ path: screenshotPath('console-de-1280'), fullPage: true });
    expect(await axeSerious(page, 'console-de-1280')).toEqual([]);

    await page.keyboard.press('Enter');
    await page.getByText('Frieda Fragend ist eingeladen.').waitFor(WAIT);
    const [row] = await app.podium.dataSource.query(`SELECT count(*)::int AS n FROM fishbowl_event WHERE session_id = $1 AND type = 'guest-invited'`, [liveId]);
    expect(row.n).toBe(1);
    await page.context().close();
  }, 60_000);

  it('lays stage and chairs beside the queue on a desktop, and writes out its shortcuts', async () => {
    const page = await open(`/c/${SLUG}/s/${liveId}/moderation`, 1280);
    const stage = await page.locator('.console__col--stage').boundingBox();
    const queue = await page.locator('.console__col--queue').boundingBox();
    expect(stage && queue && queue.x > stage.x + stage.width - 1 && Math.abs(queue.y - stage.y) < 2).toBe(true);
    expect(await page.locator('.console__col--stage #mod-chairs-heading').count()).toBe(1);
    expect(await page.locator('.console__col--queue #mod-queue-heading').count()).toBe(1);
    await page.getByText('Tastenkürzel').click();
    await page.getByText('Alt+N: nächsten Schritt ausführen').waitFor(WAIT);
    await page.keyboard.press('Alt+KeyQ');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('mod-queue-heading');
    await page.keyboard.press('Alt+KeyC');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('mod-chairs-heading');
    await page.context().close();
  }, 60_000);

  it('is one column on a tablet in portrait, queue first, without overflow', async () => {
    const page = await open(`/c/${SLUG}/s/${liveId}/moderation`, 768, 1024);
    await page.locator('#mod-queue-heading').waitFor(WAIT);
    const stage = await page.locator('.console__col--stage').boundingBox();
    const queue = await page.locator('.console__col--queue').boundingBox();
    expect(stage && queue && queue.y < stage.y && Math.abs(queue.x - stage.x) < 2).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    expect(await axeSerious(page, 'console-de-768')).toEqual([]);
    await page.screenshot({ path: screenshotPath('console-de-768'), fullPage: true });
    await page.context().close();
  }, 60_000);

  it('offers "Sitzung starten" before the session is live, not while it is live', async () => {
    const scheduled = await insertSession('Fishbowl später', 'scheduled');
    const before = await open(`/c/${SLUG}/s/${scheduled}/moderation`, 1280);
    await before.getByRole('button', { name: 'Sitzung starten' }).waitFor(WAIT);
    await before.context().close();
    const live = await open(`/c/${SLUG}/s/${liveId}/moderation`, 1280);
    await live.getByRole('button', { name: 'Sitzung beenden' }).waitFor(WAIT);
    expect(await live.getByRole('button', { name: 'Sitzung starten' }).count()).toBe(0);
    await live.context().close();
  }, 60_000);

  it('tells the seated person they are live, and says so with focus when the moderator moves them off', async () => {
    const sessionId = await insertSession('Fishbowl mit Stuhl', 'live');
    const guest = await signIn(app, 'attendee', 'Selma Sitzend', SLUG);
    const send = async (socket: Socket, event: string, payload: Record<string, unknown>) => {
      const ack: FishbowlAck = await socket.timeout(10_000).emitWithAck(event, { sessionId, ...payload });
      if (!ack.ok) throw new Error(`${event}: ${JSON.stringify(ack)}`);
      return ack.version;
    };
    const mod = await socketOf(moderator, sessionId);
    await send(mod.socket, 'fishbowl:start', { expectedVersion: mod.version });
    const g = await socketOf(guest, sessionId);
    const asked = await send(g.socket, 'fishbowl:ask', { where: 'hall' });
    await send(mod.socket, 'fishbowl:invite', { personId: guest.personId, expectedVersion: asked });
    const seatedAt = await send(g.socket, 'fishbowl:accept', {});

    const { context, page } = await browser.newPage({ width: 360, height: 800 });
    await prepareContext(context, { token: guest.token, displayName: 'Selma Sitzend', lang: 'de' });
    await page.goto(`${app.url}/h/${SLUG}/${sessionId}`);
    await settle(page);
    const onAir = page.getByTestId('on-air');
    await onAir.waitFor(WAIT);
    expect(await onAir.locator('.on-air__badge').innerText()).toBe('LIVE Sie sind live auf dem Podium');
    expect(await onAir.getByTestId('my-chair').innerText()).toMatch(/^Sie sitzen auf Stuhl \d\./);
    expect(await axeSerious(page, 'stage-seated-de-360')).toEqual([]);
    await page.screenshot({ path: screenshotPath('stage-seated-de-360'), fullPage: true });

    await send(mod.socket, 'fishbowl:remove', { personId: guest.personId, expectedVersion: seatedAt });
    const notice = page.getByTestId('moved-off');
    await notice.waitFor(WAIT);
    expect(await notice.getAttribute('role')).toBe('status');
    expect(await notice.innerText()).toBe('Sie sitzen nicht mehr auf dem Podium. Danke für Ihren Beitrag! Sie können sich wieder melden.');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'moved-off', undefined, WAIT);
    expect(await onAir.count()).toBe(0);
    expect(await axeSerious(page, 'stage-moved-off-de-360')).toEqual([]);
    await page.screenshot({ path: screenshotPath('stage-moved-off-de-360'), fullPage: true });
    await context.close();
  }, 60_000);
});
