import { MigrationInterface, QueryRunner } from 'typeorm';

/** Live captions: the captioner role (conference and session) and the transcript's final lines. */
export class Captions1732640000000 implements MigrationInterface {
  name = 'Captions1732640000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE session_person DROP CONSTRAINT session_person_role_check`);
    await q.query(`ALTER TABLE session_person ADD CONSTRAINT session_person_role_check CHECK (role IN ('moderator', 'speaker', 'interpreter', 'captioner'))`);
    await q.query(`ALTER TABLE conference_role DROP CONSTRAINT conference_role_role_check`);
    await q.query(`ALTER TABLE conference_role ADD CONSTRAINT conference_role_role_check CHECK (role IN ('organiser', 'moderator', 'speaker', 'interpreter', 'captioner', 'attendee'))`);
    // One row per caption segment: a correction rewrites its text, its times stay those of the first final.
    await q.query(`
      CREATE TABLE caption_line (
        session_id uuid NOT NULL REFERENCES session(id) ON DELETE CASCADE,
        segment_id text NOT NULL CHECK (length(segment_id) BETWEEN 1 AND 100),
        text text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
        speaker text CHECK (speaker IS NULL OR length(speaker) <= 200),
        language text NOT NULL,
        started_at timestamptz NOT NULL,
        ended_at timestamptz NOT NULL,
        author_id uuid REFERENCES person(id) ON DELETE SET NULL,
        revision integer NOT NULL DEFAULT 1,
        PRIMARY KEY (session_id, segment_id),
        CHECK (ended_at >= started_at)
      )`);
    await q.query(`CREATE INDEX caption_line_time ON caption_line (session_id, started_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE caption_line`);
    await q.query(`DELETE FROM session_person WHERE role = 'captioner'`);
    await q.query(`DELETE FROM conference_role WHERE role = 'captioner'`);
    await q.query(`ALTER TABLE session_person DROP CONSTRAINT session_person_role_check`);
    await q.query(`ALTER TABLE session_person ADD CONSTRAINT session_person_role_check CHECK (role IN ('moderator', 'speaker', 'interpreter'))`);
    await q.query(`ALTER TABLE conference_role DROP CONSTRAINT conference_role_role_check`);
    await q.query(`ALTER TABLE conference_role ADD CONSTRAINT conference_role_role_check CHECK (role IN ('organiser', 'moderator', 'speaker', 'interpreter', 'attendee'))`);
  }
}
