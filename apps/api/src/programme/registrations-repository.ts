import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { SessionStatus } from '@podium/programme';

export interface SeatedSession {
  id: string;
  title: string;
  status: SessionStatus;
  capacity: number | null;
  room_capacity: number | null;
}

/** The session_registration table's SQL (places in sessions with limited seats). */
@Injectable()
export class RegistrationsRepository {
  constructor(private readonly db: DataSource) {}

  /** The session with its room's capacity, its row locked FOR UPDATE until the transaction ends. */
  async lockSession(m: EntityManager, sessionId: string): Promise<SeatedSession | null> {
    const [row]: SeatedSession[] = await m.query(
      `SELECT s.id, s.title, s.status, s.capacity, r.capacity AS room_capacity
         FROM session s LEFT JOIN room r ON r.id = s.room_id WHERE s.id = $1 FOR UPDATE OF s`,
      [sessionId],
    );
    return row ?? null;
  }

  /** How many places are taken, and whether one of them is the person's. */
  async taken(m: EntityManager, sessionId: string, personId: string): Promise<{ count: number; mine: boolean }> {
    const [row]: Array<{ count: number; mine: boolean | null }> = await m.query(
      'SELECT count(*)::int AS count, bool_or(person_id = $2) AS mine FROM session_registration WHERE session_id = $1',
      [sessionId, personId],
    );
    return { count: row.count, mine: row.mine === true };
  }

  async insert(m: EntityManager, sessionId: string, personId: string): Promise<void> {
    await m.query('INSERT INTO session_registration (session_id, person_id) VALUES ($1, $2)', [sessionId, personId]);
  }

  async remove(sessionId: string, personId: string): Promise<void> {
    await this.db.query('DELETE FROM session_registration WHERE session_id = $1 AND person_id = $2', [sessionId, personId]);
  }

  async count(sessionId: string): Promise<number> {
    const [row]: Array<{ n: number }> = await this.db.query('SELECT count(*)::int AS n FROM session_registration WHERE session_id = $1', [sessionId]);
    return row.n;
  }

  /** Capacity (the session's, else its room's), places taken and whether the person holds one; null when there is no such session. */
  async state(sessionId: string, personId: string | null): Promise<{ capacity: number | null; registrations: number; registered: boolean } | null> {
    const [row] = await this.db.query(
      `SELECT COALESCE(s.capacity, r.capacity) AS capacity,
              (SELECT count(*)::int FROM session_registration WHERE session_id = s.id) AS registrations,
              EXISTS (SELECT 1 FROM session_registration WHERE session_id = s.id AND person_id = $2) AS registered
         FROM session s LEFT JOIN room r ON r.id = s.room_id WHERE s.id = $1`,
      [sessionId, personId],
    );
    return row ?? null;
  }
}
