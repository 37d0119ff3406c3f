import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface CaptionLineRow {
  segment_id: string;
  text: string;
  speaker: string | null;
  language: string;
  started_at: Date;
  ended_at: Date;
}

export interface CaptionWrite {
  segmentId: string;
  text: string;
  speaker: string | null;
  language: string;
  startedAtMs: number;
  endedAtMs: number;
  authorId: string;
}

/** The caption_line table's SQL: one row per final segment of a session's transcript. */
@Injectable()
export class CaptionsRepository {
  constructor(private readonly db: DataSource) {}

  /** The session's shown start (scheduled start plus the announced delay) in ms; null when there is no such session. */
  async shownStartMs(sessionId: string): Promise<number | null> {
    const [row]: Array<{ start: Date }> = await this.db.query(`SELECT starts_at + make_interval(mins => delay_minutes) AS start FROM session WHERE id = $1`, [sessionId]);
    return row ? new Date(row.start).getTime() : null;
  }

  /** One statement: a first final inserts, a correction keeps the times and counts the revision. */
  async upsert(sessionId: string, line: CaptionWrite): Promise<{ revision: number; started_at: Date; ended_at: Date }> {
    const [row] = await this.db.query(
      `INSERT INTO caption_line (session_id, segment_id, text, speaker, language, started_at, ended_at, author_id)
       VALUES ($1, $2, $3, $4, $5, to_timestamp($6 / 1000.0), to_timestamp($7 / 1000.0), $8)
       ON CONFLICT (session_id, segment_id) DO UPDATE
         SET text = EXCLUDED.text, speaker = EXCLUDED.speaker, language = EXCLUDED.language, revision = caption_line.revision + 1
       RETURNING revision, started_at, ended_at`,
      [sessionId, line.segmentId, line.text, line.speaker, line.language, line.startedAtMs, line.endedAtMs, line.authorId],
    );
    return row;
  }

  /** The transcript's lines in time order. */
  lines(sessionId: string): Promise<CaptionLineRow[]> {
    return this.db.query(`SELECT segment_id, text, speaker, language, started_at, ended_at FROM caption_line WHERE session_id = $1 ORDER BY started_at, segment_id`, [sessionId]);
  }
}
