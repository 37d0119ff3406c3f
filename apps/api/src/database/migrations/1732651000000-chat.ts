import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Chat (issue 14): a row per room (the live store's lock and version), messages as rows in commit order,
 * the room's other events (mutes, slow mode, deletions, reports) as a log, reports once per person and
 * message, and the conference's retention.
 */
export class Chat1732651000000 implements MigrationInterface {
  name = 'Chat1732651000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE conference ADD COLUMN chat_retention_days integer NOT NULL DEFAULT 30 CHECK (chat_retention_days BETWEEN 1 AND 3650)`);
    await q.query(`
      CREATE TABLE chat_room (
        room_id text PRIMARY KEY CHECK (room_id ~ '^(session|lobby):[0-9a-f-]{36}$'),
        conference_id uuid NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        version integer NOT NULL DEFAULT 0,
        status text NOT NULL DEFAULT 'open',
        next_deadline timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // seq is the room's version at the post: messages and events share one sequence, so order = commit order.
    await q.query(`
      CREATE TABLE chat_message (
        room_id text NOT NULL REFERENCES chat_room(room_id) ON DELETE CASCADE,
        seq integer NOT NULL,
        message_id uuid NOT NULL UNIQUE,
        author_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        author_name text NOT NULL,
        text text NOT NULL CHECK (length(text) <= 4000),
        at timestamptz NOT NULL,
        deleted_at timestamptz,
        deleted_by uuid,
        PRIMARY KEY (room_id, seq)
      )`);
    await q.query(`CREATE INDEX chat_message_at ON chat_message (at)`);
    await q.query(`
      CREATE TABLE chat_event (
        room_id text NOT NULL REFERENCES chat_room(room_id) ON DELETE CASCADE,
        seq integer NOT NULL,
        type text NOT NULL,
        payload jsonb NOT NULL,
        actor jsonb NOT NULL,
        at timestamptz NOT NULL,
        PRIMARY KEY (room_id, seq)
      )`);
    await q.query(`
      CREATE TABLE chat_report (
        message_id uuid NOT NULL REFERENCES chat_message(message_id) ON DELETE CASCADE,
        reporter_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        reporter_name text NOT NULL,
        reason text NOT NULL,
        at timestamptz NOT NULL,
        PRIMARY KEY (message_id, reporter_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE chat_report`);
    await q.query(`DROP TABLE chat_event`);
    await q.query(`DROP TABLE chat_message`);
    await q.query(`DROP TABLE chat_room`);
    await q.query(`ALTER TABLE conference DROP COLUMN chat_retention_days`);
  }
}
