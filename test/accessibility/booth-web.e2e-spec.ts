/**
 * Real Chromium (fake microphone), real api and LiveKit: a spoken-language interpreter opens the live page, puts the
 * microphone on the English channel and takes over by keyboard; an rtc-node listener sees the track named
 * `interpretation:en` and the live flag. The booth panel is axe clean.
 */
import AxeBuilder from '@axe-core/playwright';
import { Room } from '@livekit/rtc-node';
import type { Page } from 'playwright-core';
import { api, startTestApp, type TestApp } from '../support/app';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { signIn } from '../support/people';
import { createSession, sessionPerson } from '../livestream/fixtures';
import { eventually, rooms } from '../livestream/rtc';
import { prepareContext, settle } from '../web/helpers';
import { closeMediaSpec } from '../web/media-teardown';

const SLUG = 'buko-2020';
jest.setTimeout(180_000);

let app: TestApp;
let browser: TestBrowser;
let session: string;
let booth: Page;
let ina: { token: string; personId: string };

beforeAll(async () => {
  browser = await launchBrowser();
  app = await startTestApp('booth-web');
  session = await createSession(app, { title: 'Kabine im Test' });
  const organiser = await signIn(app, 'organiser', 'Olga Organiser', SLUG);
  ina = await sessionPerson(app, session, 'interpreter', 'Ina Dolmetscherin', SLUG);
  expect((await api(app.url, 'PUT', `/api/sessions/${session}/interpreters/${ina.personId}/languages`, { token: organiser.token, body: { from: 'de', to: 'en' } })).status).toBe(200);
  const b = await browser.newPage({ width: 1200, height: 900 });
  await prepareContext(b.context, { token: ina.token, displayName: 'Ina Dolmetscherin', lang: 'de' });
  booth = b.page;
}, 180_000);

afterAll(async () => {
  await closeMediaSpec(browser, app);
});

it('the interpreter sends on the English channel and takes over, by keyboard', async () => {
  const attendee = await signIn(app, 'attendee', 'Lea Listener', SLUG);
  const join = await api(app.url, 'POST', `/api/sessions/${session}/join`, { token: attendee.token, body: { room: 'stage' } });
  const listener = new Room();
  rooms.push(listener);
  await listener.connect(join.body.url, join.body.token, { autoSubscribe: false, dynacast: false });

  await booth.goto(`${app.url}/c/${SLUG}/s/${session}/live`);
  await settle(booth);
  const panel = booth.getByTestId('booth');
  await panel.getByRole('heading', { name: 'Dolmetschkabine: Kanal Englisch' }).waitFor({ timeout: 30_000 });
  await panel.getByText('Sie sind nicht live').waitFor();
  expect((await new AxeBuilder({ page: booth }).include('[data-testid="booth"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations).toEqual([]);

  await panel.getByRole('button', { name: 'Mikrofon auf den Kanal schalten' }).focus();
  await booth.keyboard.press('Enter');
  await panel.getByRole('button', { name: 'Mikrofon vom Kanal nehmen' }).waitFor({ timeout: 15_000 });
  const names = await eventually(async () => {
    const p = [...listener.remoteParticipants.values()].find((r) => r.attributes.role === 'interpreter');
    const list = p ? [...p.trackPublications.values()].map((t) => t.name) : [];
    return list.length ? list : null;
  }, 30_000, 'the channel track reaches the room');
  expect(names).toEqual(['interpretation:en']); // the channel only: no floor microphone, no camera

  await panel.getByRole('button', { name: 'Übernehmen (live schalten)' }).focus();
  await booth.keyboard.press('Enter');
  await panel.getByText('Sie sind live').waitFor({ timeout: 15_000 });
  await eventually(async () => [...listener.remoteParticipants.values()].some((p) => p.attributes['podium.live'] === 'true'), 15_000, 'listener sees the live flag');
});
