import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '@podium/contracts';

export interface SessionClaims {
  sub: string;
  /** The invitation this session came from: revoking it ends the session. */
  inv?: string;
  guest?: boolean;
  typ: 'session';
}

/** Signs and checks the session tokens used by HTTP and the Socket.IO handshake. */
@Injectable()
export class SessionTokens {
  constructor(private readonly jwt: JwtService) {}

  sign(claims: Omit<SessionClaims, 'typ'>): Promise<string> {
    return this.jwt.signAsync({ ...claims, typ: 'session' });
  }

  async verify(token: string): Promise<SessionClaims> {
    try {
      const claims = await this.jwt.verifyAsync<SessionClaims & { exp?: unknown; iat?: unknown }>(token, { algorithms: ['HS256'] });
      if (claims.typ !== 'session' || typeof claims.sub !== 'string') throw new Error('wrong token type');
      // A token without an expiry would be valid forever: we never issue one, so it was not made by us.
      if (typeof claims.exp !== 'number' || typeof claims.iat !== 'number') throw new Error('token without exp or iat');
      return claims;
    } catch (error) {
      const expired = (error as Error).name === 'TokenExpiredError';
      throw new DomainError('UNAUTHENTICATED', expired ? 'Your session has expired; please sign in again' : 'The session token is not valid');
    }
  }
}

export function bearerToken(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(value);
  return match ? match[1] : null;
}
