import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface FeedVersion {
  version: number;
  rotated_at: Date;
}

/** The calendar_feed table's SQL: one version counter per person (the secret is derived, never stored). */
@Injectable()
export class CalendarFeedsRepository {
  constructor(private readonly db: DataSource) {}

  /** The person's feed version, made (version 1) on first use. */
  async current(personId: string): Promise<FeedVersion> {
    await this.db.query('INSERT INTO calendar_feed (person_id) VALUES ($1) ON CONFLICT (person_id) DO NOTHING', [personId]);
    const [row]: FeedVersion[] = await this.db.query('SELECT version, rotated_at FROM calendar_feed WHERE person_id = $1', [personId]);
    return row;
  }

  /** Version + 1 (2 for a person without one yet). */
  async rotate(personId: string): Promise<FeedVersion> {
    const [row]: FeedVersion[] = await this.db.query(
      `INSERT INTO calendar_feed (person_id, version) VALUES ($1, 2)
       ON CONFLICT (person_id) DO UPDATE SET version = calendar_feed.version + 1, rotated_at = now()
       RETURNING version, rotated_at`,
      [personId],
    );
    return row;
  }

  async version(personId: string): Promise<number | null> {
    const [row]: Array<{ version: number }> = await this.db.query('SELECT version FROM calendar_feed WHERE person_id = $1', [personId]);
    return row?.version ?? null;
  }
}
