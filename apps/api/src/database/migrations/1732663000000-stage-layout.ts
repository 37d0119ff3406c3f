import { MigrationInterface, QueryRunner } from 'typeorm';

/** The stage layout every viewer sees (issue 16), chosen by the session's moderation; kept with the room's lock. */
export class StageLayout1732663000000 implements MigrationInterface {
  name = 'StageLayout1732663000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE livestream_room ADD COLUMN layout text NOT NULL DEFAULT 'speaker' CHECK (layout IN ('speaker', 'panel', 'presentation'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE livestream_room DROP COLUMN IF EXISTS layout`);
  }
}
