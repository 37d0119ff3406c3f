import type { JoinGrant } from '@podium/contracts';
import { enc, post } from './http';

export type { JoinGrant };

/** A short-lived LiveKit token for the session's room, with the grants of my role. */
export const joinSession = (sessionId: string, room: 'stage' | 'backstage' = 'stage') =>
  post<JoinGrant>(`/api/sessions/${enc(sessionId)}/join`, room === 'stage' ? {} : { room });
