/**
 * Chairs and presence agree in the moderator console (issue 16), real Chromium against the real api
 * (no media): a fixed panelist who never connected is "abwesend" (not "sitzt seit"), a guest who closed
 * the page is marked "weg – wird übersprungen" after FISHBOWL_AWAY_SECONDS and the next action does not
 * offer to invite them; axe without violations at 1280 and 360 px. A queued guest then stands in for
 * the absent panelist from the console, and the chair is handed back.
 */
import { io, type Socket } from 'socket.io-client';
import type { FishbowlAck, FishbowlJoinAck } from '@podium/contracts';
import { startTestApp, type TestApp } from '../support/app';
import { launchBrowser, screenshotPath, type TestBrowser } from '../support/browser';
import { signIn } from '../support/people';
import { addToSession, createSession } from '../livestream/fixtures';
import { axeSerious, prepareContext, settle } from './helpers';

const SLUG = 'buko-2020';
const WAIT = { timeout: 20_000 };
type Person = { token: string; personId: string };

describe('web: presence on the chairs and in the queue (Chromium)', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let moderator: Person;
  let sessionId: string;
  let stayer: Person;
  const sockets: Socket[] = [];

  async function socketOf(person: Person): Promise<{ socket: Socket; version: number }> {
    const socket = io(`${app.url}/fishbowl`, { auth: { token: person.token }, transports: ['websocket'], reconnection: false });
    sockets.push(socket);
    const joined: FishbowlJoinAck = await socket.timeout(10_000).emitWithAck('fishbowl:join', { sessionId });
    if (!joined.ok) throw new Error(`join: ${JSON.stringify(joined)}`);
    return { socket, version: joined.version };
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startTestApp('web-presence', { livekit: false, env: { FISHBOWL_AWAY_SECONDS: '1', FISHBOWL_AWAY_GRACE_SECONDS: '600' } });
    moderator = await signIn(app, 'moderator', 'Moritz Moderator', SLUG);
    const panelist = await signIn(app, 'speaker', 'Petra Podium', SLUG);
    const leaver = await signIn(app, 'attendee', 'Lena Gegangen', SLUG);
    sessionId = await createSession(app, { kind: 'fishbowl', title: 'Fishbowl mit Lücken', endsInMinutes: 120 });
    await addToSession(app, sessionId, moderator.personId, 'moderator', 0);
    await addToSession(app, sessionId, panelist.personId, 'speaker', 1);
    const mod = await socketOf(moderator);
    const started: FishbowlAck = await mod.socket.timeout(10_000).emitWithAck('fishbowl:start', { sessionId, expectedVersion: mod.version });
    if (!started.ok) throw new Error(`start: ${JSON.stringify(started)}`);
    const l = await socketOf(leaver);
    const asked: FishbowlAck = await l.socket.timeout(10_000).emitWithAck('fishbowl:ask', { sessionId, where: 'remote' });
    if (!asked.ok) throw new Error(`ask: ${JSON.stringify(asked)}`);
    l.socket.disconnect(); // Lena closes the page
    stayer = await signIn(app, 'attendee', 'Sami Stellvertretung', SLUG);
  }, 120_000);

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await browser?.close();
    await app?.stop();
  });

  it.each([1280, 360])('shows the absent panelist and the guest who left at %i px', async (width) => {
    const { context, page } = await browser.newPage({ width, height: 900 });
    await prepareContext(context, { token: moderator.token, displayName: 'Moritz Moderator', lang: 'de' });
    await page.goto(`${app.url}/c/${SLUG}/s/${sessionId}/moderation`);
    await settle(page);
    const panel = page.locator('.chair[data-chair="1"]');
    await panel.locator('strong', { hasText: 'Petra Podium' }).waitFor(WAIT);
    expect((await panel.locator('.badge--gone').textContent())?.trim()).toBe('abwesend');
    expect(await panel.getByText(/sitzt seit/).count()).toBe(0);
    // The moderator's own chair: connected, so seated time and no badge.
    expect(await page.locator('.chair[data-chair="0"] .badge--gone').count()).toBe(0);
    const entry = page.locator('.queue__entry', { hasText: 'Lena Gegangen' });
    await entry.locator('.badge--gone').waitFor(WAIT);
    expect((await entry.locator('.badge--gone').textContent())?.trim()).toBe('weg – wird übersprungen');
    const bar = page.getByRole('region', { name: 'Nächster Schritt' });
    expect(await bar.getByRole('button', { name: /Einladen/ }).count()).toBe(0);
    // Nobody present waits, so nobody is offered as a substitute for Petra.
    expect(await panel.getByRole('button', { name: 'Als Vertretung setzen' }).count()).toBe(0);
    await page.screenshot({ path: screenshotPath(`presence-console-de-${width}`), fullPage: true });
    expect(await axeSerious(page, `presence-console-de-${width}`)).toEqual([]);
    await context.close();
  }, 60_000);

  it('seats a queued guest in place of the absent panelist, then hands the chair back', async () => {
    const s = await socketOf(stayer);
    const asked: FishbowlAck = await s.socket.timeout(10_000).emitWithAck('fishbowl:ask', { sessionId, where: 'hall' });
    if (!asked.ok) throw new Error(`ask: ${JSON.stringify(asked)}`);
    const { context, page } = await browser.newPage({ width: 1280, height: 900 });
    await prepareContext(context, { token: moderator.token, displayName: 'Moritz Moderator', lang: 'de' });
    await page.goto(`${app.url}/c/${SLUG}/s/${sessionId}/moderation`);
    await settle(page);
    const panel = page.locator('.chair[data-chair="1"]');
    await panel.getByLabel('Vertretung für Petra Podium:').selectOption({ label: 'Sami Stellvertretung' });
    await panel.getByRole('button', { name: 'Als Vertretung setzen' }).click();
    await panel.locator('strong', { hasText: 'Sami Stellvertretung' }).waitFor(WAIT);
    const [row] = await app.podium.dataSource.query(`SELECT payload->>'personId' AS who FROM fishbowl_event WHERE session_id = $1 AND type = 'substitute-seated'`, [sessionId]);
    expect(row.who).toBe(stayer.personId);
    expect(await axeSerious(page, 'presence-substitute-de-1280')).toEqual([]);
    await page.screenshot({ path: screenshotPath('presence-substitute-de-1280'), fullPage: true });
    await panel.getByRole('button', { name: 'Stuhl an Petra Podium zurückgeben' }).click();
    await panel.locator('strong', { hasText: 'Petra Podium' }).waitFor(WAIT);
    await context.close();
  }, 60_000);
});
