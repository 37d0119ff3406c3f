import { MigrationInterface, QueryRunner } from 'typeorm';

/** Live accessibility: an interpreter's language pair per session, the start page slots and the accessibility statement. */
export class Accessibility1732653000000 implements MigrationInterface {
  name = 'Accessibility1732653000000';

  async up(q: QueryRunner): Promise<void> {
    const tag = (c: string) => `${c} IS NULL OR ${c} ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$'`;
    await q.query(`ALTER TABLE session_person ADD COLUMN language_from text CHECK (${tag('language_from')}), ADD COLUMN language_to text CHECK (${tag('language_to')})`);
    // A pair is both or neither, never the same language twice, and only interpreters have one.
    await q.query(`ALTER TABLE session_person ADD CONSTRAINT session_person_language_pair CHECK (
      (language_from IS NULL AND language_to IS NULL) OR (role = 'interpreter' AND language_from IS NOT NULL AND language_to IS NOT NULL AND language_from <> language_to))`);
    await q.query(`
      CREATE TABLE conference_accessibility (
        conference_id uuid PRIMARY KEY REFERENCES conference(id) ON DELETE CASCADE,
        dgs_video_url text CHECK (dgs_video_url IS NULL OR (dgs_video_url ~ '^https://' AND length(dgs_video_url) <= 500)),
        easy_language text CHECK (easy_language IS NULL OR length(easy_language) <= 5000),
        contact text CHECK (contact IS NULL OR length(contact) <= 1000),
        feedback text CHECK (feedback IS NULL OR length(feedback) <= 1000),
        statement_date date,
        limitations text CHECK (limitations IS NULL OR length(limitations) <= 5000),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE conference_accessibility`);
    await q.query(`ALTER TABLE session_person DROP CONSTRAINT session_person_language_pair`);
    await q.query(`ALTER TABLE session_person DROP COLUMN language_from, DROP COLUMN language_to`);
  }
}
