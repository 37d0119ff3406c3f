import type { Socket } from 'socket.io';
import { resolveClientAddress, type TrustProxy } from '../common/client-address';

/** What an engine.io connection tells about its peer (the handshake request included, for TRUST_PROXY). */
export interface ClientConnection {
  remoteAddress: string;
  request?: { headers: Record<string, string | string[] | undefined> };
}

/**
 * The client address of a connection, the one place every socket limit asks: the TCP peer, or the
 * client named in X-Forwarded-For when TRUST_PROXY trusts that peer (the same rule as Express's req.ip).
 */
export function connectionAddress(conn: ClientConnection, trust: TrustProxy): string {
  return resolveClientAddress(conn.remoteAddress || 'unknown', conn.request?.headers['x-forwarded-for'], trust);
}

/** Remembered at the handshake, so every later message of the socket counts against the same address. */
export function rememberSocketAddress(socket: Socket, trust: TrustProxy): string {
  const address = connectionAddress(socket.conn as unknown as ClientConnection, trust);
  (socket.data as { address?: string }).address = address;
  return address;
}

/** The client address of a Socket.IO socket, as resolved at its handshake. */
export function socketAddress(socket: Socket): string {
  return (socket.data as { address?: string }).address ?? ((socket.conn as unknown as ClientConnection).remoteAddress || 'unknown');
}
