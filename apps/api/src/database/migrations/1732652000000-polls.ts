import { MigrationInterface, QueryRunner } from 'typeorm';
import { createLiveLogTables, dropLiveLogTables } from './live-log-tables';

/** Polls and formal votes: one aggregate row per session (the row lock serialises writers) and its append-only log. */
export class Polls1732652000000 implements MigrationInterface {
  name = 'Polls1732652000000';

  async up(q: QueryRunner): Promise<void> {
    await createLiveLogTables(q, { aggregate: 'poll_aggregate', events: 'poll_event', key: 'session_id', owner: 'session(id)', initialStatus: 'idle' });
  }

  async down(q: QueryRunner): Promise<void> {
    await dropLiveLogTables(q, { aggregate: 'poll_aggregate', events: 'poll_event' });
  }
}
