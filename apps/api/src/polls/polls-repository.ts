import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The polls' SQL beside their log (`PostgresEventLog`): who was eligible for a formal vote. */
@Injectable()
export class PollsRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * People holding one of `roles` for this session when asked (conference roles and the session's own);
   * guests sign in on the day and are not counted (the export says so).
   */
  async eligibleCount(conferenceId: string, sessionId: string, roles: readonly string[]): Promise<number> {
    const rows: { n: string }[] = await this.db.query(
      `SELECT count(DISTINCT person_id) AS n FROM (
         SELECT person_id FROM conference_role WHERE conference_id = $1 AND role = ANY($3::text[])
         UNION SELECT person_id FROM session_person WHERE session_id = $2 AND role = ANY($3::text[])
       ) eligible`,
      [conferenceId, sessionId, roles],
    );
    return Number(rows[0]?.n ?? 0);
  }
}
