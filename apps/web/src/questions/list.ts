import type { AttendeeQuestionView, QuestionOrder, QuestionsListView, QuestionsMine } from '@podium/contracts';

/**
 * The attendee's list: the room's public view plus the person's own questions (a pending one is not
 * lost), `mine` and `votedByMe` from the personal part; the newest of each wins by version.
 */
export function attendeeList(view: QuestionsListView<AttendeeQuestionView> | null, mine: QuestionsMine | null, order: QuestionOrder): AttendeeQuestionView[] {
  if (!view) return [];
  // Until a personal part arrives, the join view (the viewer's own) carries the marks.
  const ownIds = new Set(mine ? mine.questions.map((q) => q.id) : view.questions.filter((q) => q.mine).map((q) => q.id));
  const voted = new Set(mine ? mine.voted : view.questions.filter((q) => q.votedByMe).map((q) => q.id));
  const byId = new Map(view.questions.map((q) => [q.id, q]));
  // My questions the room does not see (pending under pre-moderation, withdrawn) come from the personal part.
  for (const q of mine?.questions ?? []) if (!byId.has(q.id) || mine!.version > view.version) byId.set(q.id, q);
  const list = [...byId.values()].map((q) => ({ ...q, mine: ownIds.has(q.id), votedByMe: voted.has(q.id) }));
  return sortQuestions(list, order);
}

type Sortable = Pick<AttendeeQuestionView, 'id' | 'pinned' | 'status' | 'votes' | 'askedAt'>;
const rank = (q: Sortable) => (q.pinned ? 0 : q.status === 'pending' || q.status === 'approved' ? 1 : q.status === 'answered' ? 2 : 3);

/** The server's order (docs/participation.md, "Views"): pinned, open, answered, closed; then votes or newest first. */
export function sortQuestions<Q extends Sortable>(list: Q[], order: QuestionOrder): Q[] {
  return [...list].sort(
    (a, b) => rank(a) - rank(b) || (order === 'votes' ? b.votes - a.votes || a.askedAt - b.askedAt : b.askedAt - a.askedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
