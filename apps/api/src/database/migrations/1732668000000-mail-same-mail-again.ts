import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A mail in doubt is sent again as the same mail (issue 20): `link_nonce` is what its sign-in link is derived from
 * with the server secret (the link itself is never stored), `message` its subject, text (link left out) and Date as
 * first sent, `doubted` that it was in doubt once (its link is then never dropped: the first copy may have arrived).
 */
export class MailSameMailAgain1732668000000 implements MigrationInterface {
  name = 'MailSameMailAgain1732668000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE mail_outbox ADD COLUMN link_nonce uuid, ADD COLUMN message jsonb, ADD COLUMN doubted boolean NOT NULL DEFAULT false`);
    // Claims now take rows in doubt too: the due index covers both, so a claim stays an index scan.
    await q.query(`DROP INDEX mail_outbox_due`);
    await q.query(`CREATE INDEX mail_outbox_due ON mail_outbox (due_at) WHERE state IN ('queued', 'in_doubt')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX mail_outbox_due`);
    await q.query(`CREATE INDEX mail_outbox_due ON mail_outbox (due_at) WHERE state = 'queued'`);
    await q.query(`ALTER TABLE mail_outbox DROP COLUMN link_nonce, DROP COLUMN message, DROP COLUMN doubted`);
  }
}
