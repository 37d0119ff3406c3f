import { DomainError } from '@podium/contracts';

export const CAPTION_LIMITS = { text: 2000, speaker: 200, segmentId: 100 } as const;
/** BCP 47 language tags as captioners use them: `de`, `en`, `de-DE`, `de-DE-x-ls` (Leichte Sprache). */
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/;
const SEGMENT_ID = /^[A-Za-z0-9_.:-]{1,100}$/;

/** A final caption line as the captioner's console (or an agent) stores it. */
export interface CaptionLineInput {
  segmentId: string;
  text: string;
  speaker: string | null;
  language: string;
  /** When the first interim text of the line was sent (ISO), if the sender knows; else the arrival time counts. */
  startedAt: string | null;
}

const invalid = (field: string, message: string) => new DomainError('VALIDATION', `${field}: ${message}`, { field });

/** Checks a request body; throws VALIDATION naming the first bad field. */
export function parseCaptionLine(body: unknown): CaptionLineInput {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw invalid('body', 'must be an object');
  const b = body as Record<string, unknown>;
  if (typeof b.segmentId !== 'string' || !SEGMENT_ID.test(b.segmentId)) throw invalid('segmentId', 'must be 1 to 100 letters, digits or _ . : -');
  if (typeof b.text !== 'string' || !b.text.trim()) throw invalid('text', 'must be a non-empty string');
  if (b.text.length > CAPTION_LIMITS.text) throw invalid('text', `must be at most ${CAPTION_LIMITS.text} characters`);
  if (b.speaker !== undefined && b.speaker !== null && (typeof b.speaker !== 'string' || b.speaker.length > CAPTION_LIMITS.speaker))
    throw invalid('speaker', `must be a string of at most ${CAPTION_LIMITS.speaker} characters or null`);
  if (typeof b.language !== 'string' || !LANGUAGE.test(b.language)) throw invalid('language', 'must be a language tag such as de or en-GB');
  if (b.startedAt !== undefined && b.startedAt !== null && (typeof b.startedAt !== 'string' || !/^\d{4}-\d\d-\d\dT/.test(b.startedAt) || Number.isNaN(Date.parse(b.startedAt))))
    throw invalid('startedAt', 'must be an ISO date-time or null');
  const unknownKey = Object.keys(b).find((k) => !['segmentId', 'text', 'speaker', 'language', 'startedAt'].includes(k));
  if (unknownKey) throw invalid(unknownKey, 'is not a caption field');
  const speaker = typeof b.speaker === 'string' && b.speaker.trim() ? b.speaker.trim() : null;
  return { segmentId: b.segmentId, text: b.text.trim(), speaker, language: b.language, startedAt: (b.startedAt as string | undefined) ?? null };
}

/**
 * Where a line sits in the transcript: from its first interim (never more than 30 s before it was
 * stored, so a wrong client clock cannot move it far) to when it was stored; ms after `sessionStartMs`.
 */
export function lineTimes(sessionStartMs: number, storedAtMs: number, startedAtMs: number | null): { startMs: number; endMs: number } {
  const began = startedAtMs === null ? storedAtMs : Math.min(storedAtMs, Math.max(startedAtMs, storedAtMs - 30_000));
  return { startMs: began - sessionStartMs, endMs: storedAtMs - sessionStartMs };
}
