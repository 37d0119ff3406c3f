import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@podium/contracts';
import { SessionDirectory } from '../live/session-directory';

export interface PollSession {
  id: string;
  conferenceId: string;
  title: string;
}

/** Sessions of any kind have polls and reactions (who takes part, as what role: `SessionPeople`, the fishbowl's roles). */
@Injectable()
export class PollSessions {
  constructor(
    private readonly db: DataSource,
    private readonly directory: SessionDirectory,
  ) {}

  async find(sessionId: string): Promise<PollSession> {
    const session = await this.directory.lookup(sessionId);
    if (!session) throw new DomainError('NOT_FOUND', 'No such session');
    return { id: session.id, conferenceId: session.conferenceId, title: session.title };
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
