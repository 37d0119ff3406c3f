// Does real media flow through a loopback-only LiveKit server, and do grants behave as our policy assumes?
import { Room, RoomEvent, dispose } from '@livekit/rtc-node';
import { AccessToken, RoomServiceClient } from 'livekit-server-sdk';
import {
  attributesPatch,
  fromParticipantPermission,
  participantAttributes,
  stagePermission,
  toParticipantPermission,
  toVideoGrant,
  type LivestreamRole,
} from '@podium/livestream';
import { startTestLiveKit } from './support/livekit';
import { firstAudibleFrame, micOptions, nextEvent, sineMicrophone, subscribedFrom, withTimeout } from './livestream/rtc';
import type { LocalLiveKitServer } from '../apps/api/src/livestream/local-livekit-server';

jest.setTimeout(60000);

const ROOM = 'loopback-stage';
let server: LocalLiveKitServer;
let rooms: RoomServiceClient;
const connected: Room[] = [];
const tokens = new Map<string, string>();

/** A join token exactly as the api will make it: policy grant, role attributes, 10 min. */
async function tokenFor(identity: string, role: LivestreamRole, onStage = false): Promise<string> {
  const at = new AccessToken(server.apiKey, server.apiSecret, { identity, ttl: '10m', attributes: participantAttributes(role, onStage) });
  at.addGrant(toVideoGrant(stagePermission(role, onStage), ROOM));
  const jwt = await at.toJwt();
  tokens.set(identity, jwt);
  return jwt;
}

async function join(token: string): Promise<Room> {
  const room = new Room();
  connected.push(room);
  await room.connect(server.url, token, { autoSubscribe: true, dynacast: false });
  return room;
}

async function serverPermission(identity: string) {
  return (await rooms.getParticipant(ROOM, identity)).permission;
}

beforeAll(async () => {
  server = await startTestLiveKit();
  rooms = new RoomServiceClient(server.httpUrl, server.apiKey, server.apiSecret);
});

afterAll(async () => {
  for (const room of connected) await room.disconnect().catch(() => undefined);
  await server?.stop();
  await dispose(); // rtc-node's FFI handle keeps the jest worker alive otherwise
});

let listener: Room;
let attendee: Room;
let speaker: Room;

it('(a) creates and lists a room through RoomServiceClient', async () => {
  await rooms.createRoom({ name: ROOM, emptyTimeout: 60 });
  expect((await rooms.listRooms()).map((r) => r.name)).toContain(ROOM);
});

it('(c) a speaker publishes audio and a listener receives audible frames over 127.0.0.1 only', async () => {
  listener = await join(await tokenFor('listener', 'attendee'));
  speaker = await join(await tokenFor('speaker', 'speaker', true));
  const subscribed = subscribedFrom(listener, 'speaker');
  const mic = sineMicrophone();
  await speaker.localParticipant!.publishTrack(mic.track, micOptions());
  const track = await withTimeout(subscribed, 15000, 'TrackSubscribed on the listener');
  const frame = await withTimeout(firstAudibleFrame(track), 15000, 'an audible frame');
  expect(frame.sampleRate).toBe(48000);
  mic.stop();
});

it('(b) an attendee token (canPublish false) cannot publish audio', async () => {
  attendee = await join(await tokenFor('attendee', 'attendee'));
  const mic = sineMicrophone();
  // The server answers NOT_ALLOWED at once, but rtc-node 1.1.0 only rejects after its 10 s timeout.
  await expect(withTimeout(attendee.localParticipant!.publishTrack(mic.track, micOptions()), 20000, 'refused publish')).rejects.toThrow(
    /track publication timed out/,
  );
  mic.stop();
  expect((await rooms.getParticipant(ROOM, 'attendee')).tracks).toHaveLength(0);
});

it('a partial permission update switches the missing flags off (why the policy sends full objects)', async () => {
  await rooms.updateParticipant(ROOM, 'listener', { permission: { canPublish: false } });
  expect(await serverPermission('listener')).toMatchObject({ canPublish: false, canSubscribe: false });
  await rooms.updateParticipant(ROOM, 'listener', { permission: toParticipantPermission(stagePermission('attendee', false)) });
  expect(await serverPermission('listener')).toMatchObject({ canSubscribe: true });
});

it('(d) promotion with the full permission lets the attendee publish; demotion unpublishes the track', async () => {
  const before = await rooms.getParticipant(ROOM, 'attendee');
  await rooms.updateParticipant(ROOM, 'attendee', {
    permission: toParticipantPermission(stagePermission('attendee', true)),
    attributes: attributesPatch(before.attributes, participantAttributes('attendee', true)),
  });
  const after = await rooms.getParticipant(ROOM, 'attendee');
  expect(fromParticipantPermission(after.permission)).toMatchObject({ canPublish: true, canSubscribe: true, canPublishSources: ['camera', 'microphone'] });
  expect(after.attributes).toMatchObject({ role: 'attendee', stage: 'true' });

  const subscribed = subscribedFrom(listener, 'attendee');
  const mic = sineMicrophone();
  await withTimeout(attendee.localParticipant!.publishTrack(mic.track, micOptions()), 10000, 'publish after promotion');
  await withTimeout(firstAudibleFrame(await withTimeout(subscribed, 15000, 'promoted track subscribed')), 15000, 'promoted audio');

  const unpublished = nextEvent(listener, RoomEvent.TrackUnpublished);
  await rooms.updateParticipant(ROOM, 'attendee', { permission: toParticipantPermission(stagePermission('attendee', false)) });
  await withTimeout(unpublished, 10000, 'TrackUnpublished after demotion');
  expect((await rooms.getParticipant(ROOM, 'attendee')).tracks).toHaveLength(0);
  mic.stop();
});

it('(e) removeParticipant with revokeTokenTs disconnects, but LiveKit 1.13.5 still accepts the old token', async () => {
  const gone = nextEvent(speaker, RoomEvent.Disconnected);
  await rooms.removeParticipant(ROOM, 'speaker', { revokeTokenTs: BigInt(Math.floor(Date.now() / 1000) + 60) });
  await withTimeout(gone, 10000, 'Disconnected after removal');
  const again = await join(tokens.get('speaker')!); // the open-source server ignores revokeTokenTs
  expect(again.isConnected).toBe(true);
  expect((await rooms.getParticipant(ROOM, 'speaker')).identity).toBe('speaker');
});

it('restarts on the same port with the same keys (rooms do not survive)', async () => {
  const { port, rtcUdpPort, apiKey, apiSecret } = server;
  // Clients first: a connected rtc-node client reconnects on its own and its join would create the room anew on the
  // restarted server (seen in a loaded CI run), which is not what this checks.
  for (const room of connected.splice(0)) await room.disconnect().catch(() => undefined);
  await server.stop();
  server = await startTestLiveKit({ port, rtcUdpPort, apiKey, apiSecret });
  expect(server.url).toBe(`ws://127.0.0.1:${port}`);
  expect((await rooms.listRooms()).map((r) => r.name)).not.toContain(ROOM);
});
