import type { InterpretationLive, InterpreterLanguages, SessionInterpreter } from '@podium/contracts';
import { enc, get, post, put } from './http';

export type { InterpretationLive, InterpreterLanguages, SessionInterpreter };

/** Organisers: the session's interpreters and their pairs. */
export const getInterpreters = (sessionId: string) => get<SessionInterpreter[]>(`/api/sessions/${enc(sessionId)}/interpreters`);

/** The booth: the calling interpreter goes live on their channel, the partner goes quiet. */
export const goLiveInterpreting = (sessionId: string) => post<InterpretationLive>(`/api/sessions/${enc(sessionId)}/interpretation/live`);

/** Organisers: an interpreter's language pair for a session. */
export const setInterpreterLanguages = (sessionId: string, personId: string, pair: { from: string; to: string }) =>
  put<InterpreterLanguages>(`/api/sessions/${enc(sessionId)}/interpreters/${enc(personId)}/languages`, pair);
