import { MigrationInterface, QueryRunner } from 'typeorm';

/** Livestream state: who should be on stage, bans, locks, webhook dedup and presence. */
export class Livestream1732600000000 implements MigrationInterface {
  name = 'Livestream1732600000000';

  async up(q: QueryRunner): Promise<void> {
    // Desired stage state (the database is the truth; the reconciler makes LiveKit follow it).
    await q.query(`
      CREATE TABLE stage_assignment (
        session_id uuid NOT NULL REFERENCES session(id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        on_stage boolean NOT NULL,
        updated_by uuid REFERENCES person(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (session_id, person_id)
      )`);
    // Removed for good: LiveKit ignores revokeTokenTs, so we refuse tokens and remove again on sight.
    await q.query(`
      CREATE TABLE livestream_ban (
        session_id uuid NOT NULL REFERENCES session(id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        banned_by uuid REFERENCES person(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (session_id, person_id)
      )`);
    await q.query(`
      CREATE TABLE livestream_room (
        session_id uuid PRIMARY KEY REFERENCES session(id) ON DELETE CASCADE,
        locked boolean NOT NULL DEFAULT false,
        updated_by uuid REFERENCES person(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // LiveKit retries webhooks: the event id makes each one count once.
    await q.query(`
      CREATE TABLE livekit_webhook_event (
        id text PRIMARY KEY,
        event text NOT NULL,
        room_name text,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX livekit_webhook_event_received ON livekit_webhook_event (received_at)`);
    // One row per connection (participant sid), so late or reversed joined/left events converge.
    await q.query(`
      CREATE TABLE livestream_presence (
        id bigserial PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES session(id) ON DELETE CASCADE,
        room_kind text NOT NULL CHECK (room_kind IN ('stage', 'backstage')),
        room_sid text NOT NULL,
        participant_sid text NOT NULL UNIQUE,
        identity text NOT NULL,
        person_id uuid,
        joined_at timestamptz NOT NULL,
        left_at timestamptz,
        left_reason text,
        CHECK (left_at IS NULL OR left_at >= joined_at)
      )`);
    await q.query(`CREATE INDEX livestream_presence_session ON livestream_presence (session_id, room_kind, joined_at)`);
    await q.query(`CREATE INDEX livestream_presence_open ON livestream_presence (session_id, room_kind) WHERE left_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['livestream_presence', 'livekit_webhook_event', 'livestream_room', 'livestream_ban', 'stage_assignment']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
