// Headless participants with @livekit/rtc-node (see docs/livekit-notes.md for what works).
import { AudioFrame, AudioSource, AudioStream, LocalAudioTrack, Room, RoomEvent, TrackPublishOptions, TrackSource, type RemoteParticipant, type RemoteTrack, type RemoteTrackPublication } from '@livekit/rtc-node';

export const rooms: Room[] = [];

export async function connect(url: string, token: string): Promise<Room> {
  const room = new Room();
  rooms.push(room);
  await room.connect(url, token, { autoSubscribe: true, dynacast: false });
  return room;
}

export async function disconnectAll(): Promise<void> {
  for (const room of rooms.splice(0)) await room.disconnect().catch(() => undefined);
}

export async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, fail) => (timer = setTimeout(() => fail(new Error(`timeout: ${what}`)), ms)));
  try {
    return await Promise.race([p, late]);
  } finally {
    clearTimeout(timer); // a pending timer keeps jest alive
  }
}

/** A 440 Hz sine in 10 ms frames until stop(). */
export function sineMicrophone(): { track: LocalAudioTrack; stop(): void } {
  const rate = 48000;
  const source = new AudioSource(rate, 1);
  const track = LocalAudioTrack.createAudioTrack('mic', source);
  let running = true;
  let t = 0;
  void (async () => {
    while (running) {
      const frame = AudioFrame.create(rate, 1, rate / 100);
      for (let i = 0; i < frame.samplesPerChannel; i++, t++) frame.data[i] = Math.round(8000 * Math.sin((2 * Math.PI * 440 * t) / rate));
      await source.captureFrame(frame).catch(() => (running = false));
    }
  })();
  return { track, stop: () => (running = false) };
}

export const micOptions = () => new TrackPublishOptions({ source: TrackSource.SOURCE_MICROPHONE });

/**
 * Connects with a grant (listening for subscriptions before connecting, so none is missed) and publishes a
 * sine microphone, kept in `mics` for the caller to stop; `heard` holds each speaker's track by identity.
 */
export async function talk(grant: { url: string; token: string }, mics: { stop(): void }[]): Promise<{ room: Room; heard: Map<string, RemoteTrack> }> {
  const room = new Room();
  rooms.push(room);
  const heard = new Map<string, RemoteTrack>();
  room.on(RoomEvent.TrackSubscribed, (track: RemoteTrack, _p: RemoteTrackPublication, from: RemoteParticipant) => heard.set(from.identity, track));
  await room.connect(grant.url, grant.token, { autoSubscribe: true, dynacast: false });
  const mic = sineMicrophone();
  mics.push(mic);
  await room.localParticipant!.publishTrack(mic.track, micOptions());
  return { room, heard };
}

export function nextEvent(room: Room, event: RoomEvent.Disconnected | RoomEvent.TrackUnpublished): Promise<unknown> {
  return new Promise((ok) => room.once(event, ((arg: unknown) => ok(arg)) as never));
}

/** The next track of `identity` this room subscribes to. */
export function subscribedFrom(room: Room, identity: string): Promise<RemoteTrack> {
  return new Promise((ok) => {
    const on = (track: RemoteTrack, _pub: unknown, participant: { identity: string }) => {
      if (participant.identity !== identity) return;
      room.off(RoomEvent.TrackSubscribed, on);
      ok(track);
    };
    room.on(RoomEvent.TrackSubscribed, on);
  });
}

/** Reads frames until one is audible: proof that the audio crossed the server. */
export async function firstAudibleFrame(track: RemoteTrack): Promise<AudioFrame> {
  const reader = new AudioStream(track, 48000, 1).getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('audio stream ended');
      if (value.data.some((s) => Math.abs(s) > 1000)) return value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** LiveKit's simulcast qualities (livekit.proto.VideoQuality in rtc-ffi-bindings). */
export const VideoQuality = { LOW: 0, MEDIUM: 1, HIGH: 2 } as const;

/**
 * Asks the server for one simulcast layer of a subscribed video, as a viewer on a small window or a weak link gets.
 * rtc-node 1.1.0 wraps no call for it, but its FFI has the request (set_remote_track_publication_quality).
 */
export function requestVideoQuality(publication: RemoteTrackPublication, quality: (typeof VideoQuality)[keyof typeof VideoQuality]): void {
  const ffi = globalThis._ffiClientInstance;
  if (!ffi) throw new Error('rtc-node is not initialised: connect a room first');
  ffi.request({ message: { case: 'setRemoteTrackPublicationQuality', value: { trackPublicationHandle: publication.ffiHandle.handle, quality } } });
}

/** Polls until `check` returns a truthy value. */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, ms: number, what: string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timeout: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
