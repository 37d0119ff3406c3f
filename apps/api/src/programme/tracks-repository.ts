import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Track } from '@podium/programme';
import type { TrackRow } from './rows';

/** The track table's SQL. */
@Injectable()
export class TracksRepository {
  constructor(private readonly db: DataSource) {}

  /** A conference's tracks in display order. */
  list(conferenceId: string, m: EntityManager = this.db.manager): Promise<TrackRow[]> {
    return m.query('SELECT id, name, color FROM track WHERE conference_id = $1 ORDER BY position, name', [conferenceId]);
  }

  async find(conferenceId: string, trackId: string): Promise<TrackRow | null> {
    const rows: TrackRow[] = await this.db.query('SELECT id, name, color FROM track WHERE id = $1 AND conference_id = $2', [trackId, conferenceId]);
    return rows[0] ?? null;
  }

  /** Whether another track (not `except`) of the conference has this name. */
  async nameTaken(conferenceId: string, name: string, except: string | null): Promise<boolean> {
    const rows: unknown[] = await this.db.query('SELECT 1 FROM track WHERE conference_id = $1 AND name = $2 AND id IS DISTINCT FROM $3::uuid', [conferenceId, name, except]);
    return rows.length > 0;
  }

  /** A new track, last in the conference's order. */
  async insert(conferenceId: string, track: Track): Promise<TrackRow> {
    const [row]: TrackRow[] = await this.db.query(
      `INSERT INTO track (conference_id, name, color, position) VALUES ($1, $2, $3, (SELECT count(*) FROM track WHERE conference_id = $1)) RETURNING id, name, color`,
      [conferenceId, track.name, track.color ?? null],
    );
    return row;
  }

  async update(id: string, track: Track): Promise<TrackRow> {
    const [row]: TrackRow[] = await this.db.query('WITH u AS (UPDATE track SET name = $2, color = $3 WHERE id = $1 RETURNING id, name, color) SELECT * FROM u', [
      id,
      track.name,
      track.color ?? null,
    ]);
    return row;
  }

  async remove(id: string): Promise<void> {
    await this.db.query('DELETE FROM track WHERE id = $1', [id]);
  }
}
