import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface Row {
  dgs_video_url: string | null;
  easy_language: string | null;
  contact: string | null;
  feedback: string | null;
  statement_date: string | null;
  limitations: string | null;
  updated_at: Date;
}

/** A conference's start page slots and accessibility statement (conference_accessibility). */
@Injectable()
export class AccessibilityRepository {
  constructor(private readonly db: DataSource) {}

  async find(conferenceId: string): Promise<Row | undefined> {
    const [row]: Row[] = await this.db.query(
      `SELECT dgs_video_url, easy_language, contact, feedback, to_char(statement_date, 'YYYY-MM-DD') AS statement_date, limitations, updated_at
         FROM conference_accessibility WHERE conference_id = $1`,
      [conferenceId],
    );
    return row;
  }

  /** values: dgsVideoUrl, easyLanguage, contact, feedback, statementDate, limitations (null clears). */
  async save(conferenceId: string, values: (string | null)[]): Promise<void> {
    await this.db.query(
      `INSERT INTO conference_accessibility (conference_id, dgs_video_url, easy_language, contact, feedback, statement_date, limitations, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6::date, $7, now())
       ON CONFLICT (conference_id) DO UPDATE SET dgs_video_url = $2, easy_language = $3, contact = $4, feedback = $5, statement_date = $6::date, limitations = $7, updated_at = now()`,
      [conferenceId, ...values],
    );
  }
}
