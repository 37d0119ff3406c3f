import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Session } from '@podium/programme';
import { insertRows } from './bulk-insert';
import { SESSION_COLUMNS, SESSION_WRITE_COLUMNS, sessionValues, type SessionPersonRow, type SessionRow } from './rows';

// One fixed key for the whole platform: at most one process ticks the lifecycle at a time.
const TICK_LOCK = 0x706f6469; // 'podi'

/** The session and session_person tables' SQL; writes take the caller's transaction. */
@Injectable()
export class SessionsRepository {
  constructor(private readonly db: DataSource) {}

  async byId(id: string): Promise<SessionRow | null> {
    const rows: SessionRow[] = await this.db.query(`SELECT ${SESSION_COLUMNS} FROM session WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** A conference's sessions in programme order. */
  ofConference(conferenceId: string, m: EntityManager = this.db.manager): Promise<SessionRow[]> {
    return m.query(`SELECT ${SESSION_COLUMNS} FROM session WHERE conference_id = $1 ORDER BY starts_at, id`, [conferenceId]);
  }

  /** Who is on which session of a conference, in each session's order. */
  peopleOfConference(conferenceId: string, m: EntityManager = this.db.manager): Promise<SessionPersonRow[]> {
    return m.query(
      `SELECT sp.session_id, sp.person_id, sp.role FROM session_person sp JOIN session s ON s.id = sp.session_id
        WHERE s.conference_id = $1 ORDER BY sp.session_id, sp.position, sp.role`,
      [conferenceId],
    );
  }

  async insert(m: EntityManager, session: Session, conferenceId: string, guid: string): Promise<void> {
    await insertRows(m, 'session', SESSION_WRITE_COLUMNS, [sessionValues(session, conferenceId, guid)]);
  }

  /** Writes the changed columns of a session that exists (status, times, delay and the rest). */
  async save(m: EntityManager, s: Session): Promise<void> {
    const columns = SESSION_WRITE_COLUMNS.slice(3); // id, conference and guid never change
    const values = sessionValues(s, '', '').slice(3);
    await m.query(`UPDATE session SET ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`, [s.id, ...values]);
  }

  /** The session's people in their order; `replace` drops the ones it had first. */
  async writePeople(m: EntityManager, s: Session, replace = false): Promise<void> {
    if (replace) await m.query('DELETE FROM session_person WHERE session_id = $1', [s.id]);
    await insertRows(m, 'session_person', ['session_id', 'person_id', 'role', 'position'], s.people.map((p, i) => [s.id, p.personId, p.role, i]));
  }

  async setDelay(m: EntityManager, sessionId: string, delayMinutes: number): Promise<void> {
    await m.query('UPDATE session SET delay_minutes = $2, updated_at = now() WHERE id = $1', [sessionId, delayMinutes]);
  }

  /** False when the conference has no such session. */
  async remove(m: EntityManager, conferenceId: string, sessionId: string): Promise<boolean> {
    const rows: unknown[] = await m.query('WITH gone AS (DELETE FROM session WHERE id = $1 AND conference_id = $2 RETURNING id) SELECT id FROM gone', [sessionId, conferenceId]);
    return rows.length > 0;
  }

  /** The lifecycle tick's lock for this transaction; false when another process holds it. */
  async tryTickLock(m: EntityManager): Promise<boolean> {
    const [{ locked }]: Array<{ locked: boolean }> = await m.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [TICK_LOCK]);
    return locked;
  }

  /** Sessions not yet ended whose backstage time has come (only those can be due for a transition). */
  maybeDue(m: EntityManager, at: Date, backstageMinutes: number): Promise<SessionRow[]> {
    return m.query(
      `SELECT ${SESSION_COLUMNS} FROM session
        WHERE status IN ('scheduled', 'backstage', 'live')
          AND starts_at + make_interval(mins => delay_minutes - $2) <= $1`,
      [at, backstageMinutes],
    );
  }

  /** Compare-and-set on the stored status: false when someone else moved the session first. */
  async moveStatus(m: EntityManager, sessionId: string, from: string, to: string): Promise<boolean> {
    const changed: unknown[] = await m.query(
      `WITH changed AS (UPDATE session SET status = $3, updated_at = now() WHERE id = $1 AND status = $2 RETURNING id) SELECT id FROM changed`,
      [sessionId, from, to],
    );
    return changed.length > 0;
  }
}
