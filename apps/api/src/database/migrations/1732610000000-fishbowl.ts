import { MigrationInterface, QueryRunner } from 'typeorm';
import { createLiveLogTables, dropLiveLogTables } from './live-log-tables';

/** Fishbowl: the append-only event log (the truth) and one row per fishbowl (the lock, and what the timers need). */
export class Fishbowl1732610000000 implements MigrationInterface {
  name = 'Fishbowl1732610000000';

  async up(q: QueryRunner): Promise<void> {
    await createLiveLogTables(q, { aggregate: 'fishbowl', events: 'fishbowl_event', key: 'session_id', owner: 'session(id)', initialStatus: 'draft', statuses: ['draft', 'running', 'ended'] });
    // Every process sweeps this for due timers (a crashed process's ticks are taken over).
    await q.query(`CREATE INDEX fishbowl_running_deadline ON fishbowl (next_deadline) WHERE status = 'running'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropLiveLogTables(q, { aggregate: 'fishbowl', events: 'fishbowl_event' });
  }
}
