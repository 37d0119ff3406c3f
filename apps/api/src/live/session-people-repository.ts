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
}
