/**
 * Real Chromium (fake camera at 25 fps), real api and LiveKit: a German Sign Language interpreter opens the live page
 * and the page publishes the camera by itself (`useSignLanguageCamera`) as one encoding; an rtc-node viewer that asks
 * for the lowest layer gets at least 320x240 at 25 fps (BITV 2.0 Anlage 2). When the room drops, the page joins again
 * with a fresh grant and publishes the camera again.
 */
import { TrackSource } from '@livekit/rtc-node';
import { RoomServiceClient } from 'livekit-server-sdk';
import type { Page } from 'playwright-core';
import { roomNameFor } from '@podium/livestream';
import { liveKitHttpUrl } from '../../apps/api/src/livestream/livekit-url';
import { api, type TestApp } from '../support/app';
import type { TestBrowser } from '../support/browser';
import { signIn } from '../support/people';
import { testLiveKit } from '../support/services';
import { connect, requestVideoQuality, VideoQuality, withTimeout } from '../livestream/rtc';
import { SLUG, startInterpreterBooth, type Person } from '../web/conference-pages';
import { settle } from '../web/helpers';
import { expectSignLanguageMinimum, measure, nextVideo } from './video-rtc';
import { closeMediaSpec } from '../web/media-teardown';

jest.setTimeout(180_000);

let app: TestApp;
let browser: TestBrowser;
let session: string;
let dgs: Person;
let page: Page;

/** An rtc-node viewer in the stage room (autoSubscribe on). */
async function viewer(name: string) {
  const attendee = await signIn(app, 'attendee', name, SLUG);
  const join = await api(app.url, 'POST', `/api/sessions/${session}/join`, { token: attendee.token, body: { room: 'stage' } });
  expect(join.status).toBe(200);
  return connect(join.body.url, join.body.token);
}

beforeAll(async () => {
  ({ app, browser, session, interpreter: dgs, page } = await startInterpreterBooth('sign-language-web', { title: 'Gebärdensprache im Test', name: 'Gina Gebärden', to: 'gsg', fakeCameraFps: 25 }));
}, 180_000);

afterAll(async () => {
  await closeMediaSpec(browser, app);
});

it('the interpreter page publishes the sign-language camera, one encoding that meets the minimum at the lowest layer', async () => {
  const subscribed = nextVideo(await viewer('Vera Viewer'), dgs.personId); // LiveKit identities are person ids

  await page.goto(`${app.url}/c/${SLUG}/s/${session}/live`);
  await settle(page);

  const { track, publication } = await withTimeout(subscribed, 30_000, 'the interpreter page publishes its camera');
  expect([publication.source, publication.simulcasted]).toEqual([TrackSource.SOURCE_CAMERA, false]);
  requestVideoQuality(publication, VideoQuality.LOW);
  const measured = await withTimeout(measure(track), 30_000, 'frames measured');
  console.log(JSON.stringify({ measured })); // the figures, for the report
  expectSignLanguageMinimum(measured);
});

it('after the room drops, the page joins again with a fresh grant and publishes the camera again', async () => {
  const lk = testLiveKit();
  // Deleting the room disconnects everyone (ROOM_DELETED), which the live page answers by fetching a fresh grant.
  await new RoomServiceClient(liveKitHttpUrl(lk.url), lk.apiKey, lk.apiSecret).deleteRoom(roomNameFor(session, 'stage'));
  const { publication } = await withTimeout(nextVideo(await viewer('Wim Wiederkehr'), dgs.personId), 45_000, 'the camera is published again');
  expect([publication.source, publication.simulcasted]).toEqual([TrackSource.SOURCE_CAMERA, false]);
});
