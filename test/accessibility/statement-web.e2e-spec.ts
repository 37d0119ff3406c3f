/**
 * Real Chromium: an organiser fills the start page slots and the statement with the keyboard; the start page shows
 * the DGS video link and the Leichte Sprache text; /c/:slug/barrierefreiheit shows the statement with the automated
 * checks; axe finds nothing in any of them.
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
let page: Page;

async function violations(selector: string) {
  const result = await new AxeBuilder({ page }).include(selector).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Focuses a field by its label and types, as someone on the keyboard does. */
async function type(label: string, text: string) {
  await page.getByLabel(label, { exact: true }).focus();
  await page.keyboard.type(text);
}

beforeAll(async () => {
  browser = await launchBrowser();
  app = await startTestApp('statement-web');
  const organiser = await signIn(app, 'organiser', 'Olga Organiser', SLUG);
  const p = await browser.newPage({ width: 1200, height: 900 });
  await prepareContext(p.context, { token: organiser.token, displayName: 'Olga Organiser', lang: 'de' });
  page = p.page;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it('an organiser fills the slots and the statement with the keyboard', async () => {
  await page.goto(`${app.url}/c/${SLUG}/organisation/barrierefreiheit`);
  await settle(page);
  await page.getByTestId('accessibility-form').waitFor({ timeout: 15_000 });
  expect(await violations('[data-testid="accessibility-form"]')).toEqual([]);
  await type('Video in Deutscher Gebärdensprache (Adresse)', 'https://video.example.org/dgs/buko');
  await type('Text in Leichter Sprache', 'Hier ist die Tagung.');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Sie können zu·hören und mit·reden.');
  await type('Bekannte Einschränkungen', 'Die Aufzeichnungen haben noch keine Untertitel.');
  await type('Barrieren melden', 'Schreiben Sie an barrierefrei@example.org.');
  await type('Kontakt', 'Team Barrierefreiheit, Tel. 030 1234');
  await page.getByLabel('Datum der Erklärung').fill('2026-11-30'); // the date picker's typing order depends on the browser's locale
  await page.getByRole('button', { name: 'Speichern' }).focus();
  await page.keyboard.press('Enter');
  await page.getByText('Gespeichert.').waitFor({ timeout: 15_000 });

  const stored = await api(app.url, 'GET', `/api/conferences/${SLUG}/accessibility`);
  expect([stored.body.dgsVideoUrl, stored.body.easyLanguage, stored.body.statementDate]).toEqual([
    'https://video.example.org/dgs/buko',
    'Hier ist die Tagung.\n\nSie können zu·hören und mit·reden.',
    '2026-11-30',
  ]);
});

it('the start page shows the DGS video and the Leichte Sprache text, in German', async () => {
  await page.goto(`${app.url}/c/${SLUG}`);
  await settle(page);
  const slots = page.getByTestId('start-slots');
  await slots.waitFor({ timeout: 15_000 });
  expect(await slots.getByRole('link', { name: 'Video in Deutscher Gebärdensprache ansehen' }).getAttribute('href')).toBe('https://video.example.org/dgs/buko');
  expect(await page.getByTestId('easy-language').locator('p').allTextContents()).toEqual(['Hier ist die Tagung.', 'Sie können zu·hören und mit·reden.']);
  expect(await page.getByTestId('easy-language').getAttribute('lang')).toBe('de');
  expect(await violations('[data-testid="start-slots"]')).toEqual([]);
});

it('the statement page shows what was entered and the automated checks; reached by keyboard from the start page', async () => {
  await page.getByRole('link', { name: 'Erklärung zur Barrierefreiheit' }).focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('statement').waitFor({ timeout: 15_000 });
  expect(new URL(page.url()).pathname).toBe(`/c/${SLUG}/barrierefreiheit`);
  await page.getByRole('heading', { level: 1, name: 'Erklärung zur Barrierefreiheit' }).waitFor();
  await page.getByText('Die Aufzeichnungen haben noch keine Untertitel.').waitFor();
  await page.getByText('Diese Erklärung wurde am 30. November 2026 erstellt oder zuletzt überprüft.').waitFor();
  await page.getByText('Schreiben Sie an barrierefrei@example.org.').waitFor();
  expect(await page.getByTestId('statement-checks').locator('li').count()).toBe(8);
  await page.getByTestId('statement-checks').getByText('Gebärdensprachvideo kommt mit mindestens 320×240 Pixeln').waitFor();
  expect(await violations('[data-testid="statement"]')).toEqual([]);
});

it("an organiser gives a session's interpreter a language pair with the keyboard", async () => {
  const session = await createSession(app, { title: 'Zwischenruf Dolmetschtest' });
  const ina = await sessionPerson(app, session, 'interpreter', 'Ina Dolmetscherin', SLUG);
  await page.goto(`${app.url}/c/${SLUG}/organisation/barrierefreiheit`);
  await settle(page);
  const pairs = page.getByTestId('interpreter-pairs');
  await pairs.getByLabel('Sitzung').locator('option', { hasText: 'Zwischenruf Dolmetschtest' }).waitFor({ state: 'attached', timeout: 15_000 });
  await pairs.getByLabel('Sitzung').focus();
  await page.keyboard.type('Zwischenruf'); // a focused select jumps to the option typed
  await pairs.getByRole('group', { name: 'Ina Dolmetscherin' }).waitFor({ timeout: 15_000 });
  await pairs.getByLabel('Nach').focus();
  await page.keyboard.type('en');
  await page.keyboard.press('Enter'); // submits the interpreter's form
  await pairs.getByText('Gespeichert.').waitFor({ timeout: 15_000 });
  expect(await violations('[data-testid="interpreter-pairs"]')).toEqual([]);
  const organiser = await signIn(app, 'organiser', 'Otto Organiser', SLUG);
  const list = await api(app.url, 'GET', `/api/sessions/${session}/interpreters`, { token: organiser.token });
  expect(list.body).toEqual([{ personId: ina.personId, displayName: 'Ina Dolmetscherin', from: 'de', to: 'en' }]);
});
