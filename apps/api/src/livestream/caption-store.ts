import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, type StoredCaption, type Transcript } from '@podium/contracts';
import { lineTimes, type CaptionLineInput } from '@podium/livestream';

/** The transcript: final caption lines per session, one row per segment (a correction rewrites it). */
@Injectable()
export class CaptionStore {
  constructor(private readonly db: DataSource) {}

  /** Where the transcript's times count from: the shown start (scheduled start plus the announced delay). */
  private async sessionStartMs(sessionId: string): Promise<number> {
    const [row] = await this.db.query(`SELECT starts_at + make_interval(mins => delay_minutes) AS start FROM session WHERE id = $1`, [sessionId]);
    if (!row) throw new DomainError('NOT_FOUND', 'No such session');
    return new Date(row.start).getTime();
  }

  async store(sessionId: string, authorId: string, line: CaptionLineInput): Promise<StoredCaption> {
    const startMs = await this.sessionStartMs(sessionId);
    const now = Date.now();
    const times = lineTimes(startMs, now, line.startedAt === null ? null : Date.parse(line.startedAt));
    // One statement: a first final inserts, a correction keeps the times and counts the revision.
    const [row] = await this.db.query(
      `INSERT INTO caption_line (session_id, segment_id, text, speaker, language, started_at, ended_at, author_id)
       VALUES ($1, $2, $3, $4, $5, to_timestamp($6 / 1000.0), to_timestamp($7 / 1000.0), $8)
       ON CONFLICT (session_id, segment_id) DO UPDATE
         SET text = EXCLUDED.text, speaker = EXCLUDED.speaker, language = EXCLUDED.language, revision = caption_line.revision + 1
       RETURNING revision, started_at, ended_at`,
      [sessionId, line.segmentId, line.text, line.speaker, line.language, startMs + times.startMs, startMs + times.endMs, authorId],
    );
    return {
      segmentId: line.segmentId,
      revision: row.revision,
      startMs: new Date(row.started_at).getTime() - startMs,
      endMs: new Date(row.ended_at).getTime() - startMs,
    };
  }

  /** Banned from the session's rooms (livestream_ban): such a person does not read its transcript either. */
  async isRemoved(sessionId: string, personId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM livestream_ban WHERE session_id = $1 AND person_id = $2`, [sessionId, personId]);
    return rows.length > 0;
  }

  async transcript(sessionId: string): Promise<Transcript> {
    const startMs = await this.sessionStartMs(sessionId);
    const rows: { segment_id: string; text: string; speaker: string | null; language: string; started_at: Date; ended_at: Date }[] = await this.db.query(
      `SELECT segment_id, text, speaker, language, started_at, ended_at FROM caption_line WHERE session_id = $1 ORDER BY started_at, segment_id`,
      [sessionId],
    );
    return {
      sessionId,
      sessionStart: new Date(startMs).toISOString(),
      lines: rows.map((r) => ({
        segmentId: r.segment_id,
        startMs: new Date(r.started_at).getTime() - startMs,
        endMs: new Date(r.ended_at).getTime() - startMs,
        speaker: r.speaker,
        text: r.text,
        language: r.language,
      })),
    };
  }
}
