// One conference with a live fishbowl session and one signed-in person per role, plus what each role holds.
import { randomBytes } from 'node:crypto';
import type { ConferenceRole, RoleSet, SessionRole } from '@podium/identity';
import type { AccessRule } from '../../../apps/api/src/identity/access.decorator';
import { IdentityService } from '../../../apps/api/src/identity/identity.service';
import { api, type TestApp } from '../../support/app';
import { signIn } from '../../support/people';

export const PERSONAS = ['anonymous', 'guest', 'attendee', 'speaker', 'moderator', 'organiser', 'other', 'platform'] as const;
export type Persona = (typeof PERSONAS)[number];

interface Holding {
  conference: ConferenceRole[];
  session: SessionRole[];
  guest: boolean;
  /** 'other' holds its role in another conference only. */
  elsewhere?: boolean;
  /** 'platform' organises every conference (so platform.manage routes are exercised as allowed too). */
  platform?: boolean;
}

/** What each persona was given below: the only input to the expected answers besides the route's rule. */
export const HOLDINGS: Record<Exclude<Persona, 'anonymous'>, Holding> = {
  guest: { conference: ['attendee'], session: [], guest: true },
  attendee: { conference: ['attendee'], session: [], guest: false },
  speaker: { conference: ['attendee'], session: ['speaker'], guest: false },
  moderator: { conference: ['attendee'], session: ['moderator'], guest: false },
  organiser: { conference: ['organiser'], session: [], guest: false },
  other: { conference: ['organiser'], session: [], guest: false, elsewhere: true },
  platform: { conference: ['organiser'], session: [], guest: false, platform: true },
};

export interface World {
  slug: string;
  otherSlug: string;
  conferenceId: string;
  sessionId: string;
  tokens: Record<Persona, string | undefined>;
  personIds: Record<Exclude<Persona, 'anonymous'>, string>;
  /** A bystander whose id fills :personId parameters (and who may be removed). */
  victimId: string;
  invitationId: string;
  invitationSecret: string;
}

/** The roles a persona has in the scope a rule names, as IdentityService.rolesFor would find them. */
export function roleSetFor(persona: Exclude<Persona, 'anonymous'>, rule: Extract<AccessRule, { kind: 'action' }>): RoleSet {
  const h = HOLDINGS[persona];
  const scoped = Boolean(rule.scope.conferenceSlugParam || rule.scope.sessionIdParam);
  const inScope = scoped && !h.elsewhere;
  return {
    platformOrganiser: Boolean(h.platform),
    conference: new Set(inScope && !h.platform ? h.conference : []),
    session: new Set(inScope && rule.scope.sessionIdParam ? h.session : []),
    guest: h.guest,
  };
}

export async function createWorld(app: TestApp): Promise<World> {
  const db = app.podium.dataSource;
  const slug = `sec-${randomBytes(3).toString('hex')}`;
  const otherSlug = `${slug}-other`;
  const [conference] = await db.query(
    `INSERT INTO conference (slug, title, start_date, end_date, timezone, allow_guests, published) VALUES ($1, 'Sicherheit', current_date, current_date, 'Europe/Berlin', true, true) RETURNING id`,
    [slug],
  );
  await db.query(`INSERT INTO conference (slug, title, start_date, end_date, timezone, published) VALUES ($1, 'Andere', current_date, current_date, 'Europe/Berlin', true)`, [otherSlug]);
  const [session] = await db.query(
    `INSERT INTO session (conference_id, kind, title, starts_at, ends_at, livestream, status)
     VALUES ($1, 'fishbowl', 'Aktuelle Stunde', now() - interval '10 minutes', now() + interval '2 hours', true, 'live') RETURNING id`,
    [conference.id],
  );
  const tokens = { anonymous: undefined } as World['tokens'];
  const personIds = {} as World['personIds'];
  const guest = await api(app.url, 'POST', `/api/conferences/${slug}/guests`, { body: { displayName: 'Gast Sicherheit' } });
  if (guest.status !== 201) throw new Error(`guest sign-in failed: ${guest.status}`);
  tokens.guest = guest.body.token;
  personIds.guest = guest.body.person.id;
  for (const persona of ['attendee', 'speaker', 'moderator', 'organiser', 'other', 'platform'] as const) {
    const h = HOLDINGS[persona];
    const p = await signIn(app, h.conference[0], `Persona ${persona}`, h.platform ? null : h.elsewhere ? otherSlug : slug);
    for (const role of h.session) await db.query(`INSERT INTO session_person (session_id, person_id, role) VALUES ($1, $2, $3)`, [session.id, p.personId, role]);
    tokens[persona] = p.token;
    personIds[persona] = p.personId;
  }
  const victim = await signIn(app, 'attendee', 'Persona victim', slug);
  const invitation = await app.podium.app.get(IdentityService).invite({ displayName: 'Eingeladen', role: 'attendee', conferenceId: conference.id });
  return {
    slug,
    otherSlug,
    conferenceId: conference.id,
    sessionId: session.id,
    tokens,
    personIds,
    victimId: victim.personId,
    invitationId: invitation.invitationId,
    invitationSecret: invitation.link.split('/signin/')[1],
  };
}
