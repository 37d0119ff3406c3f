import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { RoleSet } from '@podium/identity';

/** Who is calling, as proven by the session token. */
export interface Principal {
  personId: string;
  displayName: string;
  guest: boolean;
}

/** What the access guard found out about a request; controllers read it instead of asking again. */
export interface AccessContext {
  principal: Principal | null;
  conferenceId: string | null;
  sessionId: string | null;
  roles: RoleSet;
}

export type RequestWithAccess = { access?: AccessContext; headers: Record<string, string | string[] | undefined>; params: Record<string, string> };

export const CurrentAccess = createParamDecorator((_: unknown, ctx: ExecutionContext): AccessContext => {
  const req = ctx.switchToHttp().getRequest<RequestWithAccess>();
  if (!req.access) throw new Error('CurrentAccess used on a route without the access guard');
  return req.access;
});
