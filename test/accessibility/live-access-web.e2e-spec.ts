/**
 * Real Chromium, real api and LiveKit: a viewer on the live page picks the English interpretation with the
 * keyboard (remembered over a reload), and moves, enlarges and hides the sign-language picture-in-picture with
 * the keyboard only (remembered); axe finds nothing in either. The interpreters are rtc-node participants.
 */
import AxeBuilder from '@axe-core/playwright';
import { LocalVideoTrack, TrackPublishOptions, TrackSource, VideoBufferType, VideoFrame, VideoSource } from '@livekit/rtc-node';
import type { Page } from 'playwright-core';
import { api, startTestApp, type TestApp } from '../support/app';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { signIn } from '../support/people';
import { createSession, sessionPerson } from '../livestream/fixtures';
import { connect, micOptions } from '../livestream/rtc';
import { prepareContext, settle } from '../web/helpers';
import { tone } from './channel-rtc';
import { closeMediaSpec } from '../web/media-teardown';

const SLUG = 'buko-2020';
jest.setTimeout(180_000);

let app: TestApp;
let browser: TestBrowser;
let session: string;
let viewer: Page;
const stops: (() => void)[] = [];

async function violations(page: Page, selector: string) {
  const result = await new AxeBuilder({ page }).include(selector).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function joinAs(token: string) {
  const res = await api(app.url, 'POST', `/api/sessions/${session}/join`, { token, body: { room: 'stage' } });
  if (res.status !== 200) throw new Error(`join: ${res.status} ${JSON.stringify(res.body)}`);
  return connect(res.body.url, res.body.token);
}

beforeAll(async () => {
  browser = await launchBrowser();
  app = await startTestApp('live-access-web');
  session = await createSession(app, { title: 'Barrierefrei im Test' });
  const organiser = await signIn(app, 'organiser', 'Olga Organiser', SLUG);
  const english = await sessionPerson(app, session, 'interpreter', 'Ina Dolmetscherin', SLUG);
  const dgs = await sessionPerson(app, session, 'interpreter', 'Gina Gebärden', SLUG);
  for (const [who, to] of [[english, 'en'], [dgs, 'gsg']] as const) {
    const res = await api(app.url, 'PUT', `/api/sessions/${session}/interpreters/${who.personId}/languages`, { token: organiser.token, body: { from: 'de', to } });
    expect(res.status).toBe(200);
  }
  const channel = tone('interpretation:en', 440);
  stops.push(channel.stop);
  await (await joinAs(english.token)).localParticipant!.publishTrack(channel.track, micOptions());

  const source = new VideoSource(640, 480);
  const frame = new Uint8Array(640 * 480 * 1.5).fill(128);
  const timer = setInterval(() => source.captureFrame(new VideoFrame(frame, 640, 480, VideoBufferType.I420)), 40);
  stops.push(() => clearInterval(timer));
  await (await joinAs(dgs.token)).localParticipant!.publishTrack(LocalVideoTrack.createVideoTrack('sign-language', source), new TrackPublishOptions({ source: TrackSource.SOURCE_CAMERA }));

  const attendee = await signIn(app, 'attendee', 'Ada Audience', SLUG);
  const v = await browser.newPage({ width: 1280, height: 900 });
  await prepareContext(v.context, { token: attendee.token, displayName: 'Ada Audience', lang: 'de' });
  viewer = v.page;
}, 180_000);

afterAll(async () => {
  for (const stop of stops) stop();
  await closeMediaSpec(browser, app);
});

it('the viewer picks the English interpretation with the keyboard; the choice is kept over a reload', async () => {
  await viewer.goto(`${app.url}/c/${SLUG}/s/${session}/live`);
  await settle(viewer);
  const choice = viewer.getByTestId('language-choice');
  await choice.getByLabel('Englisch').waitFor({ timeout: 30_000 });
  expect(await choice.getByRole('radio').count()).toBe(2); // the floor and English: the sign language opens no audio channel
  expect(await choice.getByLabel('Saalton (ohne Dolmetschung)').isChecked()).toBe(true);
  await choice.getByLabel('Saalton (ohne Dolmetschung)').focus();
  await viewer.keyboard.press('ArrowDown'); // radio group: the arrow key selects the next option
  expect(await choice.getByLabel('Englisch').isChecked()).toBe(true);
  await choice.getByText('Sie hören die Dolmetschung auf Englisch, den Saal leiser darunter.').waitFor({ timeout: 15_000 });
  expect(await violations(viewer, '[data-testid="language-choice"]')).toEqual([]);

  await viewer.reload();
  await settle(viewer);
  await viewer.getByTestId('language-choice').getByText('Sie hören die Dolmetschung auf Englisch').waitFor({ timeout: 30_000 });
  expect(await viewer.getByTestId('language-choice').getByLabel('Englisch').isChecked()).toBe(true);
});

it('the sign-language interpreter is a picture-in-picture the viewer moves, enlarges and hides by keyboard, remembered', async () => {
  const pip = viewer.getByTestId('sign-pip');
  await pip.locator('video').waitFor({ timeout: 30_000 });
  expect([await pip.getAttribute('data-corner'), await pip.getAttribute('data-size')]).toEqual(['bottom-right', 'medium']);
  expect(await viewer.getByTestId('stage-tile').count()).toBe(0); // the interpreter is in the picture-in-picture, not twice
  await pip.focus();
  await viewer.keyboard.press('ArrowLeft');
  await viewer.keyboard.press('ArrowUp');
  await viewer.keyboard.press('+');
  expect([await pip.getAttribute('data-corner'), await pip.getAttribute('data-size')]).toEqual(['top-left', 'large']);
  const box = await pip.locator('video').boundingBox();
  expect([Math.round(box!.width), Math.round(box!.height)]).toEqual([640, 480]);
  expect(await violations(viewer, '[data-testid="sign-pip"]')).toEqual([]);

  await viewer.keyboard.press('Tab'); // Verschieben
  await viewer.keyboard.press('Enter'); // clockwise: top-left -> top-right
  expect(await pip.getAttribute('data-corner')).toBe('top-right');
  await viewer.getByRole('button', { name: 'Ausblenden' }).focus();
  await viewer.keyboard.press('Enter');
  await viewer.getByTestId('sign-pip-show').waitFor({ timeout: 5_000 });
  expect(await pip.count()).toBe(0);

  await viewer.reload();
  await settle(viewer);
  const show = viewer.getByTestId('sign-pip-show');
  await show.waitFor({ timeout: 30_000 });
  await show.focus();
  await viewer.keyboard.press('Enter');
  await pip.waitFor({ timeout: 5_000 });
  expect([await pip.getAttribute('data-corner'), await pip.getAttribute('data-size')]).toEqual(['top-right', 'large']);
});

it('in the hall, a phone plays only the chosen channel: chosen by keyboard, axe clean', async () => {
  const hall = await browser.newPage({ width: 360, height: 780 });
  await prepareContext(hall.context, { token: (await signIn(app, 'attendee', 'Hanna Hall', SLUG)).token, displayName: 'Hanna Hall', lang: 'de' });
  const phone = hall.page;
  await phone.goto(`${app.url}/h/${SLUG}/${session}`);
  await settle(phone);
  const box = phone.getByTestId('hall-interpretation');
  expect(await box.getByRole('radio').count()).toBe(0); // nothing joined before asked
  await box.getByLabel('Dolmetschung auf diesem Telefon hören (mit Kopfhörern)').focus();
  await phone.keyboard.press('Space');
  await box.getByLabel('Englisch').waitFor({ timeout: 30_000 });
  expect(await box.getByLabel('Keine Dolmetschung').isChecked()).toBe(true);
  await box.getByLabel('Keine Dolmetschung').focus();
  await phone.keyboard.press('ArrowDown');
  await box.getByText('Sie hören die Dolmetschung auf Englisch.').waitFor({ timeout: 15_000 });
  expect(await violations(phone, '[data-testid="hall-interpretation"]')).toEqual([]);
});
