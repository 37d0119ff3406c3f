import { MigrationInterface, QueryRunner } from 'typeorm';

/** People, conferences, the programme's core tables, roles and invitations. */
export class Foundation1732590000000 implements MigrationInterface {
  name = 'Foundation1732590000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE person (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
        email text UNIQUE,
        function text,
        organisation text,
        is_guest boolean NOT NULL DEFAULT false,
        external_id text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE conference (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
        title text NOT NULL,
        description text,
        timezone text NOT NULL DEFAULT 'Europe/Berlin',
        start_date date NOT NULL,
        end_date date NOT NULL CHECK (end_date >= start_date),
        format text NOT NULL DEFAULT 'digital' CHECK (format IN ('digital', 'hybrid', 'in-person')),
        venue text,
        allow_guests boolean NOT NULL DEFAULT false,
        published boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE room (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conference_id uuid NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        guid uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        kind text NOT NULL DEFAULT 'virtual-stage' CHECK (kind IN ('virtual-stage', 'forum-room', 'hall')),
        capacity integer CHECK (capacity IS NULL OR capacity > 0),
        changeover_minutes integer NOT NULL DEFAULT 0 CHECK (changeover_minutes >= 0),
        position integer NOT NULL DEFAULT 0,
        UNIQUE (conference_id, name)
      )`);
    await q.query(`
      CREATE TABLE track (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conference_id uuid NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        name text NOT NULL,
        color text,
        UNIQUE (conference_id, name)
      )`);
    await q.query(`
      CREATE TABLE session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conference_id uuid NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        guid uuid NOT NULL DEFAULT gen_random_uuid(),
        external_id text,
        kind text NOT NULL CHECK (kind IN ('welcome', 'keynote', 'panel', 'fishbowl', 'forum', 'press-conference', 'marketplace', 'closing', 'break', 'talk', 'workshop', 'other')),
        title text NOT NULL,
        subtitle text,
        abstract text,
        language text NOT NULL DEFAULT 'de',
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        room_id uuid REFERENCES room(id) ON DELETE SET NULL,
        track_id uuid REFERENCES track(id) ON DELETE SET NULL,
        capacity integer CHECK (capacity IS NULL OR capacity > 0),
        livestream boolean NOT NULL DEFAULT true,
        recording_consent boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'backstage', 'live', 'ended')),
        delay_minutes integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at)
      )`);
    await q.query(`CREATE INDEX session_conference_start ON session (conference_id, starts_at)`);
    await q.query(`CREATE INDEX session_room_start ON session (room_id, starts_at)`);
    await q.query(`
      CREATE TABLE session_person (
        session_id uuid NOT NULL REFERENCES session(id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('moderator', 'speaker', 'interpreter')),
        position integer NOT NULL DEFAULT 0,
        PRIMARY KEY (session_id, person_id, role)
      )`);
    await q.query(`CREATE INDEX session_person_person ON session_person (person_id)`);
    await q.query(`
      CREATE TABLE conference_role (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conference_id uuid REFERENCES conference(id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('organiser', 'moderator', 'speaker', 'interpreter', 'attendee'))
      )`);
    // A null conference means the role holds on the whole platform (an operator's organiser).
    await q.query(`CREATE UNIQUE INDEX conference_role_unique ON conference_role (COALESCE(conference_id, '00000000-0000-0000-0000-000000000000'::uuid), person_id, role)`);
    await q.query(`CREATE INDEX conference_role_person ON conference_role (person_id)`);
    await q.query(`
      CREATE TABLE invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash text NOT NULL UNIQUE,
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        conference_id uuid REFERENCES conference(id) ON DELETE CASCADE,
        role text NOT NULL,
        created_by uuid REFERENCES person(id) ON DELETE SET NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        last_used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['invitation', 'conference_role', 'session_person', 'session', 'track', 'room', 'conference', 'person']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
