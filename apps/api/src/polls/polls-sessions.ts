import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, FISHBOWL_LIMITS, type FishbowlActor } from '@podium/contracts';
import { allows } from '@podium/identity';
import { actorRole } from '../fishbowl/fishbowl-sessions';
import { IdentityService } from '../identity/identity.service';
import type { Principal } from '../identity/principal';
import { SessionDirectory } from '../live/session-directory';

export interface PollSession {
  id: string;
  conferenceId: string;
  title: string;
}

/** Sessions of any kind have polls and reactions; who may take part and as which role (the fishbowl's roles). */
@Injectable()
export class PollSessions {
  constructor(
    private readonly db: DataSource,
    private readonly identity: IdentityService,
    private readonly directory: SessionDirectory,
  ) {}

  async find(sessionId: string): Promise<PollSession> {
    const session = await this.directory.lookup(sessionId);
    if (!session) throw new DomainError('NOT_FOUND', 'No such session');
    return { id: session.id, conferenceId: session.conferenceId, title: session.title };
  }

  /** FORBIDDEN unless the person may attend the session; the role decides moderation and eligibility. */
  async actorFor(principal: Principal, session: PollSession): Promise<FishbowlActor> {
    const roles = await this.identity.rolesFor(principal.personId, session.conferenceId, session.id, principal.guest);
    if (!allows('session.attend', roles)) throw new DomainError('FORBIDDEN', 'You are not part of this session’s conference');
    return { personId: principal.personId, displayName: principal.displayName.slice(0, FISHBOWL_LIMITS.displayNameMaxLength), role: actorRole(roles, principal.guest) };
  }

  /** Removed from the session by its moderators (a livestream ban): they may watch the results, not vote or react. */
  async refuseIfRemoved(sessionId: string, personId: string): Promise<void> {
    const rows = await this.db.query('SELECT 1 FROM livestream_ban WHERE session_id = $1 AND person_id = $2', [sessionId, personId]);
    if (rows.length) throw new DomainError('FORBIDDEN', 'You have been removed from this session by its moderators', { reason: 'removed' });
  }

  /**
   * People holding one of `roles` for this session when asked (conference roles and the session's own);
   * guests sign in on the day and are not counted (the export says so).
   */
  async eligibleCount(session: PollSession, roles: readonly string[]): Promise<number> {
    const rows: { n: string }[] = await this.db.query(
      `SELECT count(DISTINCT person_id) AS n FROM (
         SELECT person_id FROM conference_role WHERE conference_id = $1 AND role = ANY($3::text[])
         UNION SELECT person_id FROM session_person WHERE session_id = $2 AND role = ANY($3::text[])
       ) eligible`,
      [session.conferenceId, session.id, roles],
    );
    return Number(rows[0]?.n ?? 0);
  }
}
