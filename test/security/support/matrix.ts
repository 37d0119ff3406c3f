// Expected answers derived from the route's own @Access rule and allows(); path parameters filled with real ids.
import { createHash } from 'node:crypto';
import { AccessToken } from 'livekit-server-sdk';
import { allows } from '@podium/identity';
import type { HttpRoute } from './routes';
import { roleSetFor, type Persona, type World } from './world';

export type Expectation = 'allowed' | 'unauthenticated' | 'forbidden';

export function expected(route: HttpRoute, persona: Persona): Expectation {
  const rule = route.rule;
  if (!rule) return persona === 'anonymous' ? 'unauthenticated' : 'forbidden'; // never reached: the matrix first asserts every route has a rule
  if (rule.kind === 'public') return 'allowed';
  if (persona === 'anonymous') return 'unauthenticated';
  if (rule.kind === 'signed-in') return 'allowed';
  return allows(rule.action, roleSetFor(persona, rule)) ? 'allowed' : 'forbidden';
}

const PLACEHOLDER = '00000000-0000-4000-8000-00000000beef';

/** :slug/:id follow the rule's scope; other names get a real id of the same kind, else a placeholder. */
export function fillPath(route: HttpRoute, world: World): string {
  const scope = route.rule?.kind === 'action' ? route.rule.scope : {};
  return route.path.replace(/:([A-Za-z0-9_]+)\??/g, (_, name: string) => {
    if (name === scope.sessionIdParam) return world.sessionId;
    if (name === scope.conferenceSlugParam || /slug/i.test(name)) return world.slug;
    if (/person/i.test(name)) return world.victimId;
    if (/token|secret/i.test(name)) return world.invitationSecret;
    if (route.path.includes('invitations/:' + name)) return world.invitationId;
    if (/session/i.test(name) || name === 'id') return world.sessionId;
    return PLACEHOLDER;
  });
}

/** Routes that authenticate the request itself (not the caller) get that credential, so public stays public. */
export async function requestCredentials(route: HttpRoute, livekit: { apiKey: string; apiSecret: string }, n: number) {
  if (route.path !== '/livekit/webhook') return { body: {} as unknown, headers: {} as Record<string, string> };
  const body = JSON.stringify({ id: `EV_matrix_${n}`, event: 'room_started', room: { name: 'not-a-podium-room', sid: 'RM_matrix' } });
  const token = new AccessToken(livekit.apiKey, livekit.apiSecret);
  token.sha256 = createHash('sha256').update(body).digest('base64');
  return { body, headers: { 'content-type': 'application/webhook+json', authorization: await token.toJwt() } };
}

/** Denied checks first, then allowed ones; DELETEs last, deepest paths first (the conference itself goes very last). */
export function orderChecks<T extends { route: HttpRoute; expectation: Expectation }>(checks: T[]): T[] {
  const rank = (c: T) => (c.expectation !== 'allowed' ? 0 : c.route.method === 'DELETE' ? 2 : 1);
  const depth = (c: T) => (c.route.method === 'DELETE' ? c.route.path.split('/').length * 2 - (/\/:slug$/.test(c.route.path) ? 1 : 0) : 0);
  return [...checks].sort((a, b) => rank(a) - rank(b) || depth(b) - depth(a));
}
