import { useCallback, useEffect, useState } from 'react';
import { useRoomContext } from '@livekit/components-react';
import { RemoteAudioTrack, RoomEvent, Track, type RemoteTrackPublication, type Room } from 'livekit-client';
import { availableChannels, languageOfTrack, listenerPlan, type ListenerPlan } from '@podium/contracts';
import { readChoice, storeChoice } from './choice';

const EVENTS = [
  RoomEvent.TrackPublished,
  RoomEvent.TrackUnpublished,
  RoomEvent.TrackSubscribed,
  RoomEvent.ParticipantConnected,
  RoomEvent.ParticipantDisconnected,
  RoomEvent.ParticipantAttributesChanged,
  RoomEvent.Connected,
] as const;

function remotePublications(room: Room) {
  return [...room.remoteParticipants.values()].flatMap((p) => [...p.trackPublications.values()].map((pub) => ({ pub, participant: p })));
}

/**
 * The room joins with autoSubscribe off: this subscribes to the floor (every track that is no interpretation
 * channel) and, for the chosen language, to every interpreter of it; the live one plays, the floor is lowered.
 */
function apply(room: Room, choice: string | null, floor: boolean): { channels: string[]; plan: ListenerPlan } {
  const all = remotePublications(room);
  const plan = listenerPlan(
    choice,
    all
      .filter(({ pub }) => pub.kind === Track.Kind.Audio)
      .map(({ pub, participant }) => ({ trackSid: pub.trackSid, trackName: pub.trackName, participant: { identity: participant.identity, attributes: participant.attributes } })),
  );
  for (const { pub } of all) {
    const channel = languageOfTrack(pub.trackName) !== null;
    const want = channel ? plan.subscribe.includes(pub.trackSid) : floor; // in the hall the room itself is the floor
    if (pub.isDesired !== want) (pub as RemoteTrackPublication).setSubscribed(want);
    if (pub.track instanceof RemoteAudioTrack) pub.track.setVolume(channel ? (pub.trackSid === plan.play ? 1 : 0) : plan.floorVolume);
  }
  return { channels: availableChannels([...room.remoteParticipants.values()]), plan };
}

/** `floor: false` in the hall: the phone plays only the chosen channel, the room is heard anyway. */
export function useInterpretation({ floor = true } = {}): { channels: string[]; choice: string | null; choose(choice: string | null): void; plan: ListenerPlan } {
  const room = useRoomContext();
  const [choice, setChoice] = useState<string | null>(readChoice);
  const [state, setState] = useState(() => apply(room, choice, floor));
  useEffect(() => {
    const update = () => setState(apply(room, choice, floor));
    update();
    for (const e of EVENTS) room.on(e, update);
    return () => {
      for (const e of EVENTS) room.off(e, update);
    };
  }, [room, choice, floor]);
  const choose = useCallback((next: string | null) => {
    storeChoice(next);
    setChoice(next);
  }, []);
  return { ...state, choice, choose };
}
