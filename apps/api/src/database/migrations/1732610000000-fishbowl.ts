import { MigrationInterface, QueryRunner } from 'typeorm';

/** Fishbowl: the append-only event log (the truth) and one row per fishbowl (the lock, and what the timers need). */
export class Fishbowl1732610000000 implements MigrationInterface {
  name = 'Fishbowl1732610000000';

  async up(q: QueryRunner): Promise<void> {
    // Locked FOR UPDATE by every command, so commands on one fishbowl are serialised across processes.
    await q.query(`
      CREATE TABLE fishbowl (
        session_id uuid PRIMARY KEY REFERENCES session(id) ON DELETE CASCADE,
        version integer NOT NULL DEFAULT 0 CHECK (version >= 0),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'running', 'ended')),
        next_deadline timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Every process sweeps this for due timers (a crashed process's ticks are taken over).
    await q.query(`CREATE INDEX fishbowl_running_deadline ON fishbowl (next_deadline) WHERE status = 'running'`);
    // The primary key is the optimistic concurrency check: two appends of one version, exactly one wins.
    await q.query(`
      CREATE TABLE fishbowl_event (
        session_id uuid NOT NULL REFERENCES fishbowl(session_id) ON DELETE CASCADE,
        version integer NOT NULL CHECK (version >= 1),
        type text NOT NULL,
        payload jsonb NOT NULL,
        actor jsonb NOT NULL,
        at timestamptz NOT NULL,
        PRIMARY KEY (session_id, version)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS fishbowl_event`);
    await q.query(`DROP TABLE IF EXISTS fishbowl`);
  }
}
