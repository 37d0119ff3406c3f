/**
 * Real Chromium, real api and LiveKit: a captioner types in the console, a viewer on the live page
 * sees the interim text, the final line with the speaker's name and a correction; the viewer restyles
 * the captions with the keyboard only, the choice survives a reload; axe finds nothing in either part.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { api, startTestApp, type TestApp } from '../support/app';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { signIn } from '../support/people';
import { createSession, sessionPerson } from '../livestream/fixtures';
import { prepareContext, settle } from '../web/helpers';

const SLUG = 'buko-2020';
jest.setTimeout(180_000);

let app: TestApp;
let browser: TestBrowser;
let session: string;
let viewer: Page;
let console_: Page;

async function violations(page: Page, selector: string) {
  const result = await new AxeBuilder({ page }).include(selector).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const captions = () => viewer.getByTestId('captions');

beforeAll(async () => {
  browser = await launchBrowser();
  app = await startTestApp('captions-web');
  session = await createSession(app, { title: 'Untertitel im Test' });
  await sessionPerson(app, session, 'speaker', 'Sina Sprecherin', SLUG);
  const captioner = await sessionPerson(app, session, 'captioner', 'Clara Caption', SLUG);
  const attendee = await signIn(app, 'attendee', 'Ada Audience', SLUG);
  const v = await browser.newPage({ width: 1200, height: 900 });
  await prepareContext(v.context, { token: attendee.token, displayName: 'Ada Audience', lang: 'de' });
  viewer = v.page;
  const c = await browser.newPage({ width: 1200, height: 900 });
  await prepareContext(c.context, { token: captioner.token, displayName: 'Clara Caption', lang: 'de' });
  console_ = c.page;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it('the viewer sees interim text, then the final line with the speaker, then its correction', async () => {
  await viewer.goto(`${app.url}/c/${SLUG}/s/${session}/live`);
  await settle(viewer);
  await captions().getByText('Untertitel erscheinen hier').waitFor({ timeout: 30_000 });
  await console_.goto(`${app.url}/c/${SLUG}/s/${session}/schriftdolmetschung`);
  await settle(console_);
  const input = console_.getByTestId('caption-input');
  await input.waitFor({ timeout: 30_000 });
  await console_.getByLabel('Wer spricht').locator('option', { hasText: 'Sina Sprecherin' }).waitFor({ state: 'attached', timeout: 15_000 });
  expect(await console_.getByLabel('Wer spricht').inputValue()).toBe('Sina Sprecherin');

  await input.focus();
  await console_.keyboard.type('Guten Mor');
  await captions().locator('.captions__line--interim', { hasText: 'Guten Mor' }).waitFor({ timeout: 15_000 });
  await console_.keyboard.type('gen');
  await console_.keyboard.press('Enter');
  await captions().locator('.captions__line:not(.captions__line--interim)', { hasText: 'Sina Sprecherin: Guten Morgen' }).waitFor({ timeout: 15_000 });

  // Correct the last line with the keyboard only: the button, then the text, then Enter.
  await console_.getByRole('button', { name: 'Letzte Zeile korrigieren' }).focus();
  await console_.keyboard.press('Enter');
  expect(await input.inputValue()).toBe('Guten Morgen');
  await console_.keyboard.press('Control+A');
  await console_.keyboard.type('Guten Morgen, liebe Gäste');
  await console_.keyboard.press('Enter');
  await captions().getByText('Sina Sprecherin: Guten Morgen, liebe Gäste').waitFor({ timeout: 15_000 });
  expect(await captions().locator('.captions__line').allTextContents()).toEqual(['Sina Sprecherin: Guten Morgen, liebe Gäste']);

  const transcript = await api(app.url, 'GET', `/api/sessions/${session}/transcript`, { token: (await signIn(app, 'attendee', 'Leo Leser', SLUG)).token });
  expect(transcript.body.lines.map((l: { speaker: string; text: string; language: string }) => [l.speaker, l.text, l.language])).toEqual([['Sina Sprecherin', 'Guten Morgen, liebe Gäste', 'de']]);
});

it('the viewer restyles the captions with the keyboard; the choice survives a reload', async () => {
  await viewer.locator('.caption-settings summary').focus();
  await viewer.keyboard.press('Enter'); // opens the settings
  await viewer.getByLabel('Schriftgröße').focus();
  await viewer.keyboard.press('ArrowDown'); // medium -> large
  await viewer.getByLabel('Kontrast').focus();
  await viewer.keyboard.press('ArrowDown');
  await viewer.keyboard.press('ArrowDown'); // dark -> light -> yellow
  expect(await captions().getAttribute('class')).toBe('captions captions--large captions--yellow captions--bottom');
  const styled = await captions().evaluate((el) => ({ color: getComputedStyle(el).color, background: getComputedStyle(el).backgroundColor, size: getComputedStyle(el).fontSize }));
  expect(styled).toEqual({ color: 'rgb(255, 234, 0)', background: 'rgb(0, 0, 0)', size: '28.8px' });
  expect(await violations(viewer, '.live-captions')).toEqual([]);

  await viewer.reload();
  await settle(viewer);
  await captions().waitFor({ timeout: 30_000 });
  expect(await captions().getAttribute('class')).toBe('captions captions--large captions--yellow captions--bottom');

  await viewer.locator('.caption-settings summary').focus();
  await viewer.keyboard.press('Enter');
  await viewer.getByLabel('Untertitel anzeigen').focus();
  await viewer.keyboard.press('Space'); // off
  await captions().waitFor({ state: 'detached', timeout: 5_000 });
});

it('hall mode: captions on a phone once asked for, with the same component', async () => {
  const hall = await browser.newPage({ width: 360, height: 780 });
  await prepareContext(hall.context, { token: (await signIn(app, 'attendee', 'Hanna Hall', SLUG)).token, displayName: 'Hanna Hall', lang: 'en' });
  await hall.page.goto(`${app.url}/h/${SLUG}/${session}`);
  await settle(hall.page);
  expect(await hall.page.getByTestId('captions').count()).toBe(0); // nothing joined before asked
  await hall.page.getByLabel('Show captions on this phone').focus();
  await hall.page.keyboard.press('Space');
  await hall.page.getByTestId('captions').waitFor({ timeout: 30_000 });
  await console_.getByTestId('caption-input').focus();
  await console_.keyboard.type('Auch im Saal');
  await console_.keyboard.press('Enter');
  await hall.page.getByTestId('captions').getByText('Sina Sprecherin: Auch im Saal').waitFor({ timeout: 15_000 });
  expect(await violations(hall.page, '.hall-captions')).toEqual([]);
});

it('the captioning console has no axe violations', async () => {
  expect(await violations(console_, '.caption-console')).toEqual([]);
});
