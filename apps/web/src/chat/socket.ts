import { io, type Socket } from 'socket.io-client';
import type { ChatClientToServerEvents, ChatServerToClientEvents } from '@podium/contracts';

export type ChatSocket = Socket<ChatServerToClientEvents, ChatClientToServerEvents>;

/** The chat's own namespace (see apps/api/src/chat); it reconnects by itself and re-sends the token. */
export function connectChat(token: string): ChatSocket {
  return io('/chat', { auth: { token }, transports: ['websocket', 'polling'], reconnection: true, reconnectionDelay: 500, reconnectionDelayMax: 5000, timeout: 10000 });
}
