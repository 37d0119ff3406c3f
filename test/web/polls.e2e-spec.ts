/**
 * Polls in real Chromium against the real api and PostgreSQL, keyboard only: a moderator creates and
 * opens a poll, an attendee in the hall votes, both see the result in the accessible table; axe finds
 * nothing serious on either page.
 */
import type { Locator, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { launchBrowser, screenshotPath, type TestBrowser } from '../support/browser';
import { signIn } from '../support/people';
import { createSession } from '../livestream/fixtures';
import { axeSerious, prepareContext, settle } from './helpers';

const SLUG = 'buko-2020';

/** Presses Tab until the locator has focus (at most 80 times): the control is reachable by keyboard. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < 80; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target} with the Tab key`);
}

describe('polls in the browser (Chromium, keyboard only)', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let sessionId: string;
  const pages: Page[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startTestApp('web-polls', { livekit: false });
    sessionId = await createSession(app, { kind: 'talk', title: 'Haushaltsdebatte', endsInMinutes: 120 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function open(person: { token: string }, name: string): Promise<Page> {
    const { context, page } = await browser.newPage({ width: 1000, height: 1400 });
    await prepareContext(context, { token: person.token, displayName: name, lang: 'de' });
    await page.goto(`${app.url}/h/${SLUG}/${sessionId}`);
    await settle(page);
    pages.push(page);
    // Hall mode has the participation tabs (a talk: Fragen · Chat · Umfragen); "Umfragen" is the last (End).
    await page.getByRole('tab', { selected: true }).focus();
    await page.keyboard.press('End');
    expect(await page.getByRole('tab', { selected: true }).innerText()).toBe('Umfragen');
    return page;
  }

  it('moderator creates and opens a poll, an attendee in the hall votes, the results table shows it', async () => {
    const moderator = await signIn(app, 'moderator', 'Moritz Moderator', SLUG);
    const attendee = await signIn(app, 'attendee', 'Ayşe Arslan', SLUG);
    const mod = await open(moderator, 'moderator');
    const att = await open(attendee, 'attendee');
    try {
      // The moderator writes the poll with the keyboard.
      await tabTo(mod, mod.getByLabel('Frage', { exact: true }));
      await mod.keyboard.type('Soll die Pause verlängert werden?');
      await mod.keyboard.press('Tab');
      await mod.keyboard.type('Ja\nNein\nEgal');
      await tabTo(mod, mod.getByRole('button', { name: 'Umfrage anlegen' }));
      await mod.keyboard.press('Enter');
      const poll = mod.locator('[data-testid^="poll-"]').filter({ hasText: 'Soll die Pause verlängert werden?' });
      await poll.getByText('Entwurf').waitFor();
      // A draft stays with the moderators.
      await att.getByText('Noch keine Umfrage.').waitFor();
      await tabTo(mod, mod.getByRole('button', { name: 'Umfrage öffnen' }));
      await mod.keyboard.press('Enter');

      // The attendee (hall mode) picks "Nein" with the arrow keys and votes with Enter.
      const yes = att.getByRole('radio', { name: 'Ja', exact: true });
      await yes.waitFor();
      await tabTo(att, yes);
      await att.keyboard.press('ArrowDown');
      expect(await att.getByRole('radio', { name: 'Nein', exact: true }).isChecked()).toBe(true);
      await tabTo(att, att.getByRole('button', { name: 'Abstimmen' }));
      await att.keyboard.press('Enter');
      await att.getByText('Ihre Stimme: Nein').waitFor();

      // Both see one hall vote for "Nein" in the table: the caption names the question, the row header the option.
      for (const page of [att, mod]) {
        const table = page.getByRole('table', { name: /Soll die Pause verlängert werden\? \(Stimmen: 1\)/ });
        await table.waitFor();
        const row = table.getByRole('row', { name: /^Nein/ });
        expect(await row.getByRole('cell').allTextContents()).toEqual(['1', '0', '1', '100 %']);
        expect(await table.locator('th[scope="col"]').allTextContents()).toEqual(['Antwort', 'Saal', 'Online', 'Gesamt', 'Anteil']);
      }
      // The moderator sees who chose what (a named poll); the attendee does not.
      expect(await mod.getByText('Wer hat was gewählt (1)').count()).toBe(1);
      expect(await att.getByText('Wer hat was gewählt').count()).toBe(0);

      for (const [page, label] of [[mod, 'polls-moderator'], [att, 'polls-attendee']] as const) {
        await page.screenshot({ path: screenshotPath(label), fullPage: true });
        expect(await axeSerious(page, label)).toEqual([]);
      }
    } catch (error) {
      for (const [i, page] of pages.entries()) await page.screenshot({ path: screenshotPath(`polls-failed-${i}`), fullPage: true }).catch(() => undefined);
      throw error;
    }
  }, 180_000);
});
