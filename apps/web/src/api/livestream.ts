import { enc, post } from './http';

export interface JoinGrant {
  /** LiveKit URL for the browser (ws:// or wss://). */
  url: string;
  token: string;
  room: string;
  role: string;
  /** LiveKit identity: the person id. */
  identity?: string;
  onStage?: boolean;
  /** ISO times: the token admits (re)joins until expiresAt; ask again before refreshAt. */
  expiresAt?: string;
  refreshAt?: string;
}

/** A short-lived LiveKit token for the session's room, with the grants of my role. */
export const joinSession = (sessionId: string, room: 'stage' | 'backstage' = 'stage') =>
  post<JoinGrant>(`/api/sessions/${enc(sessionId)}/join`, room === 'stage' ? {} : { room });
