import { MOD, person, Session, T0 } from './testing/harness';
import { attendeeView, moderatorView, projectorView } from './view';

const ANNA = person('anna', 'attendee', 'Anna A.');
const BEN = person('ben', 'attendee', 'Ben B.');
const CARL = person('carl', 'attendee', 'Carl C.');

/** Pre-moderated: q1 Anna anonymous approved 2 votes, q2 Ben pending, q3 Carl approved 1 vote pinned, q4 Ben rejected. */
function session(): Session {
  const s = new Session('pre');
  s.ask(ANNA, 'q1', 'Anonyme Frage', { anonymous: true, origin: 'hall', readAloud: true });
  s.advance(1_000);
  s.ask(BEN, 'q2', 'Noch nicht freigegeben');
  s.advance(1_000);
  s.ask(CARL, 'q3', 'Angeheftet');
  s.advance(1_000);
  s.ask(BEN, 'q4', 'Abgelehnt');
  for (const id of ['q1', 'q3']) s.ok(MOD, { type: 'approve', questionId: id });
  s.ok(MOD, { type: 'reject', questionId: 'q4' });
  s.ok(BEN, { type: 'upvote', questionId: 'q1' });
  s.ok(CARL, { type: 'upvote', questionId: 'q1' });
  s.ok(ANNA, { type: 'upvote', questionId: 'q3' });
  s.ok(MOD, { type: 'pin', questionId: 'q3' });
  return s;
}

describe('attendee view', () => {
  it('shows public questions and the viewer’s own; an anonymous asker is unnamed, even to themselves', () => {
    const ben = attendeeView(session().state, 'ben');
    expect(ben.questions.map((q) => [q.id, q.askerName, q.votes, q.votedByMe, q.mine, q.status])).toEqual([
      ['q3', 'Carl C.', 1, false, false, 'approved'],
      ['q1', null, 2, true, false, 'approved'],
      ['q2', 'Ben B.', 0, false, true, 'pending'],
      ['q4', 'Ben B.', 0, false, true, 'rejected'],
    ]);
    const anna = attendeeView(session().state, 'anna');
    expect(anna.questions.map((q) => [q.id, q.askerName, q.mine])).toEqual([
      ['q3', 'Carl C.', false],
      ['q1', null, true],
    ]);
    expect(JSON.stringify(ben)).not.toContain('Anna');
    expect(JSON.stringify(ben)).not.toContain('anna');
  });

  it('orders by time: pinned first, then newest first, closed ones last', () => {
    expect(attendeeView(session().state, 'ben', 'time').questions.map((q) => q.id)).toEqual(['q3', 'q2', 'q1', 'q4']);
  });

  it('an answered question goes to the end', () => {
    const s = session();
    s.ok(MOD, { type: 'mark-answered', questionId: 'q1' });
    expect(attendeeView(s.state, 'carl').questions.map((q) => [q.id, q.status])).toEqual([
      ['q3', 'approved'],
      ['q1', 'answered'],
    ]);
  });
});

describe('projector view', () => {
  it('shows approved and answered questions only, anonymous names hidden', () => {
    expect(projectorView(session().state)).toEqual({
      moderation: 'pre',
      order: 'votes',
      sessionId: 's1',
      version: 11,
      questions: [
        { askerName: 'Carl C.', id: 'q3', origin: 'remote', pinned: true, readAloud: false, status: 'approved', text: 'Angeheftet', votes: 1 },
        { askerName: null, id: 'q1', origin: 'hall', pinned: false, readAloud: true, status: 'approved', text: 'Anonyme Frage', votes: 2 },
      ],
    });
  });

  it('under post-moderation still waits for approval (the hall screen shows nothing unreviewed)', () => {
    const s = new Session('post');
    s.ask(ANNA, 'q1', 'Ungeprüft');
    expect(projectorView(s.state).questions).toEqual([]);
    expect(attendeeView(s.state, 'ben').questions.map((q) => q.id)).toEqual(['q1']);
  });
});

describe('moderator view', () => {
  it('shows every question with its asker, also the anonymous one', () => {
    const v = moderatorView(session().state);
    expect(v.questions.map((q) => [q.id, q.askerId, q.askerName, q.anonymous, q.status, q.votes])).toEqual([
      ['q3', 'carl', 'Carl C.', false, 'approved', 1],
      ['q1', 'anna', 'Anna A.', true, 'approved', 2],
      ['q2', 'ben', 'Ben B.', false, 'pending', 0],
      ['q4', 'ben', 'Ben B.', false, 'rejected', 0],
    ]);
    expect(v.questions[1].askedAt).toBe(T0);
  });

  it('keys are in canonical (sorted) order at every depth', () => {
    const text = JSON.stringify(moderatorView(session().state));
    const sortedKeys = (o: unknown): boolean =>
      Array.isArray(o) ? o.every(sortedKeys) : o === null || typeof o !== 'object' ? true : Object.keys(o).join() === Object.keys(o).sort().join() && Object.values(o).every(sortedKeys);
    expect(sortedKeys(JSON.parse(text))).toBe(true);
  });
});
