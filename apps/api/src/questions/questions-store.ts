import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@podium/contracts';
import { LiveStore, type Aggregate, type Committed as LiveCommitted } from '@podium/live-store';
import { decide, evolve, initialState, type QuestionCommand, type QuestionEvent, type QuestionsState } from '@podium/questions';
import { PostgresEventLog } from '../live/postgres-event-log';

/** A question event as the log keeps it: the live store's `actor` column holds the sender's person id (`by`). */
export type StoredQuestionEvent = QuestionEvent & { actor: string };
export type QuestionsCommitted = LiveCommitted<QuestionsState, StoredQuestionEvent>;

/** The questions rules as the live store runs them: no timers, so no deadline. */
export const QUESTIONS_AGGREGATE: Aggregate<QuestionsState, QuestionCommand, StoredQuestionEvent> = {
  initial: (sessionId) => initialState(sessionId),
  decide: (state, command, now) => {
    const events = decide(state, command, now);
    return events instanceof DomainError ? events : events.map((e) => ({ ...e, actor: e.by }) as StoredQuestionEvent);
  },
  evolve: (state, event) => evolve(state, event),
  summary: () => ({ status: 'open', nextDeadline: null }),
};

/** Migration 1732650000000: question_set (one row per session, the lock) and question_event (the log). */
export const QUESTIONS_TABLES = { aggregates: 'question_set', events: 'question_event', idColumn: 'session_id' };

/** One aggregate per session (`questions:<sessionId>` in the docs; the row's key is the session id), group commit, log in PostgreSQL. */
@Injectable()
export class QuestionsStore extends LiveStore<QuestionsState, QuestionCommand, StoredQuestionEvent> {
  constructor(db: DataSource) {
    super({ name: 'questions', aggregate: QUESTIONS_AGGREGATE, log: new PostgresEventLog<StoredQuestionEvent>(db, 'questions', QUESTIONS_TABLES), logger: new Logger('questions') });
  }
}
