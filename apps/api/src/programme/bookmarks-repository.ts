import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The bookmark table's SQL: a person's sessions of interest. */
@Injectable()
export class BookmarksRepository {
  constructor(private readonly db: DataSource) {}

  /** Idempotent. */
  async add(personId: string, sessionId: string): Promise<void> {
    await this.db.query('INSERT INTO bookmark (person_id, session_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [personId, sessionId]);
  }

  /** Idempotent; any text as the session id (no uuid cast error). */
  async remove(personId: string, sessionId: string): Promise<void> {
    await this.db.query('DELETE FROM bookmark WHERE person_id = $1 AND session_id::text = $2', [personId, sessionId]);
  }

  /** The person's bookmarked session ids in one conference, by start time. */
  async inConference(personId: string, conferenceId: string): Promise<string[]> {
    const rows: Array<{ session_id: string }> = await this.db.query(
      'SELECT b.session_id FROM bookmark b JOIN session s ON s.id = b.session_id WHERE b.person_id = $1 AND s.conference_id = $2 ORDER BY s.starts_at',
      [personId, conferenceId],
    );
    return rows.map((r) => r.session_id);
  }

  /** The person's bookmarks in conferences they may still see (a bookmark does not outlive unpublishing). */
  visibleTo(personId: string): Promise<Array<{ conference_id: string; session_id: string }>> {
    return this.db.query(
      `SELECT s.conference_id, b.session_id FROM bookmark b JOIN session s ON s.id = b.session_id JOIN conference c ON c.id = s.conference_id
        WHERE b.person_id = $1 AND (c.published OR EXISTS (
          SELECT 1 FROM conference_role r WHERE r.person_id = $1 AND (r.conference_id = c.id OR (r.conference_id IS NULL AND r.role = 'organiser'))))`,
      [personId],
    );
  }
}
