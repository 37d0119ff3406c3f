import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface DesiredRows {
  speakers: string[];
  assignments: { personId: string; onStage: boolean }[];
  banned: Set<string>;
}

/** What our database says about a session's stage, in one round trip. */
@Injectable()
export class DesiredState {
  constructor(private readonly db: DataSource) {}

  /** Null when the session is not ours: a LiveKit server may carry rooms of other deployments (or test runs). */
  async load(sessionId: string): Promise<DesiredRows | null> {
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
}
