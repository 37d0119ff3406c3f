import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, FISHBOWL_LIMITS, type FishbowlActor } from '@podium/contracts';
import { allows, sessionRoleOf, type RoleSet } from '@podium/identity';
import { IdentityService } from '../identity/identity.service';
import type { Principal } from '../identity/principal';

export interface QuestionSession {
  id: string;
  conferenceId: string;
  kind: string;
  title: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SESSION_TTL_MS = 60_000;

/** Which sessions exist (questions work in every kind of session), who may take part and as what role. */
@Injectable()
export class QuestionSessions {
  // 1,000 joins and votes must not each ask the database for the session.
  private readonly sessions = new Map<string, { at: number; session: Promise<QuestionSession | null> }>();

  constructor(
    private readonly db: DataSource,
    private readonly identity: IdentityService,
  ) {}

  async find(sessionId: string): Promise<QuestionSession> {
    if (!UUID.test(sessionId)) throw new DomainError('NOT_FOUND', 'No such session');
    let cached = this.sessions.get(sessionId);
    if (!cached || Date.now() - cached.at > SESSION_TTL_MS) {
      cached = { at: Date.now(), session: this.load(sessionId) };
      this.sessions.set(sessionId, cached);
      cached.session.catch(() => this.sessions.delete(sessionId));
    }
    const session = await cached.session;
    if (!session) throw new DomainError('NOT_FOUND', 'No such session');
    return session;
  }

  private async load(sessionId: string): Promise<QuestionSession | null> {
    const rows: { id: string; conference_id: string; kind: string; title: string }[] = await this.db.query('SELECT id, conference_id, kind, title FROM session WHERE id = $1', [sessionId]);
    const row = rows[0];
    return row ? { id: row.id, conferenceId: row.conference_id, kind: row.kind, title: row.title } : null;
  }

  /** The actor as the questions see them (the fishbowl's shape); FORBIDDEN unless the person may attend the session. */
  async actorFor(principal: Principal, session: QuestionSession): Promise<FishbowlActor> {
    const roles = await this.identity.rolesFor(principal.personId, session.conferenceId, session.id, principal.guest);
    if (!allows('session.attend', roles)) throw new DomainError('FORBIDDEN', 'You are not part of this session’s conference');
    return { personId: principal.personId, displayName: principal.displayName.slice(0, FISHBOWL_LIMITS.displayNameMaxLength), role: actorRole(roles, principal.guest) };
  }

  /** Whether the asker may later be invited to a chair: not when the session's moderators removed them. */
  async mayTakeChair(sessionId: string, personId: string): Promise<boolean> {
    const rows = await this.db.query('SELECT 1 FROM livestream_ban WHERE session_id = $1 AND person_id = $2', [sessionId, personId]);
    return rows.length === 0;
  }
}

/** The same mapping as the fishbowl's: moderation roles first, a guest without another role is a guest. */
function actorRole(roles: RoleSet, guest: boolean): FishbowlActor['role'] {
  const role = sessionRoleOf(roles);
  if (role === 'moderator') return roles.session.has('moderator') || roles.conference.has('moderator') ? 'moderator' : 'organiser';
  if (role === 'attendee' && guest) return 'guest';
  return role === 'captioner' ? 'attendee' : role;
}
