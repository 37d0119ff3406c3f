import type { Question, QuestionsState } from './types';

export const initialState = (sessionId: string, moderation: 'pre' | 'post' = 'pre'): QuestionsState => ({
  sessionId,
  moderation,
  questions: new Map(),
  order: [],
  version: 0,
  lastEventAt: 0,
});

/** Open: still to be dealt with (votes, pin, answer apply). */
export const isOpen = (q: Question): boolean => q.status === 'pending' || q.status === 'approved';

/** Seen by every attendee: approved or answered, or not yet reviewed under post-moderation. */
export function isPublic(q: Question, moderation: 'pre' | 'post'): boolean {
  if (q.status === 'approved' || q.status === 'answered') return true;
  return q.status === 'pending' && moderation === 'post';
}
