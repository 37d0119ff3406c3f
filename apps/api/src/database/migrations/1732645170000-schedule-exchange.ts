import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Schedule exchange: a conference's day change (frab days that run until 04:00 keep their night
 * sessions) and a session's recording and feedback links. Additive; empty means "none".
 */
export class ScheduleExchange1732645170000 implements MigrationInterface {
  name = 'ScheduleExchange1732645170000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE conference ADD COLUMN day_change text CHECK (day_change ~ '^(0[0-9]|1[01]):[0-5][0-9]$')`);
    await q.query(`ALTER TABLE session ADD COLUMN recording_url text, ADD COLUMN feedback_url text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE session DROP COLUMN IF EXISTS recording_url, DROP COLUMN IF EXISTS feedback_url`);
    await q.query(`ALTER TABLE conference DROP COLUMN IF EXISTS day_change`);
  }
}
