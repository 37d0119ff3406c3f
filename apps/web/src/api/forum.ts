import type { ForumJoinGrant } from '@podium/contracts';
import { enc, post } from './http';

export type { ForumJoinGrant };

/** Enters the forum: a LiveKit token that lets me talk when a place is free (call again to refresh). */
export const joinForum = (sessionId: string) => post<ForumJoinGrant>(`/api/sessions/${enc(sessionId)}/forum/join`);
