import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** What the live features ask about a person beside their roles: one query each, for fishbowl, questions, polls, forum, chat and captions. */
@Injectable()
export class SessionPeopleRepository {
  constructor(private readonly db: DataSource) {}

  /** Removed from the session by its moderators: the livestream's ban list, shared by every room of the session. */
  async isRemoved(sessionId: string, personId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query('SELECT 1 FROM livestream_ban WHERE session_id = $1 AND person_id = $2', [sessionId, personId]);
    return rows.length > 0;
  }

  /** Signed in as a guest (with just a name). */
  async isGuest(personId: string): Promise<boolean> {
    const rows: { is_guest: boolean }[] = await this.db.query('SELECT is_guest FROM person WHERE id = $1', [personId]);
    return rows[0]?.is_guest === true;
  }

  /** The session's people with their session roles: moderators, then speakers, then the rest, each by position and name (the fishbowl's fixed chairs). */
  async inChairOrder(sessionId: string): Promise<{ person_id: string; role: string; display_name: string }[]> {
    return this.db.query(
      `SELECT sp.person_id, sp.role, p.display_name FROM session_person sp JOIN person p ON p.id = sp.person_id
        WHERE sp.session_id = $1
        ORDER BY CASE sp.role WHEN 'moderator' THEN 0 WHEN 'speaker' THEN 1 ELSE 2 END, sp.position, p.display_name`,
      [sessionId],
    );
  }
}
