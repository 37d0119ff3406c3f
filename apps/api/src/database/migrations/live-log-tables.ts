import { QueryRunner } from 'typeorm';

/** One kind of live-store aggregate: its row (the lock, the version, what the timers need) and its event log. */
export interface LiveLogTables {
  aggregate: string;
  events: string;
  /** The key column of both tables, e.g. `session_id`. */
  key: string;
  /** What the key belongs to, e.g. `session(id)`: deleting it deletes the log. */
  owner: string;
  initialStatus: string;
  /** When given, the status is checked against these values. */
  statuses?: readonly string[];
}

/** Creates both tables the same way for every feature that keeps its truth in the live store's Postgres log. */
export async function createLiveLogTables(q: QueryRunner, t: LiveLogTables): Promise<void> {
  const check = t.statuses ? ` CHECK (status IN (${t.statuses.map((s) => `'${s}'`).join(', ')}))` : '';
  // Locked FOR UPDATE by every command, so commands on one aggregate are serialised across processes.
  await q.query(`
      CREATE TABLE ${t.aggregate} (
        ${t.key} uuid PRIMARY KEY REFERENCES ${t.owner} ON DELETE CASCADE,
        version integer NOT NULL DEFAULT 0 CHECK (version >= 0),
        status text NOT NULL DEFAULT '${t.initialStatus}'${check},
        next_deadline timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  // The primary key is the optimistic concurrency check: two appends of one version, exactly one wins.
  await q.query(`
      CREATE TABLE ${t.events} (
        ${t.key} uuid NOT NULL REFERENCES ${t.aggregate}(${t.key}) ON DELETE CASCADE,
        version integer NOT NULL CHECK (version >= 1),
        type text NOT NULL,
        payload jsonb NOT NULL,
        actor jsonb NOT NULL,
        at timestamptz NOT NULL,
        PRIMARY KEY (${t.key}, version)
      )`);
}

export async function dropLiveLogTables(q: QueryRunner, t: Pick<LiveLogTables, 'aggregate' | 'events'>): Promise<void> {
  await q.query(`DROP TABLE IF EXISTS ${t.events}`);
  await q.query(`DROP TABLE IF EXISTS ${t.aggregate}`);
}
