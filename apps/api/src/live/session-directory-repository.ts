import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface SessionDirectoryRow {
  id: string;
  conference_id: string;
  kind: string;
  title: string;
  status: string;
  ends_at: Date;
  delay_minutes: number;
  interactive: boolean;
  timezone: string;
}

/** The one query behind every live feature's session lookup (fishbowl, questions, polls, forum). */
@Injectable()
export class SessionDirectoryRepository {
  constructor(private readonly db: DataSource) {}

  async byId(sessionId: string): Promise<SessionDirectoryRow | null> {
    const rows: SessionDirectoryRow[] = await this.db.query(
      `SELECT s.id, s.conference_id, s.kind, s.title, s.status, s.ends_at, s.delay_minutes,
              COALESCE(s.interactive, s.kind = 'forum') AS interactive, c.timezone
         FROM session s JOIN conference c ON c.id = s.conference_id WHERE s.id = $1`,
      [sessionId],
    );
    return rows[0] ?? null;
  }
}
