import type { StoredCaption, Transcript } from '@podium/contracts';
import { enc, get, post } from './http';

export type { StoredCaption, Transcript };

/** Keeps a final caption line in the transcript; the same segmentId again corrects it. */
export const storeCaption = (sessionId: string, line: { segmentId: string; text: string; speaker: string | null; language: string; startedAt: string }) =>
  post<StoredCaption>(`/api/sessions/${enc(sessionId)}/captions`, line);

export const getTranscript = (sessionId: string) => get<Transcript>(`/api/sessions/${enc(sessionId)}/transcript`);
