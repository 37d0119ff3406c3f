import { allows, sessionRoleOf } from './permissions';
import { invitationProblem } from './invitation-token';
import type { ConferenceRole, RoleSet, SessionRole } from './roles';

const roles = (conference: ConferenceRole[] = [], session: SessionRole[] = [], extra: Partial<RoleSet> = {}): RoleSet => ({
  platformOrganiser: false,
  conference: new Set(conference),
  session: new Set(session),
  guest: false,
  ...extra,
});

describe('permissions', () => {
  it('lets only organisers manage a conference', () => {
    expect(allows('conference.manage', roles(['organiser']))).toBe(true);
    expect(allows('conference.manage', roles(['moderator']))).toBe(false);
    expect(allows('conference.manage', roles(['attendee']))).toBe(false);
    expect(allows('conference.manage', roles([], [], { platformOrganiser: true }))).toBe(true);
  });

  it('lets conference moderators and session moderators moderate, not speakers', () => {
    expect(allows('session.moderate', roles(['moderator']))).toBe(true);
    expect(allows('session.moderate', roles(['attendee'], ['moderator']))).toBe(true);
    expect(allows('session.moderate', roles(['speaker'], ['speaker']))).toBe(false);
    expect(allows('session.moderate', roles([], [], { guest: true }))).toBe(false);
  });

  it('gives a guest no rights outside the conference they signed in to', () => {
    expect(allows('person.self', roles([], [], { guest: true }))).toBe(false);
    expect(allows('person.self', roles(['attendee'], [], { guest: true }))).toBe(true);
  });

  it('names the strongest session role', () => {
    expect(sessionRoleOf(roles(['attendee']))).toBe('attendee');
    expect(sessionRoleOf(roles(['attendee'], ['interpreter']))).toBe('interpreter');
    expect(sessionRoleOf(roles(['attendee'], ['speaker']))).toBe('speaker');
    expect(sessionRoleOf(roles(['organiser']))).toBe('moderator');
  });

  it('refuses nobody-roles everything but nothing', () => {
    for (const action of ['conference.manage', 'conference.read', 'session.attend', 'session.moderate', 'person.self'] as const) {
      expect(allows(action, roles())).toBe(false);
    }
  });
});

describe('invitations', () => {
  const now = new Date('2026-01-01T10:00:00Z');
  it('knows expired and revoked links', () => {
    expect(invitationProblem({ expiresAt: new Date('2026-01-02T00:00:00Z'), revokedAt: null }, now)).toBeNull();
    expect(invitationProblem({ expiresAt: new Date('2026-01-01T09:59:59Z'), revokedAt: null }, now)).toBe('expired');
    expect(invitationProblem({ expiresAt: new Date('2026-01-02T00:00:00Z'), revokedAt: now }, now)).toBe('revoked');
  });
});

describe('captioner', () => {
  it('a captioner of the session or the conference may caption and joins as captioner; speakers and attendees may not caption', () => {
    expect(allows('session.caption', roles(['attendee'], ['captioner']))).toBe(true);
    expect(allows('session.caption', roles(['captioner'], []))).toBe(true);
    expect(sessionRoleOf(roles(['captioner'], []))).toBe('captioner');
    expect(sessionRoleOf(roles(['attendee'], ['captioner']))).toBe('captioner');
    expect(allows('session.caption', roles(['attendee'], ['speaker']))).toBe(false);
    expect(allows('session.caption', roles(['attendee'], ['interpreter']))).toBe(false);
    expect(allows('session.caption', roles(['attendee'], ['moderator']))).toBe(true);
    expect(allows('session.moderate', roles(['attendee'], ['captioner']))).toBe(false);
  });
});
