import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, FORUM_LIMITS, type ForumActor } from '@podium/contracts';
import { allows, type RoleSet } from '@podium/identity';
import { IdentityService } from '../identity/identity.service';
import type { Principal } from '../identity/principal';

export interface ForumSession {
  id: string;
  conferenceId: string;
  title: string;
  status: string;
  endsAtMs: number;
  delayMinutes: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SESSION_TTL_MS = 5_000;

/** Which sessions run as a forum (interactive room), who may be in one and as what. */
@Injectable()
export class ForumSessions {
  // A join storm of one forum asks the database once per few seconds, not once per person.
  private readonly sessions = new Map<string, { at: number; session: Promise<ForumSession | null> }>();

  constructor(
    private readonly db: DataSource,
    private readonly identity: IdentityService,
  ) {}

  /** The session if it runs as an interactive room (kind `forum` unless switched off, or switched on); else NOT_FOUND. */
  async find(sessionId: string): Promise<ForumSession> {
    if (!UUID.test(sessionId)) throw new DomainError('NOT_FOUND', 'No such forum');
    let cached = this.sessions.get(sessionId);
    if (!cached || Date.now() - cached.at > SESSION_TTL_MS) {
      cached = { at: Date.now(), session: this.load(sessionId) };
      this.sessions.set(sessionId, cached);
      cached.session.catch(() => this.sessions.delete(sessionId));
    }
    const session = await cached.session;
    if (!session) throw new DomainError('NOT_FOUND', 'No such forum: the session does not exist or does not run as an interactive room');
    return session;
  }

  private async load(sessionId: string): Promise<ForumSession | null> {
    const rows: { id: string; conference_id: string; title: string; status: string; ends_at: Date; delay_minutes: number }[] = await this.db.query(
      `SELECT id, conference_id, title, status, ends_at, delay_minutes FROM session
        WHERE id = $1 AND COALESCE(interactive, kind = 'forum')`,
      [sessionId],
    );
    const r = rows[0];
    return r ? { id: r.id, conferenceId: r.conference_id, title: r.title, status: r.status, endsAtMs: new Date(r.ends_at).getTime(), delayMinutes: r.delay_minutes } : null;
  }

  /** A forum over (ended, or past its shown end) admits nobody new. */
  refuseIfEnded(session: ForumSession, now: number): void {
    if (session.status === 'ended' || now >= session.endsAtMs + session.delayMinutes * 60_000) throw new DomainError('CONFLICT', 'This forum has ended', { reason: 'ended' });
  }

  /** Removed by the session's moderators (the livestream's ban list, shared by every room of the session). */
  async refuseIfRemoved(sessionId: string, personId: string): Promise<void> {
    const rows = await this.db.query('SELECT 1 FROM livestream_ban WHERE session_id = $1 AND person_id = $2', [sessionId, personId]);
    if (rows.length) throw new DomainError('FORBIDDEN', 'You have been removed from this session by its moderators', { reason: 'removed' });
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
