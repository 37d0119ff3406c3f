// A listener with rtc-node that follows an interpretation choice the way the web client does (autoSubscribe off).
import { AudioFrame, AudioSource, LocalAudioTrack, RoomEvent, TrackKind, type RemoteTrackPublication, type Room } from '@livekit/rtc-node';
import { languageOfTrack, listenerPlan, type ListenerPlan } from '@podium/contracts';

/** A sine of `hz` in 10 ms frames on an audio track named `name`, until stop(). */
export function tone(name: string, hz: number): { track: LocalAudioTrack; stop(): void } {
  const rate = 48000;
  const source = new AudioSource(rate, 1);
  const track = LocalAudioTrack.createAudioTrack(name, source);
  let running = true;
  let t = 0;
  void (async () => {
    while (running) {
      const frame = AudioFrame.create(rate, 1, rate / 100);
      for (let i = 0; i < frame.samplesPerChannel; i++, t++) frame.data[i] = Math.round(8000 * Math.sin((2 * Math.PI * hz * t) / rate));
      await source.captureFrame(frame).catch(() => (running = false));
    }
  })();
  return { track, stop: () => (running = false) };
}

function publications(room: Room): { pub: RemoteTrackPublication; identity: string; attributes: Record<string, string> }[] {
  const out = [];
  for (const p of room.remoteParticipants.values()) {
    for (const pub of p.trackPublications.values()) out.push({ pub, identity: p.identity, attributes: p.attributes });
  }
  return out;
}

/**
 * Subscribes to the floor (every track that is no interpretation channel) and to what `listenerPlan`
 * says for `choice`; re-plans on every publication and attribute change. `plan()` is the latest plan.
 */
export function followChoice(room: Room, choice: string | null): { plan(): ListenerPlan } {
  let latest: ListenerPlan = listenerPlan(choice, []);
  const apply = () => {
    const all = publications(room);
    latest = listenerPlan(
      choice,
      all.filter((x) => x.pub.kind === TrackKind.KIND_AUDIO).map((x) => ({ trackSid: x.pub.sid!, trackName: x.pub.name ?? '', participant: { identity: x.identity, attributes: x.attributes } })),
    );
    for (const { pub } of all) {
      const want = languageOfTrack(pub.name ?? '') === null || latest.subscribe.includes(pub.sid!);
      if (want !== pub.subscribed) pub.setSubscribed(want);
    }
  };
  for (const event of [RoomEvent.TrackPublished, RoomEvent.ParticipantAttributesChanged, RoomEvent.ParticipantConnected, RoomEvent.TrackUnpublished]) room.on(event, apply);
  apply();
  return { plan: () => latest };
}

/** Names of the tracks this room subscribed to, by publisher identity. */
export function subscribedLog(room: Room): string[] {
  const log: string[] = [];
  room.on(RoomEvent.TrackSubscribed, (_track, pub, participant) => log.push(`${participant.identity}/${pub.name}`));
  return log;
}
