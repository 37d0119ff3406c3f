/**
 * Live captions travel as LiveKit transcriptions: one text stream per update of a segment, on the
 * topic `lk.transcription`, with the segment id and whether it is final as stream attributes. This
 * is what LiveKit agents send, so a human captioner and a speech-to-text agent look the same to viewers.
 */
export const TRANSCRIPTION_TOPIC = 'lk.transcription';
export const ATTR_FINAL = 'lk.transcription_final';
export const ATTR_SEGMENT_ID = 'lk.segment_id';
/** Set by agents: the audio track the text transcribes (captioners leave it out). */
export const ATTR_TRANSCRIBED_TRACK = 'lk.transcribed_track_id';
/** Podium's additions; viewers fall back to the sender's name and no language tag without them. */
export const ATTR_SPEAKER = 'podium.speaker';
export const ATTR_LANGUAGE = 'podium.language';

export interface CaptionSegment {
  segmentId: string;
  text: string;
  final: boolean;
  speaker: string | null;
  language: string | null;
}

/** The stream attributes of one update of a segment. */
export function captionAttributes(segment: Omit<CaptionSegment, 'text'>): Record<string, string> {
  const attributes: Record<string, string> = { [ATTR_SEGMENT_ID]: segment.segmentId, [ATTR_FINAL]: segment.final ? 'true' : 'false' };
  if (segment.speaker) attributes[ATTR_SPEAKER] = segment.speaker;
  if (segment.language) attributes[ATTR_LANGUAGE] = segment.language;
  return attributes;
}

/** Reads a received stream back; null when it is not a transcription (no segment id). */
export function segmentFrom(text: string, attributes: Readonly<Record<string, string>> | undefined, fallbackId: string): CaptionSegment | null {
  const a = attributes ?? {};
  return {
    segmentId: a[ATTR_SEGMENT_ID] || fallbackId,
    text,
    final: a[ATTR_FINAL] === 'true',
    speaker: a[ATTR_SPEAKER] || null,
    language: a[ATTR_LANGUAGE] || null,
  };
}
