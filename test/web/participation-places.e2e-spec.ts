/**
 * Audience participation where people are (issue 14), real Chromium against the real api and PostgreSQL:
 * - hall mode on a 360 px phone has the four tabs "Fishbowl · Fragen · Chat · Umfragen" (arrows, Home,
 *   End), a chat message written there by keyboard lands in the database; no horizontal overflow; axe;
 * - the moderator console creates, opens and closes a poll and shows its live result; the poll's events
 *   are in the database;
 * - the projector shows the pinned question, else the most supported approved one, large and live.
 */
import type { Locator, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { launchBrowser, screenshotPath, type TestBrowser } from '../support/browser';
import { signIn } from '../support/people';
import { addToSession, createSession } from '../livestream/fixtures';
import { connectPolls, joinPolls, ok as pollOk, until, type PollClient } from '../polls/support';
import { connectQuestions, newId, qjoin, qok, type QClient } from '../questions/support';
import { axeSerious, prepareContext, settle } from './helpers';

const SLUG = 'buko-2020';
const WAIT = { timeout: 20_000 };
type Person = { token: string; personId: string };

/** Presses Tab until the locator has focus (at most 60 times): the control is reachable by keyboard. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target} with the Tab key`);
}

describe('web: participation in hall mode, the console and on the projector (Chromium)', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let sessionId: string;
  let moderator: Person;
  let hallPerson: Person;
  let voter: Person;
  const pages: Page[] = [];
  const sockets: (PollClient | QClient)[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startTestApp('web-participation', { livekit: false });
    moderator = await signIn(app, 'moderator', 'Moritz Moderator', SLUG);
    hallPerson = await signIn(app, 'attendee', 'Hanna Saal', SLUG);
    voter = await signIn(app, 'attendee', 'Volker Votum', SLUG);
    sessionId = await createSession(app, { kind: 'fishbowl', title: 'Mitmachen im Saal', endsInMinutes: 120 });
    await addToSession(app, sessionId, moderator.personId, 'moderator');
  }, 120_000);

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await browser?.close();
    await app?.stop();
  });

  async function open(person: Person, path: string, width: number, lang: 'de' | 'en' = 'de', height = 900): Promise<Page> {
    const { context, page } = await browser.newPage({ width, height });
    await prepareContext(context, { token: person.token, displayName: 'x', lang });
    await page.goto(app.url + path);
    await settle(page);
    pages.push(page);
    return page;
  }

  async function guarded(label: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      for (const [i, page] of pages.entries()) await page.screenshot({ path: screenshotPath(`${label}-failed-${i}`), fullPage: true }).catch(() => undefined);
      throw error;
    }
  }

  it('hall mode on a 360 px phone: four tabs by keyboard, a chat message by keyboard reaches the database, axe clean', () =>
    guarded('hall-tabs', async () => {
      const page = await open(hallPerson, `/h/${SLUG}/${sessionId}`, 360, 'de', 740);
      const tablist = page.getByRole('tablist', { name: 'Mitmachen' });
      await tablist.waitFor(WAIT);
      expect(await tablist.getByRole('tab').allTextContents()).toEqual(['Fishbowl', 'Fragen', 'Chat', 'Umfragen']);
      const tab = (name: string) => page.getByRole('tab', { name, exact: true });
      const selected = async () => (await tablist.getByRole('tab', { selected: true }).allTextContents()).join();

      await tab('Fishbowl').focus();
      await page.keyboard.press('End');
      expect(await selected()).toBe('Umfragen');
      expect(await tab('Umfragen').evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('Home');
      expect(await selected()).toBe('Fishbowl');
      await page.keyboard.press('ArrowLeft');
      expect(await selected()).toBe('Umfragen');
      await page.getByText('Noch keine Umfrage.').waitFor(WAIT);
      await page.keyboard.press('ArrowLeft');
      expect(await selected()).toBe('Chat');
      // Only the chosen panel shows; the others stay mounted but hidden.
      expect(await page.locator('[role="tabpanel"]:not([hidden])').count()).toBe(1);
      expect(await page.locator('[role="tabpanel"][hidden]').count()).toBe(3);

      const box = page.getByLabel('Nachricht', { exact: true });
      await page.waitForFunction(() => !(document.querySelector('.chat-panel textarea') as HTMLTextAreaElement | null)?.disabled, undefined, WAIT);
      await tabTo(page, box);
      await page.keyboard.type('Im Saal ist es zu warm');
      await page.keyboard.press('Enter');
      await page.getByRole('log').getByText('Im Saal ist es zu warm').waitFor(WAIT);
      const rows = await app.podium.dataSource.query('SELECT author_id, author_name, text FROM chat_message WHERE room_id = $1', [`session:${sessionId}`]);
      expect(rows).toEqual([{ author_id: hallPerson.personId, author_name: 'Hanna Saal', text: 'Im Saal ist es zu warm' }]);

      // Usable at 360 px: nothing wider than the screen, the tabs are at least 44 px high.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      const heights = await tablist.getByRole('tab').evaluateAll((tabs) => tabs.map((t) => Math.round(t.getBoundingClientRect().height)));
      for (const h of heights) expect(h).toBeGreaterThanOrEqual(44);
      await page.screenshot({ path: screenshotPath('hall-tabs-360'), fullPage: true });
      expect(await axeSerious(page, 'hall-tabs-360')).toEqual([]);

      const en = await open(hallPerson, `/h/${SLUG}/${sessionId}`, 360, 'en', 740);
      await en.getByRole('tablist', { name: 'Take part' }).waitFor(WAIT);
      expect(await en.getByRole('tab').allTextContents()).toEqual(['Fishbowl', 'Questions', 'Chat', 'Polls']);
    }), 180_000);

  it('the moderator console creates, opens and closes a poll and shows the live result; the events are in the database', () =>
    guarded('console-polls', async () => {
      const page = await open(moderator, `/c/${SLUG}/s/${sessionId}/moderation`, 1280);
      const panel = page.getByTestId('polls-panel');
      await panel.getByLabel('Frage', { exact: true }).waitFor(WAIT);
      await panel.getByLabel('Frage', { exact: true }).fill('Mittagspause um 12:30?');
      await panel.getByLabel('Antworten', { exact: true }).fill('Ja\nNein');
      await panel.getByRole('button', { name: 'Umfrage anlegen' }).press('Enter');
      const poll = panel.locator('[data-testid^="poll-"]').filter({ hasText: 'Mittagspause um 12:30?' });
      await poll.getByText('Entwurf').waitFor(WAIT);
      await poll.getByRole('button', { name: 'Umfrage öffnen' }).press('Enter');

      // Someone in the hall votes "Nein" from their phone (a real /polls client).
      const socket = await connectPolls(app.url, voter.token);
      sockets.push(socket);
      await joinPolls(socket, sessionId, 'hall');
      const open_ = await until(socket, (v) => v.polls.some((p) => p.status === 'open'));
      const pollId = open_.polls[0].id;
      await pollOk(socket, 'polls:vote', { sessionId, pollId, choices: ['o2'] });

      const table = panel.getByRole('table', { name: /Mittagspause um 12:30\? \(Stimmen: 1\)/ });
      await table.waitFor(WAIT);
      expect(await table.getByRole('row', { name: /^Nein/ }).getByRole('cell').allTextContents()).toEqual(['1', '0', '1', '100 %']);
      expect(await table.getByRole('row', { name: /^Ja/ }).getByRole('cell').allTextContents()).toEqual(['0', '0', '0', '0 %']);
      await poll.getByRole('button', { name: 'Umfrage beenden' }).press('Enter');
      await poll.getByText('Beendet').waitFor(WAIT);

      const events = await app.podium.dataSource.query(`SELECT type, payload->>'pollId' AS poll, actor->>'personId' AS actor FROM poll_event WHERE session_id = $1 ORDER BY version`, [sessionId]);
      expect(events).toEqual([
        { type: 'poll-created', poll: pollId, actor: moderator.personId },
        { type: 'poll-opened', poll: pollId, actor: moderator.personId },
        { type: 'ballot-cast', poll: pollId, actor: voter.personId },
        { type: 'poll-closed', poll: pollId, actor: moderator.personId },
      ]);
      const [ballot] = await app.podium.dataSource.query(`SELECT payload->'choices' AS choices, payload->>'origin' AS origin FROM poll_event WHERE session_id = $1 AND type = 'ballot-cast'`, [sessionId]);
      expect(ballot).toEqual({ choices: ['o2'], origin: 'hall' });
      await page.screenshot({ path: screenshotPath('console-polls'), fullPage: true });
      expect(await axeSerious(page, 'console-polls')).toEqual([]);
    }), 180_000);

  it('the projector shows the pinned question, else the most supported approved one, large and live', () =>
    guarded('projector-questions', async () => {
      const mod = await connectQuestions(app.url, moderator.token);
      const asker = await connectQuestions(app.url, hallPerson.token);
      const supporter = await connectQuestions(app.url, voter.token);
      sockets.push(mod, asker, supporter);
      await qjoin(mod, sessionId, 'moderator');
      await qjoin(asker, sessionId);
      await qjoin(supporter, sessionId);
      const [first, second] = [newId(), newId()];
      await qok(asker, 'questions:ask', { sessionId, questionId: first, text: 'Wann kommt das Protokoll?', origin: 'hall', anonymous: true });
      await qok(asker, 'questions:ask', { sessionId, questionId: second, text: 'Wer zahlt die Fahrtkosten?', origin: 'hall', readAloud: true });

      const page = await open(moderator, `/p/${SLUG}/${sessionId}`, 1280);
      const box = page.getByTestId('projector-question');
      await box.getByText('Fragen stellen: QR-Code scannen, Reiter „Fragen“').waitFor(WAIT);
      // Pre-moderated: nothing unreviewed on the wall.
      expect(await box.innerText()).not.toContain('Protokoll');

      await qok(mod, 'questions:approve', { sessionId, questionId: first });
      await box.getByText('Wann kommt das Protokoll?').waitFor(WAIT);
      expect(await box.getByRole('heading', { level: 2 }).innerText()).toBe('Meistunterstützte Frage aus dem Publikum');
      expect(await box.locator('.projector__function').innerText()).toBe('anonym · 0 Stimmen');

      await qok(mod, 'questions:approve', { sessionId, questionId: second });
      await qok(supporter, 'questions:upvote', { sessionId, questionId: second });
      await box.getByText('Wer zahlt die Fahrtkosten?').waitFor(WAIT);
      expect(await box.locator('.projector__function').innerText()).toBe('Hanna Saal · 1 Stimme · bitte vorlesen');

      await qok(mod, 'questions:pin', { sessionId, questionId: first });
      await box.getByText('Wann kommt das Protokoll?').waitFor(WAIT);
      expect(await box.getByRole('heading', { level: 2 }).innerText()).toBe('Aktuelle Frage aus dem Publikum');
      await qok(mod, 'questions:mark-answered', { sessionId, questionId: first });
      await box.getByText('Wer zahlt die Fahrtkosten?').waitFor(WAIT);

      // Large: the question as large as the speaker's name (at least 40 px at 1280 px wide); no controls on the wall.
      const size = await box.locator('.projector__question-text').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(size).toBeGreaterThanOrEqual(40);
      expect(await page.locator('button, input, select, textarea').count()).toBe(0);
      await page.screenshot({ path: screenshotPath('projector-question'), fullPage: true });
      expect(await axeSerious(page, 'projector-question')).toEqual([]);
    }), 180_000);
});
