import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Trust II: an e-mail address no longer identifies one account (every invitation creates its own
 * person, so an invitation can never open an existing account), and new conferences start unpublished.
 */
export class Trust1732630000000 implements MigrationInterface {
  name = 'Trust1732630000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE person DROP CONSTRAINT IF EXISTS person_email_key`);
    await q.query(`CREATE INDEX person_email ON person (email)`);
    await q.query(`ALTER TABLE conference ALTER COLUMN published SET DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE conference ALTER COLUMN published SET DEFAULT true`);
    await q.query(`DROP INDEX IF EXISTS person_email`);
    // Fails while two accounts share an address, as it should: the unique rule cannot come back silently.
    await q.query(`ALTER TABLE person ADD CONSTRAINT person_email_key UNIQUE (email)`);
  }
}
