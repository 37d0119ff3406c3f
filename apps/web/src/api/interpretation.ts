import type { InterpretationLive, InterpreterLanguages } from '@podium/contracts';
import { enc, post, put } from './http';

export type { InterpretationLive, InterpreterLanguages };

/** The booth: the calling interpreter goes live on their channel, the partner goes quiet. */
export const goLiveInterpreting = (sessionId: string) => post<InterpretationLive>(`/api/sessions/${enc(sessionId)}/interpretation/live`);

/** Organisers: an interpreter's language pair for a session. */
export const setInterpreterLanguages = (sessionId: string, personId: string, pair: { from: string; to: string }) =>
  put<InterpreterLanguages>(`/api/sessions/${enc(sessionId)}/interpreters/${enc(personId)}/languages`, pair);
