import type { AttendeeQuestionView, ProjectorQuestionView } from '@podium/contracts';
import { canonical } from '@podium/fishbowl';
import { isPublic } from './state';
import type { Edit, Order, Question, QuestionsState } from './types';

/** What an attendee sees of one question (no person ids, no name when anonymous) and what the hall's screen shows: the wire's shapes. */
export type AttendeeQuestion = AttendeeQuestionView;
export type ProjectorQuestion = ProjectorQuestionView;

/** Moderators see everything, the asker always named. */
export interface ModeratorQuestion extends Omit<Question, 'askerName' | 'voters'> {
  askerName: string;
  votes: number;
}

export interface QuestionsView<Q> {
  sessionId: string;
  moderation: 'pre' | 'post';
  order: Order;
  version: number;
  questions: Q[];
}

/** Pinned first, then open, answered, closed (rejected, withdrawn, merged); `votes`: most votes first, `time`: newest first; ties by time asked, then id. */
export function ordered(questions: Question[], order: Order): Question[] {
  const rank = (q: Question) => (q.pinned ? 0 : q.status === 'pending' || q.status === 'approved' ? 1 : q.status === 'answered' ? 2 : 3);
  return [...questions].sort((a, b) => rank(a) - rank(b) || (order === 'votes' ? b.voters.length - a.voters.length || a.askedAt - b.askedAt : b.askedAt - a.askedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** An attendee sees the public questions and all their own (so a pending one is not lost). */
export function attendeeView(state: QuestionsState, viewerId: string, order: Order = 'votes'): QuestionsView<AttendeeQuestion> {
  const shown = [...state.questions.values()].filter((q) => (isPublic(q, state.moderation) && q.status !== 'merged') || (q.askerId === viewerId && q.status !== 'merged'));
  const questions = ordered(shown, order).map(
    (q): AttendeeQuestion => ({
      askedAt: q.askedAt,
      askerName: q.anonymous ? null : q.askerName,
      edited: q.edits.length > 0,
      id: q.id,
      mine: q.askerId === viewerId,
      origin: q.origin,
      pinned: q.pinned,
      readAloud: q.readAloud,
      status: q.status,
      text: q.text,
      votedByMe: q.voters.includes(viewerId),
      votes: q.voters.length,
    }),
  );
  return canonical({ moderation: state.moderation, order, questions, sessionId: state.sessionId, version: state.version });
}

/** The hall's screen: approved and answered questions only (never unreviewed ones), anonymous names hidden. */
export function projectorView(state: QuestionsState, order: Order = 'votes'): QuestionsView<ProjectorQuestion> {
  const shown = [...state.questions.values()].filter((q) => q.status === 'approved' || q.status === 'answered');
  const questions = ordered(shown, order).map(
    (q): ProjectorQuestion => ({
      askerName: q.anonymous ? null : q.askerName,
      id: q.id,
      origin: q.origin,
      pinned: q.pinned,
      readAloud: q.readAloud,
      status: q.status,
      text: q.text,
      votes: q.voters.length,
    }),
  );
  return canonical({ moderation: state.moderation, order, questions, sessionId: state.sessionId, version: state.version });
}

/** Moderators: every question in every status, with the asker and the edit history. */
export function moderatorView(state: QuestionsState, order: Order = 'votes'): QuestionsView<ModeratorQuestion> {
  const questions = ordered([...state.questions.values()], order).map(({ voters, edits, ...q }): ModeratorQuestion => ({ ...q, edits: edits.map((e: Edit) => ({ ...e })), votes: voters.length }));
  return canonical({ moderation: state.moderation, order, questions, sessionId: state.sessionId, version: state.version });
}
