import type { ConferenceRole as WireConferenceRole, SameUnion } from '@podium/contracts';

/** Roles a person holds in a conference (or on the whole platform when the conference is null). */
export const CONFERENCE_ROLES = ['organiser', 'moderator', 'speaker', 'interpreter', 'captioner', 'attendee'] as const;
export type ConferenceRole = (typeof CONFERENCE_ROLES)[number];
/** The wire's ConferenceRole (libs/contracts) names the same roles: a compile error otherwise. */
export const CONFERENCE_ROLES_MATCH_THE_WIRE: SameUnion<ConferenceRole, WireConferenceRole> = true;

/** Roles a person holds in one session of the programme. */
/** `captioner`: the live captioner (Schriftdolmetscherin), who types captions and publishes no media. */
export const SESSION_ROLES = ['moderator', 'speaker', 'interpreter', 'captioner'] as const;
export type SessionRole = (typeof SESSION_ROLES)[number];

export function isConferenceRole(value: unknown): value is ConferenceRole {
  return typeof value === 'string' && (CONFERENCE_ROLES as readonly string[]).includes(value);
}

/** What we know about a caller when deciding: roles on the conference, roles on the session. */
export interface RoleSet {
  /** Organiser of every conference (platform operator). */
  platformOrganiser: boolean;
  conference: ReadonlySet<ConferenceRole>;
  session: ReadonlySet<SessionRole>;
  guest: boolean;
}

export const NO_ROLES: RoleSet = { platformOrganiser: false, conference: new Set(), session: new Set(), guest: false };
