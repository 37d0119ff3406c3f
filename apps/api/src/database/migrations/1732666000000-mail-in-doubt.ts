import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mail delivery without a second mail after a crash: a claim is committed before the mail goes out
 * ('sending', with the attempt and the sending process's lock key), 'sent' right after the server's "accepted".
 * A 'sending' row whose process died becomes 'in_doubt': never resent blindly, the organiser decides.
 */
export class MailInDoubt1732666000000 implements MigrationInterface {
  name = 'MailInDoubt1732666000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_state_check`);
    await q.query(`ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_state_check CHECK (state IN ('queued', 'sending', 'sent', 'in_doubt', 'failed', 'withdrawn'))`);
    await q.query(`ALTER TABLE mail_outbox ADD COLUMN attempt_id uuid, ADD COLUMN worker_key integer, ADD COLUMN claimed_at timestamptz`);
    // The sweep looks for claims of processes that are gone.
    await q.query(`CREATE INDEX mail_outbox_sending ON mail_outbox (worker_key) WHERE state = 'sending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS mail_outbox_sending`);
    await q.query(`UPDATE mail_outbox SET state = 'failed', last_error = coalesce(last_error, 'delivery unclear') WHERE state IN ('sending', 'in_doubt')`);
    await q.query(`ALTER TABLE mail_outbox DROP COLUMN attempt_id, DROP COLUMN worker_key, DROP COLUMN claimed_at`);
    await q.query(`ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_state_check`);
    await q.query(`ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_state_check CHECK (state IN ('queued', 'sent', 'failed', 'withdrawn'))`);
  }
}
