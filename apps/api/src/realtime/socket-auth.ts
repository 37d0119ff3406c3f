import { Logger } from '@nestjs/common';
import type { Socket } from 'socket.io';
import { DomainError } from '@podium/contracts';
import { translateDatabaseError } from '../common/database-errors';
import type { IdentityService } from '../identity/identity.service';
import type { Principal } from '../identity/principal';
import { retryTransient } from './transient';

export interface SocketData {
  principal: Principal;
}

const logger = new Logger('realtime');

/**
 * Socket.IO middleware: the handshake must carry a valid session token (`auth: { token }`), checked
 * by the same IdentityService as HTTP. Refusals reach the client as a connect_error with a code.
 * A refused handshake ends socket.io-client's automatic reconnection, so a transient database error
 * is retried here first; UNAVAILABLE only if the database stays away, INTERNAL for our own bugs.
 */
export function socketAuthentication(identity: IdentityService) {
  return async (socket: Socket, next: (error?: Error) => void) => {
    try {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      if (typeof token !== 'string' || token.length === 0 || token.length > 4096) {
        throw new DomainError('UNAUTHENTICATED', 'Please sign in first: send the session token as auth.token');
      }
      (socket.data as SocketData).principal = await retryTransient(() => identity.authenticate(token));
      next();
    } catch (error) {
      next(refusalOf(error));
    }
  };
}

function refusalOf(error: unknown): Error {
  let e: DomainError;
  if (error instanceof DomainError) e = error;
  else {
    e = translateDatabaseError(error) ?? new DomainError('INTERNAL', 'Something went wrong on our side; it has been logged. Please try again.');
    logger.error(`handshake check failed: ${(error as Error)?.stack ?? error}`);
  }
  const refusal = new Error(e.message) as Error & { data?: unknown };
  refusal.data = { code: e.code, message: e.message };
  return refusal;
}
