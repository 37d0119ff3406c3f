import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface InterpreterRow {
  person_id: string;
  display_name: string;
  language_from: string | null;
  language_to: string | null;
}

/** A session's interpreters and their language pairs (session_person rows with role 'interpreter'). */
@Injectable()
export class InterpretersRepository {
  constructor(private readonly db: DataSource) {}

  list(sessionId: string): Promise<InterpreterRow[]> {
    return this.db.query(
      `SELECT sp.person_id, p.display_name, sp.language_from, sp.language_to FROM session_person sp JOIN person p ON p.id = sp.person_id
        WHERE sp.session_id = $1 AND sp.role = 'interpreter' ORDER BY sp.position, p.display_name`,
      [sessionId],
    );
  }

  /** Sets the pair; answers how many rows changed (0: not an interpreter of that session). */
  async setLanguages(sessionId: string, personId: string, from: string, to: string): Promise<number> {
    const rows: unknown[] = await this.db.query(
      `UPDATE session_person SET language_from = $3, language_to = $4 WHERE session_id = $1 AND person_id = $2 AND role = 'interpreter' RETURNING person_id`,
      [sessionId, personId, from, to],
    );
    // The UPDATE answers [rows, count] in TypeORM's postgres driver.
    return Array.isArray(rows[0]) ? (rows[0] as unknown[]).length : rows.length;
  }
}
