// Receiving captions the way a viewer does: every text stream on lk.transcription, with its attributes.
import { RoomEvent, type Room, type TextStreamReader } from '@livekit/rtc-node';
import { TRANSCRIPTION_TOPIC } from '@podium/contracts';

export interface Received {
  from: string;
  text: string;
  attributes: Record<string, string>;
}

/** Collects every transcription stream this room receives, fully read. */
export function collectCaptions(room: Room): Received[] {
  const received: Received[] = [];
  room.registerTextStreamHandler(TRANSCRIPTION_TOPIC, (reader: TextStreamReader, sender: { identity: string }) => {
    void reader.readAll().then((text) => received.push({ from: sender.identity, text, attributes: { ...(reader.info.attributes ?? {}) } }));
  });
  return received;
}

/** Resolves once `room` is connected and sees `identity` as a remote participant (so a stream sent next reaches it). */
export async function sees(room: Room, identity: string): Promise<void> {
  if (room.remoteParticipants.has(identity)) return;
  await new Promise<void>((ok) => {
    const on = (p: { identity: string }) => {
      if (p.identity !== identity) return;
      room.off(RoomEvent.ParticipantConnected, on);
      ok();
    };
    room.on(RoomEvent.ParticipantConnected, on);
  });
}
