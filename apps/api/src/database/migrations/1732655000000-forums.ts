import { MigrationInterface, QueryRunner } from 'typeorm';

/** Forums: whether a session runs as an interactive room, and the forum's live log (the store's two tables). */
export class Forums1732655000000 implements MigrationInterface {
  name = 'Forums1732655000000';

  async up(q: QueryRunner): Promise<void> {
    // null: the default of the kind (forums are interactive, everything else a livestream).
    await q.query(`ALTER TABLE session ADD COLUMN interactive boolean`);
    await q.query(`
      CREATE TABLE forum (
        session_id uuid PRIMARY KEY REFERENCES session(id) ON DELETE CASCADE,
        version integer NOT NULL DEFAULT 0 CHECK (version >= 0),
        status text NOT NULL DEFAULT 'empty' CHECK (status IN ('empty', 'open')),
        next_deadline timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE forum_event (
        session_id uuid NOT NULL REFERENCES forum(session_id) ON DELETE CASCADE,
        version integer NOT NULL CHECK (version >= 1),
        type text NOT NULL,
        payload jsonb NOT NULL,
        actor jsonb NOT NULL,
        at timestamptz NOT NULL,
        PRIMARY KEY (session_id, version)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS forum_event`);
    await q.query(`DROP TABLE IF EXISTS forum`);
    await q.query(`ALTER TABLE session DROP COLUMN IF EXISTS interactive`);
  }
}
