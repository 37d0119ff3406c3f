import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, FISHBOWL_LIMITS, type FishbowlActor } from '@podium/contracts';
import { allows } from '@podium/identity';
import { actorRole } from '../fishbowl/fishbowl-sessions';
import { IdentityService } from '../identity/identity.service';
import type { Principal } from '../identity/principal';
import { SessionDirectory } from '../live/session-directory';

export interface QuestionSession {
  id: string;
  conferenceId: string;
  kind: string;
  title: string;
}

/** Which sessions exist (questions work in every kind of session), who may take part and as what role. */
@Injectable()
export class QuestionSessions {
  constructor(
    private readonly db: DataSource,
    private readonly identity: IdentityService,
    private readonly directory: SessionDirectory,
  ) {}

  async find(sessionId: string): Promise<QuestionSession> {
    const session = await this.directory.lookup(sessionId);
    if (!session) throw new DomainError('NOT_FOUND', 'No such session');
    return { id: session.id, conferenceId: session.conferenceId, kind: session.kind, title: session.title };
  }

  /** The actor as the questions see them (the fishbowl's shape); FORBIDDEN unless the person may attend the session. */
  async actorFor(principal: Principal, session: QuestionSession): Promise<FishbowlActor> {
    const roles = await this.identity.rolesFor(principal.personId, session.conferenceId, session.id, principal.guest);
    if (!allows('session.attend', roles)) throw new DomainError('FORBIDDEN', 'You are not part of this session’s conference');
    return { personId: principal.personId, displayName: principal.displayName.slice(0, FISHBOWL_LIMITS.displayNameMaxLength), role: actorRole(roles, principal.guest) };
  }

  /** Whether the person signed in as a guest: the fishbowl marks a guest asker put on the podium as such. */
  async isGuest(personId: string): Promise<boolean> {
    const rows: { is_guest: boolean }[] = await this.db.query('SELECT is_guest FROM person WHERE id = $1', [personId]);
    return rows[0]?.is_guest === true;
  }

  /** Whether the asker may later be invited to a chair: not when the session's moderators removed them. */
  async mayTakeChair(sessionId: string, personId: string): Promise<boolean> {
    const rows = await this.db.query('SELECT 1 FROM livestream_ban WHERE session_id = $1 AND person_id = $2', [sessionId, personId]);
    return rows.length === 0;
  }
}
