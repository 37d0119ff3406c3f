import type { Page } from 'playwright-core';
import { startTestApp, type TestApp, type TestAppOptions } from '../support/app';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { prepareContext, settle } from './helpers';

/** The seeded conference the conference-page specs (market, people, forum) run in. */
export const SLUG = 'buko-2020';
export const WAIT = { timeout: 20_000 };
export type Person = { token: string; personId: string };

/** A browser and an api for specs that open pages of one conference as signed-in people. */
export interface ConferencePages {
  app: TestApp;
  browser: TestBrowser;
  /** A new context signed in as `person`, in `lang`, at `/c/<slug>/<path>`, settled. */
  open(person: Person, name: string, lang: 'de' | 'en', path: string): Promise<Page>;
  stop(): Promise<void>;
}

export async function startConferencePages(label: string, options: TestAppOptions = {}): Promise<ConferencePages> {
  const browser = await launchBrowser();
  const app = await startTestApp(label, options).catch(async (error: unknown) => {
    await browser.close();
    throw error;
  });
  return {
    app,
    browser,
    async open(person, name, lang, path) {
      const { context, page } = await browser.newPage({ width: 1280, height: 900 });
      await prepareContext(context, { token: person.token, displayName: name, lang });
      await page.goto(`${app.url}/c/${SLUG}/${path}`);
      await settle(page);
      return page;
    },
    async stop() {
      await browser.close();
      await app.stop();
    },
  };
}

/** Presses Enter on a button (or link) reached by focus, as a keyboard user would. */
export async function press(page: Page, name: string, role: 'button' | 'link' = 'button'): Promise<void> {
  const button = page.getByRole(role, { name, exact: true });
  await button.waitFor(WAIT);
  await button.focus();
  await page.keyboard.press('Enter');
}
