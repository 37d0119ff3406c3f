import { MigrationInterface, QueryRunner } from 'typeorm';
import { createLiveLogTables, dropLiveLogTables } from './live-log-tables';

/**
 * Forums: whether a session runs as an interactive room, and the forum's live log (the store's two tables).
 * Markt der Möglichkeiten: booths, their staff, contacts visitors chose to leave, and each booth's live log.
 * Meeting people: the opt-in directory and contact requests.
 */
export class Forums1732655000000 implements MigrationInterface {
  name = 'Forums1732655000000';

  async up(q: QueryRunner): Promise<void> {
    // null: the default of the kind (forums are interactive, everything else a livestream).
    await q.query(`ALTER TABLE session ADD COLUMN interactive boolean`);
    await createLiveLogTables(q, { aggregate: 'forum', events: 'forum_event', key: 'session_id', owner: 'session(id)', initialStatus: 'empty', statuses: ['empty', 'open'] });
    await q.query(`
      CREATE TABLE booth (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conference_id uuid NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        session_id uuid REFERENCES session(id) ON DELETE SET NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
        links jsonb NOT NULL DEFAULT '[]',
        logo_url text CHECK (logo_url IS NULL OR length(logo_url) <= 500),
        capacity integer NOT NULL DEFAULT 6 CHECK (capacity BETWEEN 2 AND 50),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX booth_conference ON booth (conference_id)`);
    await q.query(`
      CREATE TABLE booth_staff (
        booth_id uuid NOT NULL REFERENCES booth(id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        PRIMARY KEY (booth_id, person_id)
      )`);
    // Only what the visitor typed, only because they chose to: one entry per visitor and booth (the latest).
    await q.query(`
      CREATE TABLE booth_contact (
        booth_id uuid NOT NULL REFERENCES booth(id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        contact text NOT NULL CHECK (length(contact) BETWEEN 1 AND 500),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (booth_id, person_id)
      )`);
    await createLiveLogTables(q, { aggregate: 'booth_live', events: 'booth_live_event', key: 'booth_id', owner: 'booth(id)', initialStatus: 'closed', statuses: ['open', 'closed'] });
    // A row only for people who opted in; deleting it is opting out.
    await q.query(`
      CREATE TABLE directory_entry (
        conference_id uuid NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        function text CHECK (function IS NULL OR length(function) <= 120),
        organisation text CHECK (organisation IS NULL OR length(organisation) <= 120),
        topics text[] NOT NULL DEFAULT '{}',
        contact text NOT NULL CHECK (length(contact) BETWEEN 1 AND 300),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (conference_id, person_id)
      )`);
    await q.query(`
      CREATE TABLE contact_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conference_id uuid NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        from_person uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        to_person uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        message text CHECK (message IS NULL OR length(message) <= 300),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined')),
        created_at timestamptz NOT NULL DEFAULT now(),
        answered_at timestamptz,
        UNIQUE (conference_id, from_person, to_person),
        CHECK (from_person <> to_person)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['contact_request', 'directory_entry', 'booth_live_event', 'booth_live', 'booth_contact', 'booth_staff', 'booth']) await q.query(`DROP TABLE IF EXISTS ${table}`);
    await dropLiveLogTables(q, { aggregate: 'forum', events: 'forum_event' });
    await q.query(`ALTER TABLE session DROP COLUMN IF EXISTS interactive`);
  }
}
