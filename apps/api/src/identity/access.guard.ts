import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@podium/contracts';
import { allows, NO_ROLES } from '@podium/identity';
import { ACCESS_RULE, type AccessRule } from './access.decorator';
import { IdentityService } from './identity.service';
import { bearerToken, SessionTokens } from './session-tokens';
import { ScopeCache } from './scope-cache';
import { RateLimiter } from '../common/rate-limit/rate-limiter';
import { RATE_LIMIT } from '../common/rate-limit/rate-limit.decorator';
import type { RateLimitName } from '../common/rate-limit/policies';
import type { AccessContext, RequestWithAccess } from './principal';

const isWrite = (method: string | undefined) => method !== undefined && !['GET', 'HEAD', 'OPTIONS'].includes(method);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The one place where HTTP requests are authenticated and their roles checked. */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('access');

  constructor(
    private readonly reflector: Reflector,
    private readonly identity: IdentityService,
    private readonly limiter: RateLimiter,
    private readonly tokens: SessionTokens,
    private readonly scopes: ScopeCache,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    const req = context.switchToHttp().getRequest<RequestWithAccess & { ip?: string; method?: string }>();
    // Writes without a stricter policy share the per-person 'write' budget (it counts signed-in people only).
    const limit = this.reflector.getAllAndOverride<RateLimitName | undefined>(RATE_LIMIT, [context.getHandler(), context.getClass()]) ?? (isWrite(req.method) ? 'write' : undefined);
    if (!rule) {
      this.logger.error(`route without an access rule refused: ${context.getClass().name}.${context.getHandler().name}`);
      throw new DomainError('FORBIDDEN', 'This route is not open to anybody');
    }
    const token = bearerToken(req.headers.authorization);
    const access: AccessContext = { principal: null, conferenceId: null, sessionId: null, roles: NO_ROLES };
    req.access = access;
    if (rule.kind !== 'action' || !token) {
      access.principal = token ? await this.identity.authenticate(token) : null;
      if (limit) await this.limiter.consume(limit, { personId: access.principal?.personId, address: req.ip });
      if (rule.kind === 'public') return true;
      if (!access.principal) throw new DomainError('UNAUTHENTICATED', 'Please sign in first');
      return true;
    }

    // Check the token's signature before touching the database for the scope.
    const claims = await this.tokens.verify(token);
    await this.resolveScope(rule.scope, req, access);
    const { principal, roles } = await this.identity.authenticateWithRoles(claims, access.conferenceId, access.sessionId);
    access.principal = principal;
    access.roles = roles;
    if (limit) await this.limiter.consume(limit, { personId: principal.personId, address: req.ip });
    if (!allows(rule.action, access.roles)) {
      throw new DomainError('FORBIDDEN', `Your role does not allow this (${rule.action})`);
    }
    return true;
  }

  private async resolveScope(scope: { conferenceSlugParam?: string; sessionIdParam?: string }, req: RequestWithAccess, access: AccessContext) {
    if (scope.sessionIdParam) {
      const id = req.params[scope.sessionIdParam];
      if (!id || !UUID.test(id)) throw new DomainError('NOT_FOUND', 'No such session');
      const conferenceId = await this.scopes.conferenceOfSession(id);
      if (!conferenceId) throw new DomainError('NOT_FOUND', 'No such session');
      access.sessionId = id;
      access.conferenceId = conferenceId;
    }
    if (scope.conferenceSlugParam) {
      const slug = req.params[scope.conferenceSlugParam];
      const conferenceId = await this.scopes.conferenceBySlug(slug ?? '');
      if (!conferenceId) throw new DomainError('NOT_FOUND', `No conference "${slug}"`);
      if (access.conferenceId && access.conferenceId !== conferenceId) throw new DomainError('NOT_FOUND', 'That session is not part of this conference');
      access.conferenceId = conferenceId;
    }
  }
}
