/**
 * The hall projector view `/p/:conference/:session` in real Chromium against the real api (issue 16):
 * - full screen on a dark stage surface, no header and no controls; who speaks, "Als Nächstes" from
 *   the queue, the speaking timer, the captions slot and a QR code for hall mode; axe without violations;
 * - public like the session page: an anonymous projector shows the session and the QR code but no
 *   queue names (the fishbowl view is for people of the conference); unpublished conferences are 404;
 * - a panel without a fishbowl names its speakers with their function.
 */
import { io, type Socket } from 'socket.io-client';
import type { FishbowlAck, FishbowlJoinAck } from '@podium/contracts';
import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { launchBrowser, screenshotPath, type TestBrowser } from '../support/browser';
import { signIn } from '../support/people';
import { addToSession, createSession } from '../livestream/fixtures';
import { SLUG, WAIT, type Person } from './conference-pages';
import { axeSerious, prepareContext, settle } from './helpers';

describe('web: the hall projector view (Chromium)', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let moderator: Person;
  let seated: Person;
  let waiting: Person;
  let viewer: Person;
  let fishbowlId: string;
  const sockets: Socket[] = [];

  /** A live session around now (the projector shows only what runs), with `people` in their session roles. */
  async function liveSession(kind: 'fishbowl' | 'panel', title: string, people: [string, 'moderator' | 'speaker'][], conference = SLUG): Promise<string> {
    const id = await createSession(app, { conference, kind, title, status: 'live', startsInMinutes: -5, endsInMinutes: 120 });
    for (const [personId, role] of people) await addToSession(app, id, personId, role);
    return id;
  }

  /** One person's fishbowl socket, joined; returns the view's version. */
  async function join(person: Person): Promise<{ socket: Socket; version: number }> {
    const socket = io(`${app.url}/fishbowl`, { auth: { token: person.token }, transports: ['websocket'] });
    sockets.push(socket);
    const joined: FishbowlJoinAck = await socket.timeout(10_000).emitWithAck('fishbowl:join', { sessionId: fishbowlId });
    if (!joined.ok) throw new Error(`join: ${JSON.stringify(joined)}`);
    return { socket, version: joined.version };
  }

  async function send(socket: Socket, event: string, payload: Record<string, unknown>): Promise<number> {
    const ack: FishbowlAck = await socket.timeout(10_000).emitWithAck(event, { sessionId: fishbowlId, ...payload });
    if (!ack.ok) throw new Error(`${event}: ${JSON.stringify(ack)}`);
    return ack.version;
  }

  async function open(person: Person | null, path: string, width = 1280, lang: 'de' | 'en' = 'de'): Promise<Page> {
    const { context, page } = await browser.newPage({ width, height: 800 });
    await prepareContext(context, { token: person?.token, displayName: 'Projektor', lang });
    await page.goto(app.url + path);
    await settle(page);
    return page;
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startTestApp('web-projector', { livekit: false });
    moderator = await signIn(app, 'moderator', 'Moritz Moderator', SLUG);
    seated = await signIn(app, 'attendee', 'Gustav Gastredner', SLUG);
    waiting = await signIn(app, 'attendee', 'Wanda Wartend', SLUG);
    viewer = await signIn(app, 'attendee', 'Saal Projektor', SLUG);
    fishbowlId = await liveSession('fishbowl', 'Fishbowl im großen Saal', [[moderator.personId, 'moderator']]);

    // Gustav asks, is invited and sits down; then Wanda asks and waits: she is next.
    const mod = await join(moderator);
    let version = await send(mod.socket, 'fishbowl:start', { expectedVersion: mod.version });
    const g = await join(seated);
    version = await send(g.socket, 'fishbowl:ask', { where: 'hall', topic: 'Mieten' });
    version = await send(mod.socket, 'fishbowl:invite', { personId: seated.personId, expectedVersion: version });
    await send(g.socket, 'fishbowl:accept', {});
    const w = await join(waiting);
    await send(w.socket, 'fishbowl:ask', { where: 'remote' });
  }, 120_000);

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await browser?.close();
    await app?.stop();
  });

  it('shows who speaks, who is next, the timer, the captions slot and the QR code, full screen and without controls', async () => {
    const page = await open(viewer, `/p/${SLUG}/${fishbowlId}`);
    await page.getByRole('heading', { level: 1, name: 'Fishbowl im großen Saal' }).waitFor(WAIT);
    const speaker = page.locator('.projector__speaker');
    await speaker.getByText('Gustav Gastredner').waitFor(WAIT);
    expect(await speaker.getByRole('heading', { level: 2 }).innerText()).toBe('Es spricht');
    expect(await speaker.locator('.projector__function').innerText()).toBe('Offener Stuhl');
    await page.getByText('Als Nächstes: Wanda Wartend').waitFor(WAIT);
    // The timer counts seconds on the wall: two readings a few seconds apart differ.
    const timer = page.getByTestId('projector-timer');
    const first = await timer.innerText();
    // The default seat time limit (3 min) counts down.
    expect(first).toMatch(/^Restzeit [0-3]:\d\d$/);
    await page.waitForFunction((before) => document.querySelector('[data-testid="projector-timer"]')?.textContent !== before, first, WAIT);

    expect(await page.locator('.projector__captions[data-slot="captions"]').count()).toBe(1);
    const qr = page.locator('.projector__qr img');
    await qr.waitFor(WAIT);
    const hallUrl = `${app.url}/h/${SLUG}/${fishbowlId}`;
    expect(await qr.getAttribute('alt')).toBe(`QR-Code zur Adresse ${hallUrl}`);
    expect(await page.locator('.projector__qr figcaption').innerText()).toContain(hallUrl);
    expect(await page.locator('.projector .badge--live').innerText()).toBe('LIVE');

    // Full screen, dark, nothing to press.
    const chrome = await page.evaluate(() => ({
      header: document.querySelectorAll('header.site-header, footer.site-footer, nav').length,
      controls: document.querySelectorAll('button, input, select, textarea, a[href]').length,
      background: getComputedStyle(document.querySelector('.projector')!).backgroundColor,
      width: document.querySelector('.projector')!.getBoundingClientRect().width,
    }));
    expect(chrome).toEqual({ header: 0, controls: 0, background: 'rgb(16, 20, 24)', width: 1280 });
    expect(await axeSerious(page, 'projector-de-1280')).toEqual([]);
    await page.screenshot({ path: screenshotPath('projector-de-1280'), fullPage: true });
    await page.context().close();
  }, 60_000);

  it('speaks English and fits a narrow screen', async () => {
    const page = await open(viewer, `/p/${SLUG}/${fishbowlId}`, 360, 'en');
    await page.getByText('Up next: Wanda Wartend').waitFor(WAIT);
    expect(await page.locator('.projector__speaker h2').innerText()).toBe('Speaking');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    expect(await axeSerious(page, 'projector-en-360')).toEqual([]);
    await page.screenshot({ path: screenshotPath('projector-en-360'), fullPage: true });
    await page.context().close();
  }, 60_000);

  it('anonymous: the session and the QR code, but no names from the queue or the chairs', async () => {
    const page = await open(null, `/p/${SLUG}/${fishbowlId}`);
    await page.getByRole('heading', { level: 1, name: 'Fishbowl im großen Saal' }).waitFor(WAIT);
    await page.locator('.projector__qr img').waitFor(WAIT);
    const text = await page.locator('main').innerText();
    expect(text).not.toContain('Wanda Wartend');
    expect(text).not.toContain('Gustav Gastredner');
    expect(text).not.toContain('Als Nächstes');
    expect(await axeSerious(page, 'projector-anonymous')).toEqual([]);
    await page.screenshot({ path: screenshotPath('projector-anonymous-de-1280'), fullPage: true });
    await page.context().close();
  }, 60_000);

  it('a panel names its speakers with their function', async () => {
    const expert = await signIn(app, 'speaker', 'Erika Expertin', SLUG);
    await app.podium.dataSource.query(`UPDATE person SET function = 'Wohnungsbauforscherin' WHERE id = $1`, [expert.personId]);
    const panel = await liveSession('panel', 'Podium Wohnen', [[expert.personId, 'speaker']]);
    const page = await open(null, `/p/${SLUG}/${panel}`);
    const item = page.locator('.projector__people li', { hasText: 'Erika Expertin' });
    await item.waitFor(WAIT);
    expect(await item.locator('.projector__function').innerText()).toBe('Wohnungsbauforscherin');
    expect(await page.locator('.projector__qr').count()).toBe(0);
    await page.context().close();
  }, 60_000);

  it('an unpublished conference is not found, exactly like a missing one', async () => {
    await app.podium.dataSource.query(
      `INSERT INTO conference (slug, title, start_date, end_date, timezone, published) VALUES ('geheim-2026', 'Geheim', current_date, current_date, 'Europe/Berlin', false)`,
    );
    const hidden = await liveSession('fishbowl', 'Geheimer Fishbowl', [], 'geheim-2026');
    const page = await open(null, `/p/geheim-2026/${hidden}`);
    const text = await page.locator('main').innerText();
    expect(text).not.toContain('Geheimer Fishbowl');
    expect(text).toMatch(/nicht gefunden/i);
    const missing = await open(null, `/p/gibt-es-nicht/${hidden}`);
    expect(await missing.locator('main').innerText()).toBe(text);
    await page.context().close();
    await missing.context().close();
  }, 60_000);
});
