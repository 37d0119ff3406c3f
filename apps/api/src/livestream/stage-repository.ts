import { Injectable } from '@nestjs/common';
import type { StageLayout } from '@podium/contracts';
import { DataSource } from 'typeorm';

/** What our database says about a session's stage (the reconciler's desired state). */
export interface DesiredRows {
  speakers: string[];
  assignments: { personId: string; onStage: boolean }[];
  banned: Set<string>;
}

/** What a join decides on, as one row: the session, its conference, lock, bans and stage assignments. */
export interface JoinRow {
  title: string;
  status: string;
  livestream: boolean;
  ends_at: Date;
  delay_minutes: number;
  capacity: number | null;
  slug: string;
  locked: boolean;
  layout: StageLayout;
  banned: string[];
  assignments: Record<string, boolean>;
  language_pairs: Record<string, { from: string; to: string }>;
}

export interface BanRow {
  person_id: string;
  display_name: string;
  banned_by: string | null;
  created_at: Date;
}

/** Sessions whose rooms should exist now (backstage open, not over). */
export interface DueRoomRow {
  id: string;
  title: string;
  capacity: number | null;
  slug: string;
}

/** The SQL of a session's rooms: stage assignments, removals (bans), the room lock, and the reads joins and the reconciler make of them. */
@Injectable()
export class StageRepository {
  constructor(private readonly db: DataSource) {}

  async setAssignment(sessionId: string, personId: string, onStage: boolean, by: string | null): Promise<void> {
    await this.db.query(
      `INSERT INTO stage_assignment (session_id, person_id, on_stage, updated_by, updated_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (session_id, person_id) DO UPDATE SET on_stage = EXCLUDED.on_stage, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [sessionId, personId, onStage, by],
    );
  }

  async personExists(personId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query('SELECT 1 FROM person WHERE id = $1', [personId]);
    return rows.length > 0;
  }

  /** Idempotent: a second removal keeps the first one's author and time. */
  async ban(sessionId: string, personId: string, by: string | null): Promise<void> {
    await this.db.query(`INSERT INTO livestream_ban (session_id, person_id, banned_by) VALUES ($1, $2, $3) ON CONFLICT (session_id, person_id) DO NOTHING`, [
      sessionId,
      personId,
      by,
    ]);
  }

  /** Removed people with their names, newest first. */
  bans(sessionId: string): Promise<BanRow[]> {
    return this.db.query(
      `SELECT b.person_id, p.display_name, b.banned_by, b.created_at FROM livestream_ban b JOIN person p ON p.id = b.person_id
       WHERE b.session_id = $1 ORDER BY b.created_at DESC`,
      [sessionId],
    );
  }

  /** False when the person was not removed. */
  async unban(sessionId: string, personId: string): Promise<boolean> {
    const [, count]: [unknown, number] = await this.db.query('DELETE FROM livestream_ban WHERE session_id = $1 AND person_id = $2', [sessionId, personId]);
    return !!count;
  }

  async locked(sessionId: string): Promise<boolean> {
    const rows: { locked: boolean }[] = await this.db.query('SELECT locked FROM livestream_room WHERE session_id = $1', [sessionId]);
    return rows[0]?.locked ?? false;
  }

  async setLocked(sessionId: string, locked: boolean, by: string | null): Promise<void> {
    await this.db.query(
      `INSERT INTO livestream_room (session_id, locked, updated_by, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (session_id) DO UPDATE SET locked = EXCLUDED.locked, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [sessionId, locked, by],
    );
  }

  /** Stores the stage layout (the room row is created on first use, unlocked). */
  async setLayout(sessionId: string, layout: StageLayout, by: string | null): Promise<void> {
    await this.db.query(
      `INSERT INTO livestream_room (session_id, layout, updated_by, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (session_id) DO UPDATE SET layout = EXCLUDED.layout, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [sessionId, layout, by],
    );
  }

  /** The stage's desired state in one round trip; null when the session is not ours (a LiveKit server may carry rooms of other deployments or test runs). */
  async desired(sessionId: string): Promise<DesiredRows | null> {
    const [row] = await this.db.query(
      `SELECT
         EXISTS (SELECT 1 FROM session WHERE id = $1) AS known,
         (SELECT COALESCE(array_agg(person_id::text), '{}') FROM session_person WHERE session_id = $1 AND role = 'speaker') AS speakers,
         (SELECT COALESCE(json_agg(json_build_object('personId', person_id, 'onStage', on_stage)), '[]') FROM stage_assignment WHERE session_id = $1) AS assignments,
         (SELECT COALESCE(array_agg(person_id::text), '{}') FROM livestream_ban WHERE session_id = $1) AS banned`,
      [sessionId],
    );
    if (!row.known) return null;
    return { speakers: row.speakers, assignments: row.assignments, banned: new Set<string>(row.banned) };
  }

  /** Everything a join to the session decides on, in one query; null when there is no such session. */
  async joinRow(sessionId: string): Promise<JoinRow | null> {
    const [row]: JoinRow[] = await this.db.query(
      `SELECT s.title, s.status, s.livestream, s.ends_at, s.delay_minutes, s.capacity, c.slug,
              COALESCE((SELECT r.locked FROM livestream_room r WHERE r.session_id = s.id), false) AS locked,
              COALESCE((SELECT r.layout FROM livestream_room r WHERE r.session_id = s.id), 'speaker') AS layout,
              (SELECT COALESCE(array_agg(b.person_id::text), '{}') FROM livestream_ban b WHERE b.session_id = s.id) AS banned,
              (SELECT COALESCE(json_object_agg(a.person_id, a.on_stage), '{}') FROM stage_assignment a WHERE a.session_id = s.id) AS assignments,
              (SELECT COALESCE(json_object_agg(sp.person_id, json_build_object('from', sp.language_from, 'to', sp.language_to)), '{}') FROM session_person sp
                WHERE sp.session_id = s.id AND sp.role = 'interpreter' AND sp.language_to IS NOT NULL) AS language_pairs
         FROM session s JOIN conference c ON c.id = s.conference_id
        WHERE s.id = $1`,
      [sessionId],
    );
    return row ?? null;
  }

  /** Livestreamed sessions whose backstage has opened (`backstageMinutes` before the shown start) and that have not ended. */
  dueRooms(backstageMinutes: number): Promise<DueRoomRow[]> {
    return this.db.query(
      `SELECT s.id, s.title, s.capacity, c.slug FROM session s JOIN conference c ON c.id = s.conference_id
        WHERE s.livestream AND s.status <> 'ended'
          AND s.starts_at + make_interval(mins => s.delay_minutes - $1) <= now()
          AND s.ends_at + make_interval(mins => s.delay_minutes) > now()`,
      [backstageMinutes],
    );
  }
}
