import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import type { QuestionsClientToServerEvents, QuestionsMine, QuestionsServerToClientEvents } from '@podium/contracts';
import { Coalescer } from '@podium/live-store';
import { attendeeView, moderatorView, projectorView, type QuestionsState } from '@podium/questions';
import { QuestionsStore, type QuestionsCommitted, type StoredQuestionEvent } from './questions-store';

export type QuestionsNamespace = Namespace<QuestionsClientToServerEvents, QuestionsServerToClientEvents>;

export const roomOf = (sessionId: string) => `questions:${sessionId}`;
export const moderatorRoomOf = (sessionId: string) => `questions-moderators:${sessionId}`;
export const projectorRoomOf = (sessionId: string) => `questions-projector:${sessionId}`;
/** Every socket of one person in one session: their own part of the attendee view goes here. */
export const personRoomOf = (sessionId: string, personId: string) => `questions-person:${sessionId}:${personId}`;

/** A person's own questions and votes (the part of attendeeView that differs per person). */
export function mineOf(state: QuestionsState, personId: string): QuestionsMine {
  const own = attendeeView(state, personId, 'time');
  const voted = [...state.questions.values()].filter((q) => q.voters.includes(personId)).map((q) => q.id).sort();
  return { sessionId: state.sessionId, version: state.version, questions: own.questions.filter((q) => q.mine), voted };
}

/** The people whose own part changed with these events: the sender, the question's asker, and on a merge the target's voters. */
function touched(state: QuestionsState, events: readonly StoredQuestionEvent[]): Set<string> {
  const people = new Set<string>();
  for (const e of events) {
    people.add(e.by);
    if (!('questionId' in e)) continue;
    const q = state.questions.get(e.questionId);
    if (q) people.add(q.askerId);
    if (e.type === 'question-merged') for (const v of state.questions.get(e.intoId)?.voters ?? []) people.add(v);
  }
  return people;
}

/**
 * After commit, coalesced per session (the live store's Coalescer, as the fishbowl): the public
 * attendee view to the room, each touched person's own part to their personal room, the full view to
 * the moderators and the reviewed questions to the projector. Through the Redis adapter every process's
 * sockets get them.
 */
@Injectable()
export class QuestionsBroadcaster implements OnModuleDestroy {
  private readonly logger = new Logger('questions');
  private namespace: QuestionsNamespace | null = null;
  private readonly coalescer = new Coalescer<StoredQuestionEvent>({
    flush: (sessionId, events) => this.flush(sessionId, events),
    onError: (sessionId, error) => this.logger.error(`broadcast of questions ${sessionId} failed: ${(error as Error).message}`),
    minIntervalMs: 100,
    maxIntervalMs: 1000,
  });

  constructor(private readonly store: QuestionsStore) {
    store.onCommitted((c) => this.committed(c));
  }

  attach(namespace: QuestionsNamespace): void {
    this.namespace = namespace;
  }

  private committed({ id, events }: QuestionsCommitted): void {
    if (events.length > 0 && this.namespace) this.coalescer.push(id, events);
  }

  private flush(sessionId: string, events: StoredQuestionEvent[]): void {
    const state = this.store.cached(sessionId);
    const ns = this.namespace;
    if (!state || !ns) return;
    ns.to(roomOf(sessionId)).emit('questions:state', attendeeView(state, '', 'votes'));
    for (const personId of touched(state, events)) ns.to(personRoomOf(sessionId, personId)).emit('questions:mine', mineOf(state, personId));
    ns.to(moderatorRoomOf(sessionId)).emit('questions:moderator-state', moderatorView(state, 'votes'));
    ns.to(projectorRoomOf(sessionId)).emit('questions:projector-state', projectorView(state, 'votes'));
  }

  onModuleDestroy(): void {
    this.coalescer.stop();
  }
}
