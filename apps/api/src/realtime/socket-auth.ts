import type { Socket } from 'socket.io';
import { DomainError } from '@podium/contracts';
import type { IdentityService } from '../identity/identity.service';
import type { Principal } from '../identity/principal';

export interface SocketData {
  principal: Principal;
}

/**
 * Socket.IO middleware: the handshake must carry a valid session token (`auth: { token }`), checked
 * by the same IdentityService as HTTP. Refusals reach the client as a connect_error with a code.
 */
export function socketAuthentication(identity: IdentityService) {
  return async (socket: Socket, next: (error?: Error) => void) => {
    try {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      if (typeof token !== 'string' || token.length === 0 || token.length > 4096) {
        throw new DomainError('UNAUTHENTICATED', 'Please sign in first: send the session token as auth.token');
      }
      (socket.data as SocketData).principal = await identity.authenticate(token);
      next();
    } catch (error) {
      const e = error instanceof DomainError ? error : new DomainError('UNAVAILABLE', 'Could not check the session right now');
      const refusal = new Error(e.message) as Error & { data?: unknown };
      refusal.data = { code: e.code, message: e.message };
      next(refusal);
    }
  };
}
