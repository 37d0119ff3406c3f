import { DomainError } from '@podium/contracts';
import { conflict, forbidden, invalid, notFound, rateLimited } from './errors';
import { evolve } from './evolve';
import { isId, isModeratorRole, normaliseText, QUESTION_TEXT_MAX, QUESTION_WINDOW_MS, QUESTIONS_PER_WINDOW } from './rules';
import { isOpen, isPublic } from './state';
import type { Question, QuestionCommand, QuestionEvent, QuestionsState } from './types';

type Result = QuestionEvent[] | DomainError;

/** Commands only moderators (and organisers, the system) may send. */
const MODERATOR_COMMANDS = new Set(['set-moderation', 'approve', 'reject', 'pin', 'unpin', 'mark-answered', 'merge', 'edit', 'to-podium']);

/**
 * Checks a command against the caller's role and the state and returns the events it causes, or a
 * DomainError. A repeated upvote or retraction is no error but no event ([]): a retry counts once.
 * Pure: `now` (epoch ms) is passed in and clamped so time never runs backwards in the log.
 */
export function decide(state: QuestionsState, command: QuestionCommand, now: number): Result {
  if (!Number.isFinite(now)) return invalid('now', 'must be a finite epoch millisecond value');
  const at = Math.max(Math.round(now), state.lastEventAt);
  const actor = command?.actor;
  if (!actor || !isId(actor.personId)) return invalid('actor.personId', 'must be an id');
  if (typeof actor.displayName !== 'string') return invalid('actor.displayName', 'must be text');
  const by = actor.personId;
  if (MODERATOR_COMMANDS.has(command.type) && !isModeratorRole(actor.role)) return forbidden(`Only moderators may ${command.type}`, 'MODERATORS_ONLY', { command: command.type });
  if (command.type === 'set-moderation') {
    if (command.moderation !== 'pre' && command.moderation !== 'post') return invalid('moderation', "must be 'pre' or 'post'");
    return command.moderation === state.moderation ? [] : [{ type: 'moderation-set', at, by, moderation: command.moderation }];
  }
  if (actor.role === 'system' && !MODERATOR_COMMANDS.has(command.type)) return forbidden('The system does not ask, vote or withdraw', 'NOT_A_PERSON');
  if (command.type === 'ask') return ask(state, command, at);
  if (!isId(command.questionId)) return invalid('questionId', 'must be an id');
  const q = state.questions.get(command.questionId);
  if (!q) return notFound('NO_QUESTION', 'No such question', { questionId: command.questionId });
  const base = { at, by, questionId: q.id };
  switch (command.type) {
    case 'upvote':
      if (q.askerId === by) return conflict('OWN_QUESTION', 'You cannot vote for your own question');
      if (!isOpen(q) || !isPublic(q, state.moderation)) return conflict('NOT_VOTABLE', 'Only open, visible questions take votes', { status: q.status });
      return q.voters.includes(by) ? [] : [{ type: 'question-upvoted', ...base }];
    case 'retract-upvote':
      return q.voters.includes(by) ? [{ type: 'question-upvote-retracted', ...base }] : [];
    case 'withdraw':
      if (q.askerId !== by) return forbidden('Only the asker may withdraw a question', 'NOT_YOURS');
      if (!isOpen(q)) return conflict('NOT_OPEN', 'This question is no longer open', { status: q.status });
      return [{ type: 'question-withdrawn', ...base }];
    case 'approve':
      if (q.status !== 'pending') return conflict('NOT_PENDING', 'Only a pending question can be approved', { status: q.status });
      return [{ type: 'question-approved', ...base }];
    case 'reject':
      if (!isOpen(q)) return conflict('NOT_OPEN', 'This question is no longer open', { status: q.status });
      return [{ type: 'question-rejected', ...base }];
    case 'pin':
      if (!isOpen(q) || !isPublic(q, state.moderation)) return conflict('NOT_PINNABLE', 'Only open, visible questions can be pinned', { status: q.status });
      return q.pinned ? [] : [{ type: 'question-pinned', ...base }];
    case 'unpin':
      return q.pinned ? [{ type: 'question-unpinned', ...base }] : [];
    case 'mark-answered':
      if (!isOpen(q)) return conflict('NOT_OPEN', 'This question is no longer open', { status: q.status });
      return [{ type: 'question-answered', ...base }];
    case 'merge':
      return merge(state, q, command.intoId, base);
    case 'edit':
      return edit(q, command.text, base);
    case 'to-podium':
      return toPodium(q, base);
    default:
      return invalid('type', 'unknown command');
  }
}

/** decide + evolve in one step, for callers that keep the state in memory. */
export function execute(state: QuestionsState, command: QuestionCommand, now: number): { state: QuestionsState; events: QuestionEvent[] } | DomainError {
  const events = decide(state, command, now);
  if (events instanceof DomainError) return events;
  return { state: events.reduce(evolve, state), events };
}

function ask(state: QuestionsState, c: Extract<QuestionCommand, { type: 'ask' }>, at: number): Result {
  if (!isId(c.questionId)) return invalid('questionId', 'must be an id');
  const text = checkText(c.text);
  if (text instanceof DomainError) return text;
  if (c.origin !== 'hall' && c.origin !== 'remote') return invalid('origin', "must be 'hall' or 'remote'");
  if (c.anonymous !== undefined && typeof c.anonymous !== 'boolean') return invalid('anonymous', 'must be true or false');
  if (c.readAloud !== undefined && typeof c.readAloud !== 'boolean') return invalid('readAloud', 'must be true or false');
  if (typeof c.mayTakeChair !== 'boolean') return invalid('mayTakeChair', 'must be set by the edge');
  const existing = state.questions.get(c.questionId);
  if (existing) {
    // The same ask again (a retry after a lost ack) is no new question; a different one is a clash.
    const same = existing.askerId === c.actor.personId && existing.originalText === text;
    return same ? [] : conflict('QUESTION_ID_TAKEN', 'This question id is taken', { questionId: c.questionId });
  }
  const recent = [...state.questions.values()].filter((q) => q.askerId === c.actor.personId && q.askedAt > at - QUESTION_WINDOW_MS);
  if (recent.length >= QUESTIONS_PER_WINDOW) {
    const retryAt = Math.min(...recent.map((q) => q.askedAt)) + QUESTION_WINDOW_MS;
    return rateLimited(`At most ${QUESTIONS_PER_WINDOW} questions per minute`, { retryAfterMs: retryAt - at });
  }
  const event: QuestionEvent = {
    type: 'question-asked',
    at,
    by: c.actor.personId,
    questionId: c.questionId,
    askerName: c.actor.displayName,
    anonymous: c.anonymous === true,
    mayTakeChair: c.mayTakeChair,
    origin: c.origin,
    readAloud: c.readAloud === true,
    text,
  };
  return [event];
}

function merge(state: QuestionsState, dup: Question, intoId: unknown, base: { at: number; by: string; questionId: string }): Result {
  if (!isId(intoId)) return invalid('intoId', 'must be an id');
  if (intoId === dup.id) return conflict('MERGE_INTO_ITSELF', 'A question cannot be merged into itself');
  const into = state.questions.get(intoId);
  if (!into) return notFound('NO_QUESTION', 'No such question to merge into', { questionId: intoId });
  if (!isOpen(dup) && dup.status !== 'answered') return conflict('NOT_MERGEABLE', 'This question cannot be merged', { status: dup.status });
  if (into.status === 'merged' || into.status === 'withdrawn' || into.status === 'rejected') return conflict('NOT_MERGEABLE', 'Cannot merge into this question', { status: into.status });
  return [{ type: 'question-merged', ...base, intoId }];
}

function edit(q: Question, raw: unknown, base: { at: number; by: string; questionId: string }): Result {
  const text = checkText(raw);
  if (text instanceof DomainError) return text;
  if (q.status === 'withdrawn' || q.status === 'merged') return conflict('NOT_EDITABLE', 'This question cannot be edited', { status: q.status });
  return text === q.text ? [] : [{ type: 'question-edited', ...base, text }];
}

function toPodium(q: Question, base: { at: number; by: string; questionId: string }): Result {
  if (!isOpen(q) && q.status !== 'answered') return conflict('NOT_OPEN', 'This question is no longer open', { status: q.status });
  if (!q.mayTakeChair) return forbidden('This asker may not take a chair on the podium', 'ASKER_NOT_ELIGIBLE');
  if (q.invitedToPodiumAt !== null) return [];
  return [{ type: 'question-to-podium', ...base, personId: q.askerId, displayName: q.askerName }];
}

function checkText(raw: unknown): string | DomainError {
  if (typeof raw !== 'string') return invalid('text', 'must be text');
  const text = normaliseText(raw);
  if (text.length === 0) return invalid('text', 'must not be empty');
  if ([...text].length > QUESTION_TEXT_MAX) return invalid('text', `at most ${QUESTION_TEXT_MAX} characters`);
  return text;
}
