import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ForumEvent } from '@podium/contracts';
import { FORUM_AGGREGATE, type ForumCommand, type ForumState } from '@podium/forum';
import { LiveStore, type Committed as LiveCommitted } from '@podium/live-store';
import { PostgresEventLog } from '../live/postgres-event-log';

export type ForumCommitted = LiveCommitted<ForumState, ForumEvent>;

/** The forum's log tables (migration 1732655000000). */
export const FORUM_TABLES = { aggregates: 'forum', events: 'forum_event', idColumn: 'session_id' };

/** The forums of this process on the live store: group commit per forum, the log in PostgreSQL. */
@Injectable()
export class ForumStore extends LiveStore<ForumState, ForumCommand, ForumEvent> {
  constructor(db: DataSource) {
    super({ name: 'forum', aggregate: FORUM_AGGREGATE, log: new PostgresEventLog<ForumEvent>(db, 'forum', FORUM_TABLES), logger: new Logger('forum') });
  }
}
