import type { DataSource, EntityManager } from 'typeorm';
import type { EventLogPort, LiveEvent, LogTransaction } from '@podium/live-store';

/**
 * Where a live feature's log lives: a row per aggregate (`id`, version, status, next_deadline,
 * updated_at) and an event table (`id`, version, type, payload, actor, at) with (id, version) as its
 * primary key. Names are code constants of the feature, never input.
 */
export interface LogTables {
  aggregates: string;
  events: string;
  /** The id column in both tables, e.g. session_id. */
  idColumn: string;
}

interface EventRow {
  version: number;
  type: string;
  payload: Record<string, unknown>;
  actor: unknown;
  at: Date;
}

const IDENT = /^[a-z_][a-z0-9_]*$/;
const toEvent = <E extends LiveEvent>(row: EventRow) => ({ ...row.payload, type: row.type, at: row.at.getTime(), actor: row.actor }) as E;

/** PostgreSQL's unique violation: someone else appended this version first. */
export const isVersionConflict = (error: unknown): boolean =>
  (error as { code?: string })?.code === '23505' || (error as { driverError?: { code?: string } })?.driverError?.code === '23505';

/** The append-only log in PostgreSQL: the only SQL of a live feature's log. */
export class PostgresEventLog<E extends LiveEvent> implements EventLogPort<E> {
  private readonly sql: ReturnType<typeof statements>;

  constructor(
    private readonly db: DataSource,
    private readonly name: string,
    tables: LogTables,
  ) {
    for (const ident of Object.values(tables)) if (!IDENT.test(ident)) throw new Error(`not a table or column name: ${ident}`);
    this.sql = statements(tables);
  }

  async ensure(id: string): Promise<void> {
    await this.db.manager.query(this.sql.ensure, [id]);
  }

  after(id: string, version: number): Promise<E[]> {
    return this.read(this.db.manager, id, version);
  }

  transaction<T>(work: (tx: LogTransaction<E>) => Promise<T>): Promise<T> {
    return this.db.transaction((m) =>
      work({
        lock: async (id) => {
          const rows: { version: number }[] = await m.query(this.sql.lock, [id]);
          if (!rows[0]) throw new Error(`${this.name} ${id} has no row`);
          return rows[0].version;
        },
        after: (id, version) => this.read(m, id, version),
        append: (id, from, events, summary) => this.append(m, id, from, events, summary),
      }),
    );
  }

  isVersionConflict(error: unknown): boolean {
    return isVersionConflict(error);
  }

  async due(until: number): Promise<{ id: string; deadline: number }[]> {
    const rows: { id: string; next_deadline: Date }[] = await this.db.manager.query(this.sql.due, [new Date(until)]);
    return rows.map((r) => ({ id: r.id, deadline: r.next_deadline.getTime() }));
  }

  /** Events after `version`, in order: how a cache catches up with appends of other processes. */
  private async read(m: EntityManager, id: string, version: number): Promise<E[]> {
    const rows: EventRow[] = await m.query(this.sql.after, [id, version]);
    rows.forEach((row, i) => {
      if (row.version !== version + i + 1) throw new Error(`${this.name} ${id}: gap in the log at version ${version + i + 1}`);
    });
    return rows.map((row) => toEvent<E>(row));
  }

  /** Appends events as versions from+1.. and updates the aggregate's row in one statement; a concurrent append of the same version fails on the primary key. */
  private async append(m: EntityManager, id: string, from: number, events: readonly E[], summary: { status: string; nextDeadline: number | null }): Promise<void> {
    const versions = events.map((_, i) => from + i + 1);
    const types = events.map((e) => e.type);
    const payloads = events.map(({ type: _t, at: _a, actor: _x, ...payload }) => JSON.stringify(payload));
    const actors = events.map((e) => JSON.stringify(e.actor));
    const ats = events.map((e) => new Date(e.at).toISOString());
    const deadline = summary.nextDeadline === null ? null : new Date(summary.nextDeadline);
    await m.query(this.sql.append, [id, versions, types, payloads, actors, ats, from + events.length, summary.status, deadline]);
  }
}

function statements({ aggregates, events, idColumn: id }: LogTables) {
  return {
    ensure: `INSERT INTO ${aggregates} (${id}) VALUES ($1) ON CONFLICT (${id}) DO NOTHING`,
    lock: `SELECT version FROM ${aggregates} WHERE ${id} = $1 FOR UPDATE`,
    after: `SELECT version, type, payload, actor, at FROM ${events} WHERE ${id} = $1 AND version > $2 ORDER BY version`,
    append: `WITH appended AS (
         INSERT INTO ${events} (${id}, version, type, payload, actor, at)
         SELECT $1, x.v, x.t, x.p::jsonb, x.a::jsonb, x.at FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::timestamptz[]) AS x(v, t, p, a, at)
       )
       UPDATE ${aggregates} SET version = $7, status = $8, next_deadline = $9, updated_at = now() WHERE ${id} = $1`,
    // A deadline is only set while the aggregate runs (summary() returns null otherwise).
    due: `SELECT ${id} AS id, next_deadline FROM ${aggregates} WHERE next_deadline IS NOT NULL AND next_deadline <= $1`,
  };
}
