import { io, type Socket } from 'socket.io-client';
import type { FishbowlClientToServerEvents, FishbowlServerToClientEvents } from '@podium/contracts';

export type FishbowlSocket = Socket<FishbowlServerToClientEvents, FishbowlClientToServerEvents>;

/** The gateway's namespace (see apps/api/src/fishbowl). */
export const FISHBOWL_NAMESPACE = '/fishbowl';

/** One socket per page; it reconnects by itself with backoff and re-sends the token each time. */
export function connectFishbowl(token: string): FishbowlSocket {
  return io(FISHBOWL_NAMESPACE, {
    auth: { token },
    transports: ['websocket', 'polling'],
    reconnection: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
    timeout: 10000,
  });
}
