import { SetMetadata } from '@nestjs/common';
import type { Action } from '@podium/identity';

/**
 * Every route declares who may call it, right next to the route. The access guard enforces it and
 * the authorisation matrix test reads it: a route without a declaration is refused for everybody.
 */
export type AccessRule =
  | { kind: 'public' }
  | { kind: 'signed-in' }
  | { kind: 'action'; action: Action; scope: AccessScope };

/** Which route parameter names the conference (by slug) or the session (by id) the action is on. */
export interface AccessScope {
  conferenceSlugParam?: string;
  sessionIdParam?: string;
}

export const ACCESS_RULE = 'podium:access';

export const Access = {
  /** Anybody, signed in or not. */
  public: () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule),
  /** Any valid session token (guests included). */
  signedIn: () => SetMetadata(ACCESS_RULE, { kind: 'signed-in' } satisfies AccessRule),
  /** The caller's roles in the scope must allow the action (see PERMISSIONS in @podium/identity). */
  to: (action: Action, scope: AccessScope = {}) => SetMetadata(ACCESS_RULE, { kind: 'action', action, scope } satisfies AccessRule),
};
