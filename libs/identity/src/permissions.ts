import type { RoleSet } from './roles';

/**
 * Who may do what, in one table. Guards and gateways ask `allows(action, roles)`;
 * nothing else in the code base decides on roles.
 */
export const PERMISSIONS = {
  /** Create conferences, import schedules: platform organisers. */
  'platform.manage': (r: RoleSet) => r.platformOrganiser,
  /** Edit the programme, invite people, see attendance of a conference. */
  'conference.manage': (r: RoleSet) => r.platformOrganiser || r.conference.has('organiser'),
  /** Read a conference's programme (published ones are public anyway). */
  'conference.read': (r: RoleSet) => r.platformOrganiser || r.conference.size > 0,
  /** Join a session's livestream and fishbowl as audience. */
  'session.attend': (r: RoleSet) => r.platformOrganiser || r.conference.size > 0 || r.session.size > 0,
  /** Run a session: open the stage, start/extend/end, moderate the fishbowl. */
  'session.moderate': (r: RoleSet) =>
    r.platformOrganiser || r.conference.has('organiser') || r.conference.has('moderator') || r.session.has('moderator'),
  /** Publish on stage without being invited: speakers and panelists of the session. */
  'session.speak': (r: RoleSet) => r.session.has('speaker') || r.session.has('moderator'),
  /** Publish as the session's interpreter. */
  'session.interpret': (r: RoleSet) => r.session.has('interpreter'),
  /** Send live captions and write the session's transcript: its captioners and those who run it. */
  'session.caption': (r: RoleSet) =>
    r.session.has('captioner') || r.conference.has('captioner') || r.platformOrganiser || r.conference.has('organiser') || r.conference.has('moderator') || r.session.has('moderator'),
  /** Ask for a seat: anyone with a role in the conference (a guest holds one only where they signed in). */
  'person.self': (r: RoleSet) => r.platformOrganiser || r.conference.size > 0 || r.session.size > 0,
} as const;

export type Action = keyof typeof PERMISSIONS;

export function allows(action: Action, roles: RoleSet): boolean {
  return PERMISSIONS[action](roles);
}

/** The strongest role for display and for the LiveKit grant policy. */
export function sessionRoleOf(roles: RoleSet): 'moderator' | 'speaker' | 'interpreter' | 'captioner' | 'attendee' {
  if (allows('session.moderate', roles)) return 'moderator';
  if (roles.session.has('interpreter')) return 'interpreter';
  if (roles.session.has('captioner') || roles.conference.has('captioner')) return 'captioner';
  if (roles.session.has('speaker')) return 'speaker';
  return 'attendee';
}
