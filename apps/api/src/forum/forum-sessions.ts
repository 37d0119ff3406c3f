import { Injectable } from '@nestjs/common';
import { DomainError, FORUM_LIMITS, type ForumActor } from '@podium/contracts';
import { allows, type RoleSet } from '@podium/identity';
import { IdentityService } from '../identity/identity.service';
import type { Principal } from '../identity/principal';
import { SessionDirectory } from '../live/session-directory';

export interface ForumSession {
  id: string;
  conferenceId: string;
  title: string;
  status: string;
  endsAtMs: number;
  delayMinutes: number;
}

/** A forum's status and end move while it runs: its lookups take no cached row older than this. */
const FORUM_MAX_AGE_MS = 5_000;

/** Which sessions run as a forum (interactive room), who may be in one and as what (removal: `SessionPeople`). */
@Injectable()
export class ForumSessions {
  constructor(
    private readonly identity: IdentityService,
    private readonly directory: SessionDirectory,
  ) {}

  /** The session if it runs as an interactive room (kind `forum` unless switched off, or switched on); else NOT_FOUND. */
  async find(sessionId: string): Promise<ForumSession> {
    // A join storm of one forum still asks the database once per few seconds, not once per person.
    const s = await this.directory.lookup(sessionId, FORUM_MAX_AGE_MS);
    if (!s || !s.interactive) throw new DomainError('NOT_FOUND', 'No such forum: the session does not exist or does not run as an interactive room');
    return { id: s.id, conferenceId: s.conferenceId, title: s.title, status: s.status, endsAtMs: s.endsAtMs, delayMinutes: s.delayMinutes };
  }

  /** A forum over (ended, or past its shown end) admits nobody new. */
  refuseIfEnded(session: ForumSession, now: number): void {
    if (session.status === 'ended' || now >= session.endsAtMs + session.delayMinutes * 60_000) throw new DomainError('CONFLICT', 'This forum has ended', { reason: 'ended' });
  }

  /** The actor as the forum sees them; FORBIDDEN unless the person may attend the session. */
  async actorFor(principal: Principal, session: ForumSession): Promise<ForumActor> {
    const roles = await this.identity.rolesFor(principal.personId, session.conferenceId, session.id, principal.guest);
    return actorOf(principal, roles);
  }
}

export function actorOf(principal: Principal, roles: RoleSet): ForumActor {
  if (!allows('session.attend', roles)) throw new DomainError('FORBIDDEN', 'You are not part of this session’s conference');
  return { personId: principal.personId, displayName: principal.displayName.slice(0, FORUM_LIMITS.displayNameMaxLength), moderator: allows('session.moderate', roles) };
}
