import { io, type Socket } from 'socket.io-client';
import type { PollsClientToServerEvents, PollsServerToClientEvents, ReactionsClientToServerEvents, ReactionsServerToClientEvents } from '@podium/contracts';

export type PollsSocket = Socket<PollsServerToClientEvents, PollsClientToServerEvents>;
export type ReactionsSocket = Socket<ReactionsServerToClientEvents, ReactionsClientToServerEvents>;

const OPTIONS = { transports: ['websocket', 'polling'], reconnection: true, reconnectionDelay: 500, reconnectionDelayMax: 5000, timeout: 10000 };

/** `/polls` and `/reactions` (apps/api/src/polls): each live feature has its own namespace. */
export const connectPolls = (token: string): PollsSocket => io('/polls', { ...OPTIONS, auth: { token } });
export const connectReactions = (token: string): ReactionsSocket => io('/reactions', { ...OPTIONS, auth: { token } });
