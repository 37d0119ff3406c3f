// The sign-language interpreter's video on a real LiveKit: marked for pinning, published with the
// encoding of SIGN_LANGUAGE_VIDEO, and measured at a subscriber that asks for the lowest layer, as a viewer on a
// small window or a weak link gets it (BITV 2.0 Anlage 2: >= 320x240, >= 25 fps).
import { dispose, LocalVideoTrack, TrackPublishOptions, TrackSource, VideoBufferType, VideoFrame, VideoSource } from '@livekit/rtc-node';
import { SIGN_LANGUAGE_VIDEO } from '@podium/contracts';
import { api, startTestApp, type TestApp } from '../support/app';
import { signIn } from '../support/people';
import { claimsOf, createSession, sessionPerson } from '../livestream/fixtures';
import { connect, disconnectAll, requestVideoQuality, VideoQuality, withTimeout } from '../livestream/rtc';
import { expectSignLanguageMinimum, measure, nextVideo } from './video-rtc';

jest.setTimeout(120000);

let app: TestApp;
let session: string;
let stopCamera = () => undefined as void;

async function grant(token: string): Promise<{ url: string; token: string; identity: string }> {
  const res = await api(app.url, 'POST', `/api/sessions/${session}/join`, { token, body: { room: 'stage' } });
  if (res.status !== 200) throw new Error(`join: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A synthetic 640x480 camera at 25 fps: an I420 picture whose brightness moves, so every frame is new. */
function syntheticCamera(width: number, height: number, fps: number): { track: LocalVideoTrack; stop(): void } {
  const source = new VideoSource(width, height);
  const track = LocalVideoTrack.createVideoTrack('sign-language', source);
  const data = new Uint8Array(width * height * 1.5).fill(128);
  let frame = 0;
  const start = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    data.fill((frame * 7) % 220, 0, width * height);
    source.captureFrame(new VideoFrame(data, width, height, VideoBufferType.I420), BigInt(Math.round((frame * 1e6) / fps)));
    frame++;
    timer = setTimeout(tick, Math.max(0, start + (frame * 1000) / fps - Date.now())); // absolute schedule: no drift
  };
  tick();
  return { track, stop: () => clearTimeout(timer) };
}

beforeAll(async () => {
  app = await startTestApp('sign-language');
  session = await createSession(app, { startsInMinutes: -5 });
});

afterAll(async () => {
  stopCamera();
  await disconnectAll();
  await app?.stop();
  await dispose();
});

it('a German Sign Language interpreter is pinned and reaches a viewer asking for the lowest layer at >= 320x240 and 25 fps', async () => {
  const organiser = await signIn(app, 'organiser', 'Olga Organiser', 'buko-2020');
  const dgs = await sessionPerson(app, session, 'interpreter', 'Gebärdensprachdolmetscherin');
  const pair = await api(app.url, 'PUT', `/api/sessions/${session}/interpreters/${dgs.personId}/languages`, { token: organiser.token, body: { from: 'de', to: 'gsg' } });
  expect(pair.status).toBe(200);
  const g = await grant(dgs.token);
  // Pinned for every viewer; a sign language opens no audio channel.
  expect(claimsOf(g.token).attributes).toEqual({ role: 'interpreter', stage: 'true', pinned: 'true', 'podium.languages': 'de>gsg' });

  const viewerPerson = await signIn(app, 'attendee', 'Vera Viewer', 'buko-2020');
  const viewerGrant = await grant(viewerPerson.token);
  const viewer = await connect(viewerGrant.url, viewerGrant.token);
  const subscribed = nextVideo(viewer, g.identity);

  const interpreter = await connect(g.url, g.token);
  const camera = syntheticCamera(640, 480, 25);
  stopCamera = camera.stop;
  const options = new TrackPublishOptions({
    source: TrackSource.SOURCE_CAMERA,
    simulcast: SIGN_LANGUAGE_VIDEO.simulcast,
    videoEncoding: { maxBitrate: BigInt(SIGN_LANGUAGE_VIDEO.maxBitrate), maxFramerate: SIGN_LANGUAGE_VIDEO.fps },
  });
  await interpreter.localParticipant!.publishTrack(camera.track, options);

  const { track, publication } = await withTimeout(subscribed, 30000, 'viewer subscribes to the interpreter');
  requestVideoQuality(publication, VideoQuality.LOW);
  const measured = await withTimeout(measure(track), 30000, 'frames measured');
  console.log(JSON.stringify({ measured })); // the figures, for the report
  expectSignLanguageMinimum(measured);
});
