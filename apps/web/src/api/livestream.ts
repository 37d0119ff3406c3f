import { enc, post } from './http';

export interface JoinGrant {
  /** LiveKit URL for the browser (ws:// or wss://). */
  url: string;
  token: string;
  room: string;
  role: string;
}

/** A short-lived LiveKit token for the session's room, with the grants of my role. */
export const joinSession = (sessionId: string) => post<JoinGrant>(`/api/sessions/${enc(sessionId)}/join`);
