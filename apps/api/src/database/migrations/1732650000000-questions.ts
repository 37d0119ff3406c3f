import { MigrationInterface, QueryRunner } from 'typeorm';
import { createLiveLogTables, dropLiveLogTables } from './live-log-tables';

/** Questions (Q&A) per session on the live store's Postgres log: a row per session (the lock), and its events. */
export class Questions1732650000000 implements MigrationInterface {
  name = 'Questions1732650000000';

  async up(q: QueryRunner): Promise<void> {
    await createLiveLogTables(q, { aggregate: 'question_set', events: 'question_event', key: 'session_id', owner: 'session(id)', initialStatus: 'open' });
  }

  async down(q: QueryRunner): Promise<void> {
    await dropLiveLogTables(q, { aggregate: 'question_set', events: 'question_event' });
  }
}
