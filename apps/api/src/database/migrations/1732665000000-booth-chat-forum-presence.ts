import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19, the market's and forums' gaps: a booth has its own chat room (`booth:<boothId>`, the chat's
 * tables, retention and moderation), and a forum's LiveKit rooms write presence rows (`forum`) from the
 * same webhooks as the livestream's stage, so forums get attendance as other sessions do.
 */
export class BoothChatForumPresence1732665000000 implements MigrationInterface {
  name = 'BoothChatForumPresence1732665000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE chat_room DROP CONSTRAINT chat_room_room_id_check`);
    await q.query(`ALTER TABLE chat_room ADD CONSTRAINT chat_room_room_id_check CHECK (room_id ~ '^(session|lobby|booth):[0-9a-f-]{36}$')`);
    await q.query(`ALTER TABLE livestream_presence DROP CONSTRAINT livestream_presence_room_kind_check`);
    await q.query(`ALTER TABLE livestream_presence ADD CONSTRAINT livestream_presence_room_kind_check CHECK (room_kind IN ('stage', 'backstage', 'forum'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM livestream_presence WHERE room_kind = 'forum'`);
    await q.query(`ALTER TABLE livestream_presence DROP CONSTRAINT livestream_presence_room_kind_check`);
    await q.query(`ALTER TABLE livestream_presence ADD CONSTRAINT livestream_presence_room_kind_check CHECK (room_kind IN ('stage', 'backstage'))`);
    await q.query(`DELETE FROM chat_room WHERE room_id LIKE 'booth:%'`);
    await q.query(`ALTER TABLE chat_room DROP CONSTRAINT chat_room_room_id_check`);
    await q.query(`ALTER TABLE chat_room ADD CONSTRAINT chat_room_room_id_check CHECK (room_id ~ '^(session|lobby):[0-9a-f-]{36}$')`);
  }
}
