import { MigrationInterface, QueryRunner } from 'typeorm';

/** Polls and formal votes: one aggregate row per session (the row lock serialises writers) and its append-only log. */
export class Polls1732652000000 implements MigrationInterface {
  name = 'Polls1732652000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE poll_aggregate (
        session_id uuid PRIMARY KEY REFERENCES session(id) ON DELETE CASCADE,
        version integer NOT NULL DEFAULT 0 CHECK (version >= 0),
        status text NOT NULL DEFAULT 'idle',
        next_deadline timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The primary key is the optimistic concurrency check: two appends of one version, exactly one wins.
    await q.query(`
      CREATE TABLE poll_event (
        session_id uuid NOT NULL REFERENCES poll_aggregate(session_id) ON DELETE CASCADE,
        version integer NOT NULL CHECK (version >= 1),
        type text NOT NULL,
        payload jsonb NOT NULL,
        actor jsonb NOT NULL,
        at timestamptz NOT NULL,
        PRIMARY KEY (session_id, version)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS poll_event`);
    await q.query(`DROP TABLE IF EXISTS poll_aggregate`);
  }
}
