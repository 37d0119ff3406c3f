import { Injectable, Logger } from '@nestjs/common';
import type { Socket } from 'socket.io';
import { DomainError, type ErrorBody } from '@podium/contracts';
import type { RateLimitName } from '../common/rate-limit/policies';
import { RateLimiter } from '../common/rate-limit/rate-limiter';
import { IdentityService } from '../identity/identity.service';
import type { Principal } from '../identity/principal';
import { socketAddress } from './socket-address';
import type { GuardedSocketData } from './socket-guard';
import { isTransient, retryTransient } from './transient';
import { toAckError } from './ws-errors';

/** How long a socket acts on its last token check before the token (revocation) is checked again; `socket.data.checkedAt` tells when. */
export const RECHECK_MS = 5000;

/** One socket event as a namespace declares it; the pipeline runs the steps in this order. */
export interface SocketCommand<P, R> {
  /** Validates the raw payload once: the handler gets only what this returns. */
  validate(raw: unknown): P | DomainError;
  /**
   * Re-check the handshake token every RECHECK_MS: 'required' answers UNAUTHENTICATED and closes the
   * socket when it no longer holds, 'optional' follows on as anyone; omitted = no re-check (leave, part).
   */
  recheck?: 'required' | 'optional';
  /** The RateLimiter policy this event spends, beyond the guard's per-message one. */
  limit?: RateLimitName;
  /** Retry transient database failures (idempotent reads such as joins only). */
  retry?: boolean;
  handle(socket: Socket, payload: P, principal: Principal | null): Promise<R>;
}

type Ack = (body: unknown) => void;

/**
 * The one command pipeline of every namespace (after the SocketGuard's handshake and per-message
 * checks): validation once, token re-check, rate limit, the handler, then the ack (or an `exception`
 * event without an ack) with the one error mapping. No throw ever escapes a handler.
 */
@Injectable()
export class SocketCommands {
  private readonly logger = new Logger('socket-commands');

  constructor(
    private readonly identity: IdentityService,
    private readonly limiter: RateLimiter,
  ) {}

  /** Registers a namespace's declared events on a connected socket. */
  register(socket: Socket, commands: Record<string, SocketCommand<any, object>>): void {
    for (const [event, command] of Object.entries(commands)) {
      socket.on(event, (...args: unknown[]) => {
        const ack = typeof args[args.length - 1] === 'function' ? (args.pop() as Ack) : null;
        Promise.resolve()
          .then(() => {
            // Validated once, before any retry: a retried command is the same command.
            const payload = command.validate(args[0]);
            if (payload instanceof DomainError) throw payload;
            const run = () => this.run(socket, command, payload);
            return command.retry ? retryTransient(run) : run();
          })
          .then(
            (body) => this.reply(socket, event, ack, { ok: true, ...body }),
            (error: unknown) => {
              if (!(error instanceof DomainError)) this.logger.error(`${event} failed: ${(error as Error)?.stack ?? error}`);
              this.reply(socket, event, ack, toAckError(error));
            },
          );
      });
    }
  }

  private async run<P, R>(socket: Socket, command: SocketCommand<P, R>, payload: P): Promise<R> {
    const principal = command.recheck ? await this.principal(socket, command.recheck) : (socket.data as GuardedSocketData).principal;
    if (command.limit && principal) await this.limiter.consume(command.limit, { personId: principal.personId, address: socketAddress(socket) });
    return command.handle(socket, payload, principal);
  }

  /** A withdrawn invitation ends open sockets too: the handshake token is checked again every RECHECK_MS. */
  private async principal(socket: Socket, mode: 'required' | 'optional'): Promise<Principal | null> {
    const data = socket.data as GuardedSocketData & { checkedAt?: number };
    data.checkedAt ??= Date.now();
    if (!data.principal || Date.now() - data.checkedAt < RECHECK_MS) return data.principal;
    const token = String((socket.handshake.auth as { token?: unknown }).token);
    try {
      data.principal = await this.identity.authenticate(token);
    } catch (error) {
      // A database hiccup must not sign anyone out: retried or answered as it is.
      if (mode === 'optional' && !isTransient(error)) data.principal = null;
      else {
        // After the ack has gone out: the client sees why, then the server closes the socket.
        if (error instanceof DomainError && error.code === 'UNAUTHENTICATED') setTimeout(() => socket.disconnect(true), 100);
        throw error;
      }
    }
    data.checkedAt = Date.now();
    return data.principal;
  }

  private reply(socket: Socket, event: string, ack: Ack | null, body: { ok: true } | { error: ErrorBody }): void {
    try {
      if (ack) ack(body);
      else if ('error' in body) socket.emit('exception', { event, error: body.error });
    } catch (error) {
      this.logger.warn(`could not answer ${event}: ${(error as Error).message}`);
    }
  }
}
