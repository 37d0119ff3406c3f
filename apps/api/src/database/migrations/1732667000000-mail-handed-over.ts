import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The in-doubt window narrowed to "end of message written → 250 recorded" (issue 20): `handed_over_at` is committed
 * right before the SMTP end-of-data terminator goes out. A 'sending' row of a dead process without it was certainly
 * not delivered (RFC 5321 3.3: no terminator, no mail) and is queued again; with it, the row is in doubt.
 */
export class MailHandedOver1732667000000 implements MigrationInterface {
  name = 'MailHandedOver1732667000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE mail_outbox ADD COLUMN handed_over_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE mail_outbox DROP COLUMN handed_over_at`);
  }
}
