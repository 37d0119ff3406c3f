/**
 * How a session's links travel in schedule.json, which has no member for a recording or a
 * transcript: as `links` with these types and titles, so the importer can tell them apart again.
 */
export const RECORDING_TITLE = 'Recording';
export const STREAM_TITLE = 'Livestream';
export const TRANSCRIPT_TITLE = 'Transcript';

/** A link that names the session's recording (ours, or a frab/pretalx 'media' link called so). */
export function isRecordingLink(link: { type?: unknown; title?: unknown }): boolean {
  return link.type === 'media' && typeof link.title === 'string' && /^(recording|aufzeichnung|video)\b/i.test(link.title.trim());
}
