import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, type FishbowlActor } from '@podium/contracts';
import { decide, evolve, initialState, type PollCommand, type PollEvent, type PollsState } from '@podium/polls';
import { LiveStore, type Aggregate, type Committed as LiveCommitted } from '@podium/live-store';
import { PostgresEventLog } from '../live/postgres-event-log';

/** A poll event as logged: the lib's event plus who sent the command (the log's actor column). */
export type LoggedPollEvent = PollEvent & { actor: FishbowlActor };
export type PollsCommitted = LiveCommitted<PollsState, LoggedPollEvent>;

/** The polls' rules as the live store runs them; one aggregate per session, no deadlines. */
export const POLLS_AGGREGATE: Aggregate<PollsState, PollCommand, LoggedPollEvent> = {
  initial: initialState,
  decide: (state, command, now) => {
    const events = decide(state, command, now);
    return events instanceof DomainError ? events : events.map((e) => ({ ...e, actor: command.actor }));
  },
  evolve: (state, event) => evolve(state, event),
  summary: (state) => ({ status: [...state.polls.values()].some((p) => p.status === 'open') ? 'open' : 'idle', nextDeadline: null }),
};

export const POLLS_TABLES = { aggregates: 'poll_aggregate', events: 'poll_event', idColumn: 'session_id' };

/** The polls of this process on the live store: group commit per session, the log in PostgreSQL. */
@Injectable()
export class PollsStore extends LiveStore<PollsState, PollCommand, LoggedPollEvent> {
  constructor(db: DataSource) {
    super({ name: 'polls', aggregate: POLLS_AGGREGATE, log: new PostgresEventLog<LoggedPollEvent>(db, 'polls', POLLS_TABLES), logger: new Logger('polls') });
  }
}
