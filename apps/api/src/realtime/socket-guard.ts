import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Namespace, Server, Socket } from 'socket.io';
import { DomainError, type ErrorBody, type ExceptionEvents } from '@podium/contracts';
import { ConcurrentSockets } from '../common/rate-limit/concurrent-sockets';
import { SOCKET_CAPS } from '../common/rate-limit/policies';
import { RateLimiter } from '../common/rate-limit/rate-limiter';
import { translateDatabaseError } from '../common/database-errors';
import { MAX_JSON_DEPTH, valueTooDeep } from '../common/json-depth';
import { IdentityService } from '../identity/identity.service';
import type { Principal } from '../identity/principal';
import { RUNTIME, type Runtime } from '../runtime';
import { connectionAddress, rememberSocketAddress, socketAddress, type ClientConnection } from './socket-address';
import { isTransient, retryTransient } from './transient';
import { SocketRecheck, sessionOf, type SocketSession } from './socket-recheck';

/** The guard handles any client event; it only emits `exception`. */
type GuardedEvents = Record<string, (...args: any[]) => void>;

export interface GuardedSocketData {
  /** Null on namespaces that admit anonymous sockets (`authenticate: 'optional'`). */
  principal: Principal | null;
  /** The token's person, invitation and expiry, checked again while the socket only listens. */
  session: SocketSession | null;
}

/**
 * What every Socket.IO namespace runs before its handlers: handshake rate limit, caps on concurrent
 * sockets per address and per person, authentication, then per message a rate limit (per socket
 * and per address) and a depth check. A refused message is answered with a RATE_LIMITED or
 * VALIDATION ack (or an `exception` event without ack) and never reaches the handler.
 */
@Injectable()
export class SocketGuard implements OnModuleDestroy {
  private readonly logger = new Logger('socket-guard');
  private readonly cappedServers = new WeakSet<Server>();
  private readonly recheck: SocketRecheck;

  constructor(
    private readonly identity: IdentityService,
    private readonly limiter: RateLimiter,
    private readonly caps: ConcurrentSockets,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {
    this.recheck = new SocketRecheck(identity, runtime.config.socketRecheckSeconds);
  }

  onModuleDestroy(): void {
    this.recheck.stop();
  }

  /** Any namespace: the guard emits only `exception`, which every shared ServerToClient map carries. */
  protect(namespace: Namespace<GuardedEvents, ExceptionEvents>, options: { authenticate: 'required' | 'optional' }): void {
    this.capConnections(namespace.server);
    this.recheck.watch(namespace as unknown as Namespace);
    namespace.use((socket, next) => {
      this.admit(socket, options.authenticate).then(
        () => next(),
        (error: unknown) => next(refusal(error)),
      );
    });
    namespace.on('connection', (socket) => {
      socket.use((packet, next) => this.screen(socket, packet, next));
    });
  }

  /**
   * Raw engine.io connections (with no namespace, or on the unused main one) cost memory too: at most
   * SOCKET_CAPS.connectionsPerAddress per address and process; the excess is closed at once.
   */
  private capConnections(server: Server): void {
    if (this.cappedServers.has(server)) return;
    this.cappedServers.add(server);
    const open = new Map<string, number>();
    server.engine.on('connection', (conn: ClientConnection & { once(event: 'close', listener: () => void): void; close(): void }) => {
      const factor = this.runtime.config.rateLimitFactor;
      if (factor === 0) return;
      const address = connectionAddress(conn, this.runtime.config.trustProxy);
      const count = (open.get(address) ?? 0) + 1;
      open.set(address, count);
      conn.once('close', () => {
        const left = (open.get(address) ?? 1) - 1;
        if (left > 0) open.set(address, left);
        else open.delete(address);
      });
      if (count > SOCKET_CAPS.connectionsPerAddress * factor) conn.close();
    });
  }

  private async admit(socket: Socket, authenticate: 'required' | 'optional'): Promise<void> {
    const address = rememberSocketAddress(socket, this.runtime.config.trustProxy);
    await this.limiter.consume('connect', { address });
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    const hasToken = typeof token === 'string' && token.length > 0;
    if (authenticate === 'required' && !hasToken) throw new DomainError('UNAUTHENTICATED', 'Please sign in first: send the session token as auth.token');
    if (hasToken && token.length > 4096) throw new DomainError('UNAUTHENTICATED', 'That session token is not valid');
    // On public namespaces a bad token is no token: the socket sees what anybody may see.
    // A refused handshake ends socket.io-client's reconnection: a transient database error is waited out first.
    const check = () => this.identity.authenticate(token as string);
    const principal = hasToken ? await retryTransient(check).catch((e: unknown) => (authenticate === 'required' || isTransient(e) ? Promise.reject(e) : null)) : null;
    (socket.data as GuardedSocketData).principal = principal;
    (socket.data as GuardedSocketData).session = principal ? sessionOf(token as string) : null;
    const factor = this.runtime.config.rateLimitFactor;
    if (factor === 0) return;
    const caps = [
      { key: `a:${address}`, limit: SOCKET_CAPS.perAddress * factor, name: 'sockets-per-address', who: 'from this network address' },
      ...(principal ? [{ key: `p:${principal.personId}`, limit: SOCKET_CAPS.perPerson * factor, name: 'sockets-per-person', who: 'for this person' }] : []),
    ];
    const taken: string[] = [];
    for (const cap of caps) {
      if (!(await this.caps.claim(cap.key, socket.id, cap.limit))) {
        for (const key of taken) await this.caps.release(key, socket.id);
        throw new DomainError('RATE_LIMITED', `Too many open connections ${cap.who} (at most ${cap.limit}); please close other tabs or devices`, { limit: cap.name });
      }
      taken.push(cap.key);
    }
    const free = () => {
      socket.conn.off('close', free);
      for (const key of taken) void this.caps.release(key, socket.id);
    };
    socket.once('disconnect', free);
    // A client gone during the handshake never gets 'disconnect': its connection's close frees the places (twice is harmless).
    socket.conn.once('close', free);
    if (socket.conn.readyState !== 'open') free();
  }

  private screen(socket: Socket<GuardedEvents, ExceptionEvents>, packet: unknown[], next: (error?: Error) => void): void {
    const event = String(packet[0]);
    const ack = typeof packet[packet.length - 1] === 'function' ? (packet[packet.length - 1] as (body: unknown) => void) : null;
    const refuse = (error: ErrorBody) => {
      try {
        if (ack) ack({ error });
        else socket.emit('exception', { event, error });
      } catch (e) {
        this.logger.warn(`could not refuse ${event}: ${(e as Error).message}`);
      }
    };
    const principal = (socket.data as GuardedSocketData).principal;
    this.limiter.consume('event', { socketId: socket.id, address: socketAddress(socket), personId: null }).then(
      () => {
        if (packet.slice(1).some((arg) => typeof arg !== 'function' && valueTooDeep(arg))) {
          return refuse({ code: 'VALIDATION', message: `The payload nests deeper than ${MAX_JSON_DEPTH} levels` });
        }
        next();
      },
      (error: unknown) => {
        if (error instanceof DomainError) return refuse(error.toBody());
        this.logger.error(`rate limit check failed for ${event} of ${principal?.personId ?? 'anonymous'}: ${(error as Error)?.message}`);
        refuse({ code: 'UNAVAILABLE', message: 'Could not check this request right now; please try again' });
      },
    );
  }
}

/** A refused handshake reaches the client as connect_error with `data: { code, message }`. */
const refusalLog = new Logger('socket-guard');

/** UNAVAILABLE only when the database stayed away; our own bugs are INTERNAL (and logged), so clients know which to retry. */
function refusal(error: unknown): Error {
  let e: DomainError;
  if (error instanceof DomainError) e = error;
  else {
    e = translateDatabaseError(error) ?? new DomainError('INTERNAL', 'Something went wrong on our side; it has been logged. Please try again.');
    refusalLog.error(`handshake check failed: ${(error as Error)?.stack ?? error}`);
  }
  const result = new Error(e.message) as Error & { data?: unknown };
  result.data = { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) };
  return result;
}
