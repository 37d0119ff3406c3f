import type { AttendeeQuestionView, QuestionsListView } from '@podium/contracts';
import { attendeeList } from './list';

const q = (id: string, extra: Partial<AttendeeQuestionView> = {}): AttendeeQuestionView => ({
  id,
  text: id,
  askerName: 'Anna',
  mine: false,
  origin: 'remote',
  readAloud: false,
  status: 'approved',
  pinned: false,
  votes: 0,
  votedByMe: false,
  askedAt: 1000,
  edited: false,
  ...extra,
});
const view = (version: number, questions: AttendeeQuestionView[]): QuestionsListView<AttendeeQuestionView> => ({ sessionId: 's', moderation: 'pre', order: 'votes', version, questions });

describe('the attendee list from the public view and the personal part', () => {
  it('adds my pending question and marks my votes', () => {
    const list = attendeeList(view(5, [q('a', { votes: 2 }), q('b', { votes: 5 })]), { sessionId: 's', version: 5, questions: [q('mine', { status: 'pending', mine: true })], voted: ['a'] }, 'votes');
    expect(list.map((x) => [x.id, x.mine, x.votedByMe])).toEqual([
      ['b', false, false],
      ['a', false, true],
      ['mine', true, false],
    ]);
  });

  it('orders by time newest first, pinned before all, closed last', () => {
    const list = attendeeList(view(1, [q('old', { askedAt: 1 }), q('new', { askedAt: 9 }), q('pin', { askedAt: 0, pinned: true }), q('done', { askedAt: 10, status: 'withdrawn' })]), null, 'time');
    expect(list.map((x) => x.id)).toEqual(['pin', 'new', 'old', 'done']);
  });

  it('keeps the join view’s own marks until a personal part arrives', () => {
    const list = attendeeList(view(3, [q('x', { mine: true, votedByMe: false }), q('y', { votedByMe: true })]), null, 'votes');
    expect(list.map((x) => [x.id, x.mine, x.votedByMe])).toEqual([
      ['x', true, false],
      ['y', false, true],
    ]);
  });
});
