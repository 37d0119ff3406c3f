import type { Socket } from 'socket.io';

/**
 * The client address of a socket, the one place every socket limit asks. Today the TCP peer; the
 * lead wires TRUST_PROXY in here (resolveClientAddress in common/client-address.ts) so that
 * X-Forwarded-For counts only behind a trusted proxy.
 */
export function socketAddress(socket: Socket): string {
  return socket.handshake.address || 'unknown';
}
