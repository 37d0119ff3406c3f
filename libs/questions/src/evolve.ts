import type { Question, QuestionEvent, QuestionsState } from './types';

/** Applies one event; total and pure (a new state, the old one untouched). */
export function evolve(state: QuestionsState, event: QuestionEvent): QuestionsState {
  const s: QuestionsState = { ...state, questions: new Map(state.questions), version: state.version + 1, lastEventAt: Math.max(state.lastEventAt, event.at) };
  const put = (id: string, change: (q: Question) => Partial<Question>) => {
    const q = s.questions.get(id);
    if (q) s.questions.set(id, { ...q, ...change(q) });
  };
  switch (event.type) {
    case 'moderation-set':
      s.moderation = event.moderation;
      break;
    case 'question-asked':
      s.questions.set(event.questionId, {
        id: event.questionId,
        askerId: event.by,
        askerName: event.askerName,
        anonymous: event.anonymous,
        mayTakeChair: event.mayTakeChair,
        origin: event.origin,
        readAloud: event.readAloud,
        text: event.text,
        originalText: event.text,
        edits: [],
        status: 'pending',
        pinned: false,
        askedAt: event.at,
        voters: [],
        mergedInto: null,
        invitedToPodiumAt: null,
      });
      s.order = [...s.order, event.questionId];
      break;
    case 'question-upvoted':
      put(event.questionId, (q) => ({ voters: union(q.voters, [event.by]) }));
      break;
    case 'question-upvote-retracted':
      put(event.questionId, (q) => ({ voters: q.voters.filter((v) => v !== event.by) }));
      break;
    case 'question-withdrawn':
      put(event.questionId, () => ({ status: 'withdrawn', pinned: false }));
      break;
    case 'question-approved':
      put(event.questionId, () => ({ status: 'approved' }));
      break;
    case 'question-rejected':
      put(event.questionId, () => ({ status: 'rejected', pinned: false }));
      break;
    case 'question-pinned':
      put(event.questionId, () => ({ pinned: true }));
      break;
    case 'question-unpinned':
      put(event.questionId, () => ({ pinned: false }));
      break;
    case 'question-answered':
      put(event.questionId, () => ({ status: 'answered', pinned: false }));
      break;
    case 'question-merged': {
      const dup = s.questions.get(event.questionId);
      const into = s.questions.get(event.intoId);
      if (!dup || !into) break;
      // A person who voted on both counts once; the target's asker never votes for their own question.
      put(event.intoId, (q) => ({ voters: union(q.voters, dup.voters).filter((v) => v !== into.askerId) }));
      put(event.questionId, () => ({ status: 'merged', mergedInto: event.intoId, pinned: false, voters: [] }));
      break;
    }
    case 'question-edited':
      put(event.questionId, (q) => ({ text: event.text, edits: [...q.edits, { at: event.at, by: event.by, from: q.text, to: event.text }] }));
      break;
    case 'question-to-podium':
      put(event.questionId, () => ({ invitedToPodiumAt: event.at }));
      break;
  }
  return s;
}

export const fold = (state: QuestionsState, events: readonly QuestionEvent[]): QuestionsState => events.reduce(evolve, state);

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}
