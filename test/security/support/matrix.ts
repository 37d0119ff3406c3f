// Path parameters of a route filled with real ids of the world (used by the fuzz and hostile-input specs).
import type { HttpRoute } from './routes';
import type { World } from './world';

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
