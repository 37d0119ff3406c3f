import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { FishbowlEvent } from '@podium/contracts';
import { decide, evolve, initialState, nextDeadline, SYSTEM_ACTOR, type FishbowlCommand, type FishbowlState } from '@podium/fishbowl';
import { LiveStore, type Aggregate, type Committed as LiveCommitted } from '@podium/live-store';
import { PostgresEventLog } from '../live/postgres-event-log';
import { FishbowlSessions } from './fishbowl-sessions';

/** What a committed batch tells the broadcaster, the timers and the stage (id = the session's id). */
export type Committed = LiveCommitted<FishbowlState, FishbowlEvent>;

/** The fishbowl's rules as the live store runs them. */
export const FISHBOWL_AGGREGATE: Aggregate<FishbowlState, FishbowlCommand, FishbowlEvent> = {
  initial: initialState,
  decide,
  evolve,
  summary: (state) => ({ status: state.status, nextDeadline: nextDeadline(state) }),
};

/** The existing tables: fishbowl (one row per session) and fishbowl_event (its log). */
export const FISHBOWL_TABLES = { aggregates: 'fishbowl', events: 'fishbowl_event', idColumn: 'session_id' };

/**
 * The fishbowls of this process on the live store: group commit per fishbowl, the log in
 * PostgreSQL; the first command on an empty log is preceded by the session's first-use settings.
 */
@Injectable()
export class FishbowlStore extends LiveStore<FishbowlState, FishbowlCommand, FishbowlEvent> {
  constructor(db: DataSource, sessions: FishbowlSessions) {
    super({
      name: 'fishbowl',
      aggregate: FISHBOWL_AGGREGATE,
      log: new PostgresEventLog<FishbowlEvent>(db, 'fishbowl', FISHBOWL_TABLES),
      logger: new Logger('fishbowl'),
      boot: async (sessionId) => ({ type: 'configure', actor: SYSTEM_ACTOR, settings: await sessions.initialSettings(sessionId), expectedVersion: 0 }),
    });
  }
}
