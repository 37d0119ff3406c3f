/**
 * Real Chromium (fake camera at 25 fps), real api and LiveKit: a German Sign Language interpreter opens the live page
 * and the page publishes the camera by itself (`useSignLanguageCamera`) as one encoding; an rtc-node viewer that asks
 * for the lowest layer gets at least 320x240 at 25 fps (BITV 2.0 Anlage 2). When the room drops, the page joins again
 * with a fresh grant and publishes the camera again.
 */
import { TrackSource } from '@livekit/rtc-node';
import { RoomServiceClient } from 'livekit-server-sdk';
import { roomNameFor } from '@podium/livestream';
import { liveKitHttpUrl } from '../../apps/api/src/livestream/livekit-url';
import { api, startTestApp, type TestApp } from '../support/app';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { signIn } from '../support/people';
import { testLiveKit } from '../support/services';
import { createSession, sessionPerson } from '../livestream/fixtures';
import { connect, requestVideoQuality, VideoQuality, withTimeout } from '../livestream/rtc';
import { prepareContext, settle } from '../web/helpers';
import { expectSignLanguageMinimum, measure, nextVideo } from './video-rtc';
import { closeMediaSpec } from '../web/media-teardown';

const SLUG = 'buko-2020';
jest.setTimeout(180_000);

let app: TestApp;
let browser: TestBrowser;
let session: string;
let dgs: { token: string; personId: string };

/** An rtc-node viewer in the stage room (autoSubscribe on). */
async function viewer(name: string) {
  const attendee = await signIn(app, 'attendee', name, SLUG);
  const join = await api(app.url, 'POST', `/api/sessions/${session}/join`, { token: attendee.token, body: { room: 'stage' } });
  expect(join.status).toBe(200);
  return connect(join.body.url, join.body.token);
}

beforeAll(async () => {
  browser = await launchBrowser({ fakeCameraFps: 25 });
  app = await startTestApp('sign-language-web');
  session = await createSession(app, { title: 'Gebärdensprache im Test' });
  const organiser = await signIn(app, 'organiser', 'Olga Organiser', SLUG);
  dgs = await sessionPerson(app, session, 'interpreter', 'Gina Gebärden', SLUG);
  const pair = await api(app.url, 'PUT', `/api/sessions/${session}/interpreters/${dgs.personId}/languages`, { token: organiser.token, body: { from: 'de', to: 'gsg' } });
  expect(pair.status).toBe(200);
}, 180_000);

afterAll(async () => {
  await closeMediaSpec(browser, app);
});

it('the interpreter page publishes the sign-language camera, one encoding that meets the minimum at the lowest layer', async () => {
  const subscribed = nextVideo(await viewer('Vera Viewer'), dgs.personId); // LiveKit identities are person ids

  const { context, page } = await browser.newPage({ width: 1200, height: 900 });
  await prepareContext(context, { token: dgs.token, displayName: 'Gina Gebärden', lang: 'de' });
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
