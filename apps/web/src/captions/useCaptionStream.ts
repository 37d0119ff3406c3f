import { useEffect, useState } from 'react';
import { useRoomContext } from '@livekit/components-react';
import { segmentFrom, TRANSCRIPTION_TOPIC, type CaptionSegment } from '@podium/contracts';
import { applySegment } from './segments';

/**
 * The last caption segments of the room: every text stream on `lk.transcription`, from the
 * captioner's console or a speech-to-text agent alike; later updates of a segment replace it.
 */
export function useCaptionStream(keep = 3): CaptionSegment[] {
  const room = useRoomContext();
  const [shown, setShown] = useState<CaptionSegment[]>([]);
  useEffect(() => {
    room.registerTextStreamHandler(TRANSCRIPTION_TOPIC, (reader) => {
      void reader.readAll().then((text) => {
        const segment = segmentFrom(text, reader.info.attributes, reader.info.id);
        if (segment) setShown((old) => applySegment(old, segment, keep));
      });
    });
    return () => room.unregisterTextStreamHandler(TRANSCRIPTION_TOPIC);
  }, [room, keep]);
  return shown;
}
