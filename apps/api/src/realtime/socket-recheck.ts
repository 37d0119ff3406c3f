import { Logger } from '@nestjs/common';
import type { Namespace, Socket } from 'socket.io';
import type { IdentityService } from '../identity/identity.service';

/** What a socket's session token said at the handshake: enough to re-check it without the token. */
export interface SocketSession {
  personId: string;
  invitationId: string | null;
  /** Seconds since the epoch (the token's `exp`). */
  expiresAt: number;
}

const logger = new Logger('socket-recheck');

/** The claims of a token the guard has just verified (its signature is not checked again here). */
export function sessionOf(token: string): SocketSession | null {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { sub?: unknown; inv?: unknown; exp?: unknown };
    if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number') return null;
    return { personId: claims.sub, invitationId: typeof claims.inv === 'string' ? claims.inv : null, expiresAt: claims.exp };
  } catch {
    return null;
  }
}

/**
 * Sockets that only listen never send a command, so the per-command check never runs for them: every
 * `intervalSeconds` the sockets of this process are checked in one query, and those whose token expired,
 * whose invitation was withdrawn or whose account is gone are told UNAUTHENTICATED and disconnected.
 */
export class SocketRecheck {
  private readonly namespaces = new Set<Namespace>();
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly identity: IdentityService,
    private readonly intervalSeconds: number,
  ) {}

  watch(namespace: Namespace): void {
    this.namespaces.add(namespace);
    if (this.timer || this.intervalSeconds <= 0) return;
    this.timer = setInterval(() => void this.sweep(), this.intervalSeconds * 1000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One round: returns how many sockets were ended. */
  async sweep(now = Date.now()): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      const sockets: Array<{ socket: Socket; session: SocketSession }> = [];
      for (const namespace of this.namespaces) {
        for (const socket of namespace.sockets.values()) {
          const session = (socket.data as { session?: SocketSession | null }).session;
          if (session) sockets.push({ socket, session });
        }
      }
      if (sockets.length === 0) return 0;
      const invalid = await this.identity.invalidSessions(sockets.map((s) => s.session));
      let ended = 0;
      for (const { socket, session } of sockets) {
        const expired = session.expiresAt * 1000 <= now;
        const gone = invalid.get(`${session.personId} ${session.invitationId ?? ''}`);
        if (!expired && !gone) continue;
        const message = expired ? 'Your session has expired; please sign in again' : gone!;
        socket.emit('exception', { event: 'session', error: { code: 'UNAUTHENTICATED', message } });
        socket.disconnect(true);
        ended++;
      }
      return ended;
    } catch (error) {
      // A database hiccup: the next round tries again; nobody is disconnected on a guess.
      logger.warn(`socket re-check skipped: ${(error as Error).message}`);
      return 0;
    } finally {
      this.running = false;
    }
  }
}
