import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invitations by e-mail: the imported participant list, per-conference mail templates and the mail
 * outbox (one row per mail to send; its idempotency key makes a second enqueue a no-op).
 */
export class Invitations1732645000000 implements MigrationInterface {
  name = 'Invitations1732645000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mail_participant (
        conference_id uuid NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        role text NOT NULL,
        language text NOT NULL DEFAULT 'de' CHECK (language IN ('de', 'en')),
        -- Bumped by "send again": a new idempotency key, so a new mail.
        generation integer NOT NULL DEFAULT 0,
        imported_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (conference_id, person_id)
      )`);
    await q.query(`CREATE INDEX mail_participant_person ON mail_participant (person_id)`);
    await q.query(`
      CREATE TABLE mail_template (
        conference_id uuid NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('invitation', 'reminder', 'session-reminder')),
        language text NOT NULL CHECK (language IN ('de', 'en')),
        subject text NOT NULL,
        body text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (conference_id, kind, language)
      )`);
    await q.query(`
      CREATE TABLE mail_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conference_id uuid NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('invitation', 'reminder', 'session-reminder')),
        idempotency_key text NOT NULL UNIQUE,
        state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sent', 'failed', 'withdrawn')),
        attempts integer NOT NULL DEFAULT 0,
        due_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        invitation_id uuid REFERENCES invitation(id) ON DELETE SET NULL,
        -- The session a session reminder is about.
        session_id uuid REFERENCES session(id) ON DELETE CASCADE,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The worker's claim: queued rows that are due, oldest first.
    await q.query(`CREATE INDEX mail_outbox_due ON mail_outbox (due_at) WHERE state = 'queued'`);
    await q.query(`CREATE INDEX mail_outbox_conference ON mail_outbox (conference_id, person_id)`);
    // A person asked for their data to be deleted; the organisers see it and carry it out.
    await q.query(`
      CREATE TABLE erasure_request (
        person_id uuid PRIMARY KEY REFERENCES person(id) ON DELETE CASCADE,
        requested_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['erasure_request', 'mail_outbox', 'mail_template', 'mail_participant']) await q.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
