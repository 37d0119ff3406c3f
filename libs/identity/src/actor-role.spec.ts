import { actorRole } from './actor-role';
import type { ConferenceRole, RoleSet, SessionRole } from './roles';

const roles = (conference: ConferenceRole[], session: SessionRole[], platformOrganiser = false): RoleSet => ({
  platformOrganiser,
  conference: new Set(conference),
  session: new Set(session),
  guest: false,
});

// [conference roles, session roles, platform organiser, signed in as guest, the actor's role]
const TABLE: [ConferenceRole[], SessionRole[], boolean, boolean, string][] = [
  [['organiser'], [], false, false, 'organiser'],
  [[], [], true, false, 'organiser'],
  [['organiser'], ['moderator'], false, false, 'moderator'],
  [['moderator'], [], false, false, 'moderator'],
  [['attendee'], ['moderator'], false, false, 'moderator'],
  [['attendee'], ['moderator'], false, true, 'moderator'],
  [['attendee'], ['interpreter'], false, false, 'interpreter'],
  [['attendee'], ['speaker'], false, false, 'speaker'],
  [['attendee'], ['speaker'], false, true, 'speaker'],
  [['attendee'], ['interpreter', 'speaker'], false, false, 'interpreter'],
  [['attendee'], [], false, false, 'attendee'],
  [['attendee'], [], false, true, 'guest'],
  [['captioner'], [], false, false, 'attendee'],
  [['attendee'], ['captioner'], false, true, 'attendee'],
];

describe('actorRole', () => {
  it.each(TABLE)('conference %j, session %j, platform organiser %s, guest %s: %s', (conference, session, platform, guest, expected) => {
    expect(actorRole(roles(conference, session, platform), guest)).toBe(expected);
  });
});
