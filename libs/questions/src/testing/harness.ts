import { DomainError } from '@podium/contracts';
import { decide } from '../decide';
import { evolve } from '../evolve';
import { initialState } from '../state';
import type { Actor, QuestionCommand, QuestionEvent, QuestionsState } from '../types';

/** Test helpers: actors and a session that keeps state, log and clock together. */
export const person = (personId: string, role: Actor['role'] = 'attendee', displayName = personId.toUpperCase()): Actor => ({ personId, displayName, role });
export const MOD = person('mod', 'moderator', 'Mona Moderator');
export const T0 = Date.UTC(2020, 8, 21, 9, 0, 0);

type Draft = QuestionCommand extends infer C ? (C extends QuestionCommand ? Omit<C, 'actor'> : never) : never;

export class Session {
  state: QuestionsState;
  log: QuestionEvent[] = [];
  now = T0;
  constructor(moderation: 'pre' | 'post' = 'pre') {
    this.state = initialState('s1', moderation);
  }
  /** Runs a command; returns its events or the DomainError (the state unchanged then). */
  run(actor: Actor, draft: Draft): QuestionEvent[] | DomainError {
    const events = decide(this.state, { ...draft, actor } as QuestionCommand, this.now);
    if (events instanceof DomainError) return events;
    this.log.push(...events);
    this.state = events.reduce(evolve, this.state);
    return events;
  }
  /** Like run, but a refusal fails the test. */
  ok(actor: Actor, draft: Draft): QuestionEvent[] {
    const r = this.run(actor, draft);
    if (r instanceof DomainError) throw new Error(`${draft.type} refused: ${r.code} ${r.message}`);
    return r;
  }
  ask(actor: Actor, questionId: string, text: string, extra: { anonymous?: boolean; origin?: 'hall' | 'remote'; readAloud?: boolean; mayTakeChair?: boolean } = {}): QuestionEvent[] {
    return this.ok(actor, { type: 'ask', questionId, text, origin: extra.origin ?? 'remote', anonymous: extra.anonymous, readAloud: extra.readAloud, mayTakeChair: extra.mayTakeChair ?? true });
  }
  advance(ms: number): void {
    this.now += ms;
  }
}

/** code and rule/reason of a refusal, for compact expectations. */
export const refusal = (r: unknown): string => (r instanceof DomainError ? `${r.code}:${String(r.details?.rule ?? r.details?.reason ?? r.details?.field ?? '')}` : 'accepted');
