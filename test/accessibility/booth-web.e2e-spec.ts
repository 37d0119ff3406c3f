/**
 * Real Chromium (fake microphone), real api and LiveKit: a spoken-language interpreter opens the live page, puts the
 * microphone on the English channel and takes over by keyboard; an rtc-node listener sees the track named
 * `interpretation:en` and the live flag. The booth panel is axe clean.
 */
import AxeBuilder from '@axe-core/playwright';
import { Room } from '@livekit/rtc-node';
import type { Page } from 'playwright-core';
import { api, type TestApp } from '../support/app';
import type { TestBrowser } from '../support/browser';
import { signIn } from '../support/people';
import { eventually, rooms } from '../livestream/rtc';
import { SLUG, startInterpreterBooth } from '../web/conference-pages';
import { settle } from '../web/helpers';
import { closeMediaSpec } from '../web/media-teardown';

jest.setTimeout(180_000);

let app: TestApp;
let browser: TestBrowser;
let session: string;
let booth: Page;

beforeAll(async () => {
  ({ app, browser, session, page: booth } = await startInterpreterBooth('booth-web', { title: 'Kabine im Test', name: 'Ina Dolmetscherin', to: 'en' }));
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
