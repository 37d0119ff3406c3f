/**
 * Questions in real Chromium against the real api and PostgreSQL: an attendee asks by keyboard only
 * (anonymously), a moderator approves in the console, another attendee is told politely and sees the
 * question without the asker's name, and votes by keyboard. axe finds nothing serious on either panel.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { screenshotPath } from '../support/browser';
import { addToSession, createSession } from '../livestream/fixtures';
import { signIn } from '../support/people';
import { SLUG, startConferencePages, type ConferencePages, type Person } from './conference-pages';
import { axeSerious, type AxeFinding } from './helpers';

const QUESTION = 'Wie wird die Förderung ab 2021 verteilt?';

describe('questions in the browser (Chromium)', () => {
  let pages: ConferencePages;
  let sessionId: string;
  let moderator: Person;
  let asker: Person;
  let viewer: Person;
  const opened: { name: string; page: Page }[] = [];

  beforeAll(async () => {
    pages = await startConferencePages('web-questions', { livekit: false });
    moderator = await signIn(pages.app, 'moderator', 'Moritz Moderator', SLUG);
    asker = await signIn(pages.app, 'attendee', 'Ayşe Arslan', SLUG);
    viewer = await signIn(pages.app, 'attendee', 'Viktor Zuschauer', SLUG);
    sessionId = await createSession(pages.app, { kind: 'fishbowl', title: 'Fragerunde Förderung', endsInMinutes: 120 });
    await addToSession(pages.app, sessionId, moderator.personId, 'moderator');
  }, 120_000);

  afterAll(async () => {
    await pages?.stop();
  });

  /** A German page at `/c/<slug>/<path>`, kept for the screenshots of a failure. */
  async function open(person: Person, name: string, path: string): Promise<Page> {
    const page = await pages.open(person, name, 'de', path);
    opened.push({ name, page });
    return page;
  }

  /** Keyboard only: from the Fishbowl tab the arrow key selects "Fragen" and moves the focus with it. */
  async function toQuestionsTab(page: Page): Promise<void> {
    await page.getByRole('tab', { name: 'Fishbowl' }).focus();
    await page.keyboard.press('ArrowRight');
    const tab = page.getByRole('tab', { name: 'Fragen', exact: true });
    expect(await tab.getAttribute('aria-selected')).toBe('true');
    expect(await tab.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByRole('tab', { name: 'Fishbowl' }).getAttribute('tabindex')).toBe('-1');
  }

  it('asks by keyboard, a moderator approves, another attendee is told and sees it anonymously and votes by keyboard', async () => {
    try {
      const live = `s/${sessionId}/live`;
      const viewerPage = await open(viewer, 'Viktor Zuschauer', live);
      await toQuestionsTab(viewerPage);
      await viewerPage.getByText('Noch keine Fragen.').waitFor();

      const askerPage = await open(asker, 'Ayşe Arslan', live);
      await toQuestionsTab(askerPage);
      // Tab into the panel, then the form: text, "anonym", "bitte vorlesen", submit; nothing but keys.
      await askerPage.keyboard.press('Tab');
      await askerPage.keyboard.press('Tab');
      expect(await askerPage.evaluate(() => document.activeElement?.id)).toBe('question-remote');
      await askerPage.keyboard.type(QUESTION);
      await askerPage.keyboard.press('Tab');
      await askerPage.keyboard.press('Space');
      await askerPage.keyboard.press('Tab');
      await askerPage.keyboard.press('Tab');
      await askerPage.keyboard.press('Enter');
      await askerPage.getByText('Die anderen sehen sie, sobald die Moderation sie freigibt.').waitFor();
      await askerPage.getByText('wartet auf Freigabe').waitFor();
      // Pre-moderated: the other attendee does not see it yet.
      expect(await viewerPage.getByText(QUESTION).count()).toBe(0);

      const modPage = await open(moderator, 'Moritz Moderator', `s/${sessionId}/moderation`);
      const panel = modPage.locator('.question-moderation');
      await panel.locator('.question__text', { hasText: QUESTION }).waitFor();
      // Moderators see the asker although the question is anonymous to others.
      await panel.getByText('Ayşe Arslan').waitFor();
      await panel.getByRole('button', { name: `Freigeben ${QUESTION}` }).focus();
      await modPage.keyboard.press('Enter');
      await panel.getByText('Die Frage ist freigegeben.').waitFor();

      const item = viewerPage.locator('[data-testid="question"]', { hasText: QUESTION });
      await item.waitFor();
      expect(await item.textContent()).toContain('anonym');
      expect(await item.textContent()).not.toContain('Ayşe');
      await viewerPage.waitForFunction((text) => document.querySelector('[data-testid="questions-announce"]')?.textContent === `Neue Frage: ${text}`, QUESTION);

      const support = item.getByRole('button', { name: `Unterstützen ${QUESTION}` });
      expect(await support.getAttribute('aria-pressed')).toBe('false');
      await support.focus();
      await viewerPage.keyboard.press('Enter');
      await viewerPage.getByText('Ihre Stimme ist gezählt.').waitFor();
      await viewerPage.waitForFunction(() => document.querySelector('[data-testid="question"] button[aria-pressed="true"]') !== null);
      // Singular for one vote (a word boundary: the text '1 Stimme' alone would also match '1 Stimmen').
      await item.getByText(/\b1 Stimme\b/).waitFor();
      await panel.getByText(/\b1 Stimme\b/).waitFor();

      const findings: AxeFinding[] = [...(await axeSerious(viewerPage, 'questions-attendee')), ...(await axeSerious(askerPage, 'questions-asker'))];
      const modResult = await new AxeBuilder({ page: modPage }).include('.question-moderation').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      findings.push(...modResult.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ page: 'questions-moderator', id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) })));
      expect(findings).toEqual([]);
    } catch (error) {
      for (const { name, page } of opened) await page.screenshot({ path: screenshotPath(`questions-failed-${name.replace(/\W+/g, '-')}`), fullPage: true }).catch(() => undefined);
      throw error;
    }
  }, 180_000);
});
