import { MigrationInterface, QueryRunner } from 'typeorm';

/** Questions (Q&A) per session on the live store's Postgres log: a row per session (the lock), and its events. */
export class Questions1732650000000 implements MigrationInterface {
  name = 'Questions1732650000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE question_set (
        session_id uuid PRIMARY KEY REFERENCES session(id) ON DELETE CASCADE,
        version integer NOT NULL DEFAULT 0 CHECK (version >= 0),
        status text NOT NULL DEFAULT 'open',
        next_deadline timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The primary key is the concurrency check: two appends of one version, exactly one wins.
    await q.query(`
      CREATE TABLE question_event (
        session_id uuid NOT NULL REFERENCES question_set(session_id) ON DELETE CASCADE,
        version integer NOT NULL CHECK (version >= 1),
        type text NOT NULL,
        payload jsonb NOT NULL,
        actor jsonb NOT NULL,
        at timestamptz NOT NULL,
        PRIMARY KEY (session_id, version)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS question_event`);
    await q.query(`DROP TABLE IF EXISTS question_set`);
  }
}
