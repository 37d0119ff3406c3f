/**
 * Going live in real Chromium (fake camera and microphone), against the real api and LiveKit server: a speaker checks
 * the devices backstage and presses "Live gehen"; a fishbowl guest is invited by the moderator and accepts. For each,
 * an rtc-node viewer gets an unmuted camera that carries frames and an unmuted microphone that carries the fake
 * microphone's tone. When the room drops (deleted on the server), the page joins again and publishes both again.
 * "Live gehen" is one decision: a reload of the live page keeps the speaker on air, leaving the page inside the app
 * (or pressing "Bühne verlassen") ends it, and coming back later publishes nothing.
 */
import { RoomEvent, TrackKind, TrackSource, type Participant, type Room, type TrackPublication } from '@livekit/rtc-node';
import type { Page } from 'playwright-core';
import { RoomServiceClient } from 'livekit-server-sdk';
import { roomNameFor } from '@podium/livestream';
import { liveKitHttpUrl } from '../../apps/api/src/livestream/livekit-url';
import { api, startTestApp, type TestApp } from '../support/app';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { signIn } from '../support/people';
import { testLiveKit } from '../support/services';
import { addToSession, createSession, sessionPerson } from '../livestream/fixtures';
import { connect, eventually, firstAudibleFrame, withTimeout } from '../livestream/rtc';
import { measure, nextTrack } from '../accessibility/video-rtc';
import { prepareContext, settle } from './helpers';
import { closeMediaSpec } from './media-teardown';

const SLUG = 'buko-2020';
const WAIT = { timeout: 30_000 };
jest.setTimeout(180_000);

let app: TestApp;
let browser: TestBrowser;

beforeAll(async () => {
  browser = await launchBrowser();
  app = await startTestApp('go-live-web');
}, 180_000);

afterAll(async () => {
  await closeMediaSpec(browser, app);
});

async function open(person: { token: string }, name: string, path: string): Promise<Page> {
  const { context, page } = await browser.newPage({ width: 1280, height: 900 });
  await prepareContext(context, { token: person.token, displayName: name, lang: 'de' });
  await page.goto(`${app.url}/c/${SLUG}/${path}`);
  await settle(page);
  return page;
}

/** An rtc-node viewer in the session's stage room (autoSubscribe on). */
async function viewer(session: string, name: string): Promise<Room> {
  const attendee = await signIn(app, 'attendee', name, SLUG);
  const join = await api(app.url, 'POST', `/api/sessions/${session}/join`, { token: attendee.token, body: { room: 'stage' } });
  expect(join.status).toBe(200);
  return connect(join.body.url, join.body.token);
}

/**
 * What `room` receives from `identity` (a person id): the camera unmuted, at least a second of frames of a real
 * picture (the fake camera sends at 20 fps: 3 s hold about 60, 37 on a loaded machine), and the microphone unmuted
 * and audible (the fake microphone beeps).
 */
async function expectOnAir(room: Room, identity: string): Promise<void> {
  const camera = await withTimeout(nextTrack(room, identity, TrackKind.KIND_VIDEO), 45_000, 'the camera is published');
  const microphone = await withTimeout(nextTrack(room, identity, TrackKind.KIND_AUDIO), 30_000, 'the microphone is published');
  const muted = { camera: camera.publication.muted, microphone: microphone.publication.muted };
  console.log(JSON.stringify({ identity, mutedWhenSubscribed: muted })); // for the report
  const measured = await withTimeout(measure(camera.track, 1000, 3000), 30_000, 'camera frames arrive');
  console.log(JSON.stringify({ identity, measured })); // the figures, for the report
  expect([camera.publication.source, camera.publication.muted]).toEqual([TrackSource.SOURCE_CAMERA, false]);
  expect([microphone.publication.source, microphone.publication.muted]).toEqual([TrackSource.SOURCE_MICROPHONE, false]);
  expect(measured.frames).toBeGreaterThanOrEqual(20);
  // A real picture: the smallest simulcast layer is 320x180 (seen under load); a busy encoder may scale down once more.
  expect(measured.minWidth).toBeGreaterThanOrEqual(160);
  expect(measured.minHeight).toBeGreaterThanOrEqual(90);
  await withTimeout(firstAudibleFrame(microphone.track), 30_000, 'the microphone carries sound');
}

/** The next time `identity` mutes its microphone, as `room` hears of it. */
function microphoneMuted(room: Room, identity: string): Promise<void> {
  return new Promise((ok) => {
    const on = (publication: TrackPublication, participant: Participant) => {
      if (participant.identity !== identity || publication.source !== TrackSource.SOURCE_MICROPHONE) return;
      room.off(RoomEvent.TrackMuted, on);
      ok();
    };
    room.on(RoomEvent.TrackMuted, on);
  });
}

/** What `room` gets from `identity` right now: its camera and microphone publications that are not muted. */
function onAirFrom(room: Room, identity: string): TrackSource[] {
  const publications = [...(room.remoteParticipants.get(identity)?.trackPublications.values() ?? [])].filter((p) => !p.muted);
  return publications.map((p) => p.source!).filter((s) => s === TrackSource.SOURCE_CAMERA || s === TrackSource.SOURCE_MICROPHONE);
}

/** Every camera and microphone publication `room` knows of `identity`, muted or not. */
function publishedFrom(room: Room, identity: string): TrackSource[] {
  const publications = [...(room.remoteParticipants.get(identity)?.trackPublications.values() ?? [])];
  return publications.map((p) => p.source!).filter((s) => s === TrackSource.SOURCE_CAMERA || s === TrackSource.SOURCE_MICROPHONE);
}

/** Waits until `identity` is (or is no longer) a participant of `room`. */
function inRoom(room: Room, identity: string, wanted: boolean): Promise<boolean> {
  return eventually(async () => room.remoteParticipants.has(identity) === wanted, 30_000, `${identity} in the room: ${wanted}`);
}

/**
 * Once `identity` is in the room, it sends neither camera nor microphone. An absence can only be waited for:
 * a short settle window (publishing on main took about a second after joining).
 */
async function expectOffAir(room: Room, identity: string): Promise<void> {
  await inRoom(room, identity, true);
  await new Promise((r) => setTimeout(r, 5_000));
  expect(onAirFrom(room, identity)).toEqual([]);
}

/** From the backstage: the device check, then "Live gehen", until the viewer sees camera and microphone. */
async function goLiveFromBackstage(page: Page, session: string, watcher: Room, identity: string): Promise<void> {
  await page.getByRole('button', { name: 'Geräteprüfung starten' }).click();
  await page.locator('[data-testid="device-check-result"][data-result="ok"]').waitFor(WAIT);
  await page.getByRole('button', { name: 'Live gehen' }).click();
  await page.waitForURL(`**/s/${session}/live`);
  await eventually(async () => onAirFrom(watcher, identity).length === 2, 45_000, 'the viewer sees camera and microphone');
}

/** Deleting the room disconnects everyone (ROOM_DELETED), which the live page answers by fetching a fresh grant. */
async function dropRoom(session: string): Promise<void> {
  const lk = testLiveKit();
  await new RoomServiceClient(liveKitHttpUrl(lk.url), lk.apiKey, lk.apiSecret).deleteRoom(roomNameFor(session, 'stage'));
}

describe('a speaker goes live from backstage', () => {
  let session: string;
  let speaker: { token: string; personId: string };
  let page: Page;
  let room: Room;

  beforeAll(async () => {
    session = await createSession(app, { title: 'Live gehen im Test' });
    speaker = await sessionPerson(app, session, 'speaker', 'Sina Sprecherin', SLUG);
  });

  it('publishes camera and microphone, unmuted and carrying picture and sound', async () => {
    page = await open(speaker, 'Sina Sprecherin', `s/${session}/backstage`);
    await page.getByRole('button', { name: 'Geräteprüfung starten' }).click();
    await page.locator('[data-testid="device-check-result"][data-result="ok"]').waitFor(WAIT);
    await page.getByRole('button', { name: 'Live gehen' }).click();
    await page.waitForURL(`**/s/${session}/live`);
    room = await viewer(session, 'Vera Viewer');
    await expectOnAir(room, speaker.personId);
  });

  it('keeps the switched-off microphone off, and publishes both again (microphone on) after the room drops', async () => {
    // The page's own switch mutes the microphone: the viewer hears of it, and nothing switches it back on.
    const muted = microphoneMuted(room, speaker.personId);
    await page.getByRole('button', { name: 'Mikrofon', exact: true }).click();
    await withTimeout(muted, 15_000, 'the viewer learns that the microphone is off');
    expect(await page.getByRole('button', { name: 'Mikrofon', exact: true }).getAttribute('aria-pressed')).toBe('false');
    await dropRoom(session);
    await expectOnAir(await viewer(session, 'Wim Wiederkehr'), speaker.personId);
  });

  it('stays on air through a reload of the live page (F5 must not take a speaker off air)', async () => {
    await page.reload();
    await settle(page);
    await page.locator('.stage-controls button[aria-pressed="true"]', { hasText: 'Kamera' }).waitFor(WAIT);
    await expectOnAir(await viewer(session, 'Rolf Neuladen'), speaker.personId);
  });

  it('ends the decision when the speaker leaves the live page inside the app: back on it, nothing is published', async () => {
    const watcher = await viewer(session, 'Hanna Hinundher');
    await eventually(async () => onAirFrom(watcher, speaker.personId).length === 2, 45_000, 'the viewer sees the speaker on air');
    await page.getByRole('link', { name: 'Zur Sitzung' }).click();
    await page.waitForURL(`**/s/${session}`);
    await inRoom(watcher, speaker.personId, false);
    await page.goBack(); // the browser's back button, inside the single-page app
    await page.waitForURL(`**/s/${session}/live`);
    await expectOffAir(watcher, speaker.personId);
  });

  it('"Bühne verlassen" unpublishes, says so, offers the backstage, and a reload then stays off air', async () => {
    const watcher = await viewer(session, 'Lena Leise');
    await page.goto(`${app.url}/c/${SLUG}/s/${session}/backstage`);
    await settle(page);
    await goLiveFromBackstage(page, session, watcher, speaker.personId);
    await page.getByRole('button', { name: 'Bühne verlassen' }).click();
    // Unpublished, not muted: a muted publication would still show the viewer a dark tile of someone who left.
    await eventually(async () => publishedFrom(watcher, speaker.personId).length === 0, 30_000, 'camera and microphone unpublished');
    await page.getByRole('status').filter({ hasText: 'Sie sind nicht mehr auf der Bühne.' }).waitFor(WAIT);
    const back = page.getByRole('link', { name: 'Zurück zum Backstage' });
    expect(await back.getAttribute('href')).toBe(`/c/${SLUG}/s/${session}/backstage`);
    expect(await back.evaluate((link) => link === document.activeElement)).toBe(true);
    await page.reload();
    await settle(page);
    await expectOffAir(watcher, speaker.personId);
  });
});

describe('a fishbowl guest takes a chair', () => {
  let session: string;
  let guest: { token: string; personId: string };

  beforeAll(async () => {
    const moderator = await signIn(app, 'moderator', 'Moritz Moderator', SLUG);
    guest = await signIn(app, 'attendee', 'Ayşe Arslan', SLUG);
    session = await createSession(app, { kind: 'fishbowl', title: 'Fishbowl live im Test', endsInMinutes: 120 });
    await addToSession(app, session, moderator.personId, 'moderator');
    const mod = await open(moderator, 'Moritz Moderator', `s/${session}/moderation`);
    await mod.locator('#set-chairs').waitFor(WAIT);
    await mod.locator('#set-chairs').fill('2');
    await mod.getByRole('button', { name: 'Einstellungen speichern' }).click();
    await mod.getByText('Einstellungen gespeichert.').waitFor(WAIT);
    await mod.getByRole('button', { name: 'Fishbowl starten' }).click();
    await mod.getByText('Fishbowl: läuft').waitFor(WAIT);
    const page = await open(guest, 'Ayşe Arslan', `s/${session}/live`);
    await page.getByRole('button', { name: 'Um einen Platz bitten' }).click();
    await mod.locator(`.queue [data-person="${guest.personId}"]`).getByRole('button', { name: 'Einladen Ayşe Arslan' }).click();
    await page.locator('[data-testid="device-check-result"][data-result="ok"]').waitFor(WAIT);
    await page.getByRole('button', { name: 'Annehmen und Platz nehmen' }).click();
    await page.getByText('Sie sitzen auf Stuhl 2.').waitFor(WAIT);
  }, 180_000);

  it('publishes camera and microphone, unmuted and carrying picture and sound', async () => {
    await expectOnAir(await viewer(session, 'Viktor Zuschauer'), guest.personId);
  });

  it('publishes both again after the room drops', async () => {
    await dropRoom(session);
    await expectOnAir(await viewer(session, 'Rita Rückkehr'), guest.personId);
  });
});
