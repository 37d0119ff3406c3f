/**
 * A network drop in real Chromium: the page says it is reconnecting, gets its connection back by
 * itself, and shows the fishbowl state it missed while offline (full state after re-join).
 */
import { io } from 'socket.io-client';
import type { FishbowlAck, FishbowlJoinAck } from '@podium/contracts';
import { startTestApp, type TestApp } from '../support/app';
import { launchBrowser, screenshotPath, type TestBrowser } from '../support/browser';
import { signIn } from '../support/people';
import { createSession } from '../livestream/fixtures';
import { prepareContext, settle } from './helpers';

const SLUG = 'buko-2020';

describe('reconnecting after a network drop (Chromium)', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let sessionId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startTestApp('web-reconnect');
    sessionId = await createSession(app, { kind: 'fishbowl', title: 'Fishbowl mit Funkloch' });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('shows that it is reconnecting and catches up with what happened meanwhile', async () => {
    const attendee = await signIn(app, 'attendee', 'Olaf Offline', SLUG);
    const other = await signIn(app, 'attendee', 'Petra Pünktlich', SLUG);
    const { context, page } = await browser.newPage({ width: 360, height: 780 });
    await prepareContext(context, { token: attendee.token, displayName: 'Olaf Offline', lang: 'de' });
    await page.goto(`${app.url}/c/${SLUG}/s/${sessionId}/live`);
    await settle(page);
    await page.getByRole('button', { name: 'Um einen Platz bitten' }).click();
    await page.getByText('Sie sind an Position 1.').waitFor();

    await context.setOffline(true);
    await page.getByText('Keine Netzwerkverbindung', { exact: false }).waitFor({ timeout: 10_000 });
    await page.getByText('Verbindung unterbrochen – wird wiederhergestellt …').first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: screenshotPath('reconnect-offline-de-phone'), fullPage: true });

    // Meanwhile someone else asks for a seat: the page must show it after coming back.
    const socket = io(`${app.url}/fishbowl`, { auth: { token: other.token }, transports: ['websocket'] });
    try {
      const joined: FishbowlJoinAck = await socket.timeout(10_000).emitWithAck('fishbowl:join', { sessionId });
      expect(joined.ok).toBe(true);
      const asked: FishbowlAck = await socket.timeout(10_000).emitWithAck('fishbowl:ask', { sessionId, where: 'hall' });
      expect(asked.ok).toBe(true);
    } finally {
      socket.disconnect();
    }

    await context.setOffline(false);
    await page.locator('.link-status[data-status="connected"]').waitFor({ state: 'attached', timeout: 30_000 });
    await page.locator('.queue').getByText('Petra Pünktlich').waitFor({ timeout: 15_000 });
    expect(await page.getByText('Verbindung unterbrochen', { exact: false }).count()).toBe(0);
    expect(await page.getByText('Sie sind an Position 1.').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('reconnect-back-de-phone'), fullPage: true });
    await context.close();
  }, 120_000);

  it('tries again by itself when the server refuses the handshake or the join with UNAVAILABLE/INTERNAL (as right after a restart)', async () => {
    const attendee = await signIn(app, 'attendee', 'Rita Reconnect', SLUG);
    const { context, page } = await browser.newPage({ width: 360, height: 780 });
    await prepareContext(context, { token: attendee.token, displayName: 'Rita Reconnect', lang: 'de' });
    // Between the page and the real server: the first two /fishbowl handshakes and the first join are
    // answered as a server that cannot check right now would answer them (socket.io packets 44 and 43).
    const refused = { handshakes: 0, joins: 0, forwarded: 0 };
    await context.routeWebSocket(/\/socket\.io\//, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((message) => {
        const text = typeof message === 'string' ? message : message.toString();
        if (text.startsWith('40/fishbowl,') && refused.handshakes < 2) {
          refused.handshakes++;
          ws.send('44/fishbowl,{"message":"Could not check the session right now","data":{"code":"UNAVAILABLE","message":"Could not check the session right now"}}');
          return;
        }
        const join = /^42\/fishbowl,(\d+)\["fishbowl:join"/.exec(text);
        if (join && refused.joins < 1) {
          refused.joins++;
          ws.send(`43/fishbowl,${join[1]}[{"error":{"code":"INTERNAL","message":"Something went wrong on our side"}}]`);
          return;
        }
        if (text.startsWith('40/fishbowl,')) refused.forwarded++;
        server.send(message);
      });
    });
    await page.goto(`${app.url}/c/${SLUG}/s/${sessionId}/live`);
    await page.getByText('Verbindung unterbrochen – wird wiederhergestellt …').first().waitFor({ timeout: 30_000 });
    await page.locator('.link-status[data-status="connected"]').waitFor({ state: 'attached', timeout: 60_000 });
    await page.getByRole('button', { name: 'Um einen Platz bitten' }).waitFor({ timeout: 15_000 });
    expect(refused).toEqual({ handshakes: 2, joins: 1, forwarded: 1 });
    expect(await page.getByText('Verbindung unterbrochen', { exact: false }).count()).toBe(0);
    expect(await page.getByText('Bitte melden Sie sich an.').count()).toBe(0);
    await context.close();
  }, 120_000);
});
