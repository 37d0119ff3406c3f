import type { EntityManager } from 'typeorm';
import type { FishbowlEvent, FishbowlStatus } from '@podium/contracts';

interface EventRow {
  version: number;
  type: string;
  payload: Record<string, unknown>;
  actor: FishbowlEvent['actor'];
  at: Date;
}

const toEvent = (row: EventRow) => ({ ...row.payload, type: row.type, at: row.at.getTime(), actor: row.actor }) as FishbowlEvent;

/** SQL of the fishbowl log: the only place that reads or writes fishbowl and fishbowl_event. */
export const EventLog = {
  /** Creates the fishbowl's row on first use; safe to race. */
  async ensure(m: EntityManager, sessionId: string): Promise<void> {
    await m.query(`INSERT INTO fishbowl (session_id) VALUES ($1) ON CONFLICT (session_id) DO NOTHING`, [sessionId]);
  },

  /** Locks the fishbowl's row for the transaction (serialises commands across processes) and returns its version. */
  async lock(m: EntityManager, sessionId: string): Promise<number> {
    const rows: { version: number }[] = await m.query(`SELECT version FROM fishbowl WHERE session_id = $1 FOR UPDATE`, [sessionId]);
    if (!rows[0]) throw new Error(`fishbowl ${sessionId} has no row`);
    return rows[0].version;
  },

  /** Events after `version`, in order: how a cache catches up with appends of other processes. */
  async after(m: EntityManager, sessionId: string, version: number): Promise<FishbowlEvent[]> {
    const rows: EventRow[] = await m.query(
      `SELECT version, type, payload, actor, at FROM fishbowl_event WHERE session_id = $1 AND version > $2 ORDER BY version`,
      [sessionId, version],
    );
    rows.forEach((row, i) => {
      if (row.version !== version + i + 1) throw new Error(`fishbowl ${sessionId}: gap in the log at version ${version + i + 1}`);
    });
    return rows.map(toEvent);
  },

  /**
   * Appends events as versions from+1.. and updates the fishbowl row in one statement. A concurrent
   * append of the same version fails on the primary key (23505): the caller reloads and decides again.
   */
  async append(
    m: EntityManager,
    sessionId: string,
    from: number,
    events: FishbowlEvent[],
    after: { status: FishbowlStatus; nextDeadline: number | null },
  ): Promise<void> {
    const versions = events.map((_, i) => from + i + 1);
    const types = events.map((e) => e.type);
    const payloads = events.map(({ type: _t, at: _a, actor: _x, ...payload }) => JSON.stringify(payload));
    const actors = events.map((e) => JSON.stringify(e.actor));
    const ats = events.map((e) => new Date(e.at).toISOString());
    await m.query(
      `WITH appended AS (
         INSERT INTO fishbowl_event (session_id, version, type, payload, actor, at)
         SELECT $1, x.v, x.t, x.p::jsonb, x.a::jsonb, x.at FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::timestamptz[]) AS x(v, t, p, a, at)
       )
       UPDATE fishbowl SET version = $7, status = $8, next_deadline = $9, updated_at = now() WHERE session_id = $1`,
      [sessionId, versions, types, payloads, actors, ats, from + events.length, after.status, after.nextDeadline === null ? null : new Date(after.nextDeadline)],
    );
  },

  /** Running fishbowls whose next deadline falls before `until`: the timers' sweep. */
  async due(m: EntityManager, until: number): Promise<{ sessionId: string; deadline: number }[]> {
    const rows: { session_id: string; next_deadline: Date }[] = await m.query(
      `SELECT session_id, next_deadline FROM fishbowl WHERE status = 'running' AND next_deadline IS NOT NULL AND next_deadline <= $1`,
      [new Date(until)],
    );
    return rows.map((r) => ({ sessionId: r.session_id, deadline: r.next_deadline.getTime() }));
  },
};

/** PostgreSQL's unique violation: someone else appended this version first. */
export const isVersionConflict = (error: unknown): boolean => (error as { code?: string; driverError?: { code?: string } })?.code === '23505' ||
  (error as { driverError?: { code?: string } })?.driverError?.code === '23505';
