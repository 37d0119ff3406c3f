/**
 * Real Chromium against the real api: two people chat in the conference's lobby with the keyboard
 * only; markup stays text, a link is a marked user link, the other person hears a polite summary, a
 * report reaches the moderators, a moderator mutes, sets slow mode and deletes with the keyboard, and axe
 * finds nothing serious.
 */
import { io } from 'socket.io-client';
import type { ChatModerationView } from '@podium/contracts';
import { startTestApp, type TestApp } from '../support/app';
import { launchBrowser, screenshotPath, type TestBrowser } from '../support/browser';
import { signIn } from '../support/people';
import { axeSerious, prepareContext, settle } from './helpers';
import type { Page } from 'playwright-core';

const SLUG = 'buko-2020';
const EVIL = '<img src=x onerror="window.__xss=1">';

/** Presses Tab until the element matching the selector has the focus (keyboard only, no clicks). */
async function tabTo(page: Page, selector: string, maxTabs = 80): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${selector} with Tab`);
}

describe('web: lobby chat (Chromium)', () => {
  let app: TestApp;
  let browser: TestBrowser;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startTestApp('web-chat', { livekit: false });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('two people chat with the keyboard; text stays text, links are marked, reports reach the moderators, axe is clean', async () => {
    const ada = await signIn(app, 'attendee', 'Ada Audience', SLUG);
    const bo = await signIn(app, 'attendee', 'Bo Besucher', SLUG);
    const mod = await signIn(app, 'moderator', 'Mia Moderatorin', SLUG);
    const [{ id: conferenceId }] = await app.podium.dataSource.query('SELECT id FROM conference WHERE slug = $1', [SLUG]);
    const moderation: ChatModerationView[] = [];
    const modSocket = io(`${app.url}/chat`, { auth: { token: mod.token }, transports: ['websocket'] });
    modSocket.on('chat:moderation', (v: ChatModerationView) => moderation.push(v));
    const joined = await modSocket.timeout(10_000).emitWithAck('chat:join', { roomId: `lobby:${conferenceId}` });
    expect(joined.ok).toBe(true);

    const open = async (person: { token: string }, name: string) => {
      const { context, page } = await browser.newPage();
      await prepareContext(context, { token: person.token, displayName: name, lang: 'de' });
      await page.goto(`${app.url}/c/${SLUG}`);
      await settle(page);
      await page.getByRole('heading', { name: 'Foyer-Chat' }).waitFor({ timeout: 15_000 });
      await page.locator('textarea:not([disabled])').waitFor({ timeout: 15_000 });
      return page;
    };
    const pageA = await open(ada, 'Ada Audience');
    const pageB = await open(bo, 'Bo Besucher');

    try {
      await tabTo(pageA, 'textarea');
      await pageA.keyboard.type(`${EVIL} siehe https://example.org/folien`);
      await pageA.keyboard.press('Enter');
      const logB = pageB.getByRole('log', { name: 'Chatnachrichten' });
      await logB.getByText(EVIL, { exact: false }).waitFor({ timeout: 15_000 });
      const inert = await pageB.evaluate(() => ({ xss: (window as unknown as { __xss?: unknown }).__xss, injected: document.querySelectorAll('[onerror]').length }));
      expect(inert).toEqual({ xss: undefined, injected: 0 });
      const link = logB.getByRole('link', { name: 'https://example.org/folien' });
      expect(await link.getAttribute('rel')).toBe('noopener noreferrer nofollow ugc');
      expect(await link.getAttribute('href')).toBe('https://example.org/folien');
      // The textarea is empty again after sending.
      expect(await pageA.locator('textarea').inputValue()).toBe('');

      // Bo hears a polite summary, answers with the keyboard; Ada sees it.
      await pageB.waitForFunction(() => /Neue Nachricht von Ada Audience/.test(document.querySelector('[data-testid="chat-announce"]')?.textContent ?? ''), undefined, { timeout: 15_000 });
      await tabTo(pageB, 'textarea');
      await pageB.keyboard.type('Danke, Ada!');
      await pageB.keyboard.press('Enter');
      await pageA.getByRole('log', { name: 'Chatnachrichten' }).getByText('Danke, Ada!').waitFor({ timeout: 15_000 });

      // Bo reports Ada's message with the keyboard.
      await tabTo(pageB, 'button[aria-label="Nachricht von Ada Audience melden"]');
      await pageB.keyboard.press('Enter');
      const deadline = Date.now() + 15_000;
      while (!moderation.some((v) => v.reports.some((r) => r.reporterName === 'Bo Besucher')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(moderation.flatMap((v) => v.reports.map((r) => r.reporterName))).toContain('Bo Besucher');

      // The moderator, keyboard only: mutes Bo, turns on slow mode, deletes Ada's first message.
      const pageM = await open(mod, 'Mia Moderatorin');
      await tabTo(pageM, 'button[aria-label="Bo Besucher für 10 Minuten stummschalten"]');
      await pageM.keyboard.press('Enter');
      await pageB.getByText('Die Moderation hat Sie bis', { exact: false }).waitFor({ timeout: 15_000 });
      // The moderator sees the report (from the join) and the mute.
      await pageM.getByText('Bo Besucher meldet „Ada Audience:', { exact: false }).waitFor({ timeout: 15_000 });
      await pageM.getByRole('heading', { name: 'Stummgeschaltet' }).waitFor({ timeout: 15_000 });
      await tabTo(pageM, '[role="group"][aria-label="Langsamer Modus"] button:nth-child(3)'); // off, 10 s, 30 s, 60 s
      await pageM.keyboard.press('Enter');
      await pageA.getByText('Langsamer Modus: eine Nachricht pro Person alle 30 Sekunden.').waitFor({ timeout: 15_000 });
      await tabTo(pageM, 'button[aria-label="Nachricht von Ada Audience löschen"]');
      await pageM.keyboard.press('Enter');
      await pageB.getByRole('log', { name: 'Chatnachrichten' }).getByText('Nachricht gelöscht').waitFor({ timeout: 15_000 });
      expect(await pageB.getByRole('log', { name: 'Chatnachrichten' }).getByText(EVIL, { exact: false }).count()).toBe(0);
      await tabTo(pageM, 'button[aria-label="Stummschaltung von Bo Besucher aufheben"]');
      await pageM.keyboard.press('Enter');
      await pageB.getByText('Die Moderation hat Sie bis', { exact: false }).waitFor({ state: 'detached', timeout: 15_000 });

      await pageB.screenshot({ path: screenshotPath('chat-lobby'), fullPage: true });
      expect([...(await axeSerious(pageA, 'chat-lobby-a')), ...(await axeSerious(pageB, 'chat-lobby-b')), ...(await axeSerious(pageM, 'chat-lobby-moderator'))]).toEqual([]);
      await pageM.context().close();
    } finally {
      modSocket.disconnect();
      await pageA.context().close();
      await pageB.context().close();
    }
  });
});
