import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Programme: cancelled sessions, the exchange-format fields a round trip must keep, the people of
 * a conference, forum registrations, bookmarks and private calendar feeds.
 */
export class Programme1732620000000 implements MigrationInterface {
  name = 'Programme1732620000000';

  async up(q: QueryRunner): Promise<void> {
    // The domain added 'cancelled' beside the lifecycle; the foundation's CHECK did not know it.
    await q.query(`ALTER TABLE session DROP CONSTRAINT IF EXISTS session_status_check`);
    await q.query(`ALTER TABLE session ADD CONSTRAINT session_status_check CHECK (status IN ('scheduled', 'backstage', 'live', 'ended', 'cancelled'))`);
    await q.query(`ALTER TABLE session ADD CONSTRAINT session_delay_range CHECK (delay_minutes BETWEEN 0 AND 1440)`);
    // schedule.json carries these; without them an import/export round trip would lose data.
    await q.query(`
      ALTER TABLE session
        ADD COLUMN description text,
        ADD COLUMN slug text,
        ADD COLUMN url text,
        ADD COLUMN event_type text,
        ADD COLUMN schedule_id integer CHECK (schedule_id IS NULL OR schedule_id > 0)`);
    await q.query(`ALTER TABLE conference ADD COLUMN url text`);
    await q.query(`ALTER TABLE track ADD COLUMN position integer NOT NULL DEFAULT 0`);
    // The scheduler only looks at sessions that can still move.
    await q.query(`CREATE INDEX session_open_start ON session (starts_at) WHERE status IN ('scheduled', 'backstage', 'live')`);
    // Person rows are platform-wide (identity); the programme's people of a conference hang here.
    await q.query(`
      CREATE TABLE conference_person (
        conference_id uuid NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        guid uuid NOT NULL DEFAULT gen_random_uuid(),
        biography text,
        position integer NOT NULL DEFAULT 0,
        PRIMARY KEY (conference_id, person_id)
      )`);
    await q.query(`CREATE INDEX conference_person_person ON conference_person (person_id)`);
    await q.query(`
      CREATE TABLE session_registration (
        session_id uuid NOT NULL REFERENCES session(id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (session_id, person_id)
      )`);
    await q.query(`
      CREATE TABLE bookmark (
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        session_id uuid NOT NULL REFERENCES session(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (person_id, session_id)
      )`);
    await q.query(`CREATE INDEX bookmark_session ON bookmark (session_id)`);
    // Only a version is stored: the feed token is an HMAC of person and version, so a leaked
    // table reveals no feed URL, and rotating (version + 1) kills the old one.
    await q.query(`
      CREATE TABLE calendar_feed (
        person_id uuid PRIMARY KEY REFERENCES person(id) ON DELETE CASCADE,
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        rotated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['calendar_feed', 'bookmark', 'session_registration', 'conference_person']) await q.query(`DROP TABLE IF EXISTS ${table}`);
    await q.query(`DROP INDEX IF EXISTS session_open_start`);
    await q.query(`ALTER TABLE track DROP COLUMN position`);
    await q.query(`ALTER TABLE conference DROP COLUMN url`);
    await q.query(`ALTER TABLE session DROP COLUMN description, DROP COLUMN slug, DROP COLUMN url, DROP COLUMN event_type, DROP COLUMN schedule_id`);
    await q.query(`ALTER TABLE session DROP CONSTRAINT IF EXISTS session_delay_range`);
    await q.query(`UPDATE session SET status = 'scheduled' WHERE status = 'cancelled'`);
    await q.query(`ALTER TABLE session DROP CONSTRAINT IF EXISTS session_status_check`);
    await q.query(`ALTER TABLE session ADD CONSTRAINT session_status_check CHECK (status IN ('scheduled', 'backstage', 'live', 'ended'))`);
  }
}
