import type { FishbowlActorRole } from '@podium/contracts';
import { sessionRoleOf } from './permissions';
import type { RoleSet } from './roles';

/**
 * The role a person acts in inside a live session (fishbowl, questions, polls): moderators and organisers
 * apart, a guest without another role is a guest, and a captioner takes part as an attendee (captions are
 * typed in the captioning console, not from a chair).
 */
export function actorRole(roles: RoleSet, guest: boolean): FishbowlActorRole {
  const role = sessionRoleOf(roles);
  if (role === 'moderator') return roles.session.has('moderator') || roles.conference.has('moderator') ? 'moderator' : 'organiser';
  if (role === 'attendee' && guest) return 'guest';
  return role === 'captioner' ? 'attendee' : role;
}
