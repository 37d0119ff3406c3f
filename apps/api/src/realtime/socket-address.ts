import type { Socket } from 'socket.io';

/** What an engine.io connection tells about its peer (the handshake request included, for TRUST_PROXY). */
export interface ClientConnection {
  remoteAddress: string;
  request?: { headers: Record<string, string | string[] | undefined> };
}

/**
 * The client address of a connection, the one place every socket limit asks. Today the TCP peer; the
 * lead wires TRUST_PROXY in here (resolveClientAddress in common/client-address.ts) so that
 * X-Forwarded-For counts only behind a trusted proxy.
 */
export function connectionAddress(conn: ClientConnection): string {
  return conn.remoteAddress || 'unknown';
}

/** The client address of a Socket.IO socket: that of its underlying connection. */
export function socketAddress(socket: Socket): string {
  return connectionAddress(socket.conn as unknown as ClientConnection);
}
