import type { BrowserContext, Page } from 'playwright-core';
import { api, startTestApp, type TestApp, type TestAppOptions } from '../support/app';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { signIn } from '../support/people';
import { createSession, sessionPerson } from '../livestream/fixtures';
import { prepareContext, settle } from './helpers';

/** The seeded conference the conference-page specs (market, people, forum) run in. */
export const SLUG = 'buko-2020';
export const WAIT = { timeout: 20_000 };
export type Person = { token: string; personId: string };

/** A browser and an api for specs that open pages of one conference as signed-in people. */
export interface ConferencePages {
  app: TestApp;
  browser: TestBrowser;
  /** A new context signed in as `person` (null: signed out), in `lang`, at `/c/<slug>/<path>`, settled. */
  open(person: Person | null, name: string, lang: 'de' | 'en', path: string): Promise<Page>;
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
      await prepareContext(context, { token: person?.token, displayName: name, lang });
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

/** The conference's rooms, id by name, as the api lists them. */
export async function roomIds(app: TestApp): Promise<Map<string, string>> {
  const res = await api(app.url, 'GET', `/api/conferences/${SLUG}/rooms`);
  return new Map((res.body as { id: string; name: string }[]).map((r) => [r.name, r.id]));
}

/** A forum without livestream, made by `organiser` through the api at local wall times (`2020-09-21T17:00`); no room: `roomId` undefined. */
export async function createSessionAs(app: TestApp, organiser: Person, title: string, start: string, end: string, roomId: string | undefined): Promise<string> {
  const body = { kind: 'forum', title, start, end, roomId, livestream: false };
  const res = await api(app.url, 'POST', `/api/conferences/${SLUG}/sessions`, { token: organiser.token, body });
  if (res.status !== 201) throw new Error(`create session: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** A session's row as stored: start and end in UTC (ISO), and its room. */
export async function storedSession(app: TestApp, id: string): Promise<{ start: string; end: string; roomId: string | null }> {
  const [row] = await app.podium.dataSource.query('SELECT starts_at, ends_at, room_id FROM session WHERE id = $1', [id]);
  return { start: new Date(row.starts_at).toISOString(), end: new Date(row.ends_at).toISOString(), roomId: row.room_id };
}

/** The organiser's programme grid (German, 1280 px), drawn; close its context when done. */
export async function openOrganiserGrid(pages: ConferencePages, organiser: Person): Promise<{ context: BrowserContext; page: Page }> {
  const page = await pages.open(organiser, 'Olga Organisatorin', 'de', 'organisation/grid');
  await page.locator('.grid-board').waitFor(WAIT);
  return { context: page.context(), page };
}

/** A session's block in the programme grid. */
export const gridBlock = (page: Page, id: string) => page.locator(`.grid-session[data-session-id="${id}"]`);

/** Presses Enter on a button (or link) reached by focus, as a keyboard user would. */
export async function press(page: Page, name: string, role: 'button' | 'link' = 'button'): Promise<void> {
  const button = page.getByRole(role, { name, exact: true });
  await button.waitFor(WAIT);
  await button.focus();
  await page.keyboard.press('Enter');
}

/** A live session of SLUG with one interpreter (German to `to`) and a page signed in as them (German, 1200 px), not yet opened. */
export interface InterpreterBooth {
  app: TestApp;
  browser: TestBrowser;
  session: string;
  interpreter: Person;
  page: Page;
}

/** The interpreter specs' set-up: browser, api, session, the organiser's language pair, the interpreter's page. */
export async function startInterpreterBooth(label: string, o: { title: string; name: string; to: string; fakeCameraFps?: number }): Promise<InterpreterBooth> {
  const browser = await launchBrowser({ fakeCameraFps: o.fakeCameraFps });
  const app = await startTestApp(label).catch(async (error: unknown) => {
    await browser.close();
    throw error;
  });
  const session = await createSession(app, { title: o.title });
  const organiser = await signIn(app, 'organiser', 'Olga Organiser', SLUG);
  const interpreter = await sessionPerson(app, session, 'interpreter', o.name, SLUG);
  const pair = await api(app.url, 'PUT', `/api/sessions/${session}/interpreters/${interpreter.personId}/languages`, { token: organiser.token, body: { from: 'de', to: o.to } });
  if (pair.status !== 200) throw new Error(`language pair: ${pair.status} ${JSON.stringify(pair.body)}`);
  const { context, page } = await browser.newPage({ width: 1200, height: 900 });
  await prepareContext(context, { token: interpreter.token, displayName: o.name, lang: 'de' });
  return { app, browser, session, interpreter, page };
}
