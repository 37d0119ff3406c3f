import { DomainError } from '@podium/contracts';
import { MOD, person, refusal, Session, T0 } from './testing/harness';

const ANNA = person('anna');
const BEN = person('ben');
const GUEST = person('gast', 'guest');
const SYSTEM = person('system', 'system');

describe('who may send which command (hand-written table)', () => {
  // [actor, command, expected]: on a session where anna asked q1 (approved).
  const table: [string, ReturnType<typeof person>, Record<string, unknown>, string][] = [
    ['attendee upvotes', BEN, { type: 'upvote', questionId: 'q1' }, 'accepted'],
    ['guest upvotes', GUEST, { type: 'upvote', questionId: 'q1' }, 'accepted'],
    ['system upvotes', SYSTEM, { type: 'upvote', questionId: 'q1' }, 'FORBIDDEN:NOT_A_PERSON'],
    ['asker upvotes own', ANNA, { type: 'upvote', questionId: 'q1' }, 'CONFLICT:OWN_QUESTION'],
    ['attendee approves', BEN, { type: 'approve', questionId: 'q1' }, 'FORBIDDEN:MODERATORS_ONLY'],
    ['attendee pins', BEN, { type: 'pin', questionId: 'q1' }, 'FORBIDDEN:MODERATORS_ONLY'],
    ['asker edits own', ANNA, { type: 'edit', questionId: 'q1', text: 'x' }, 'FORBIDDEN:MODERATORS_ONLY'],
    ['attendee sends to podium', BEN, { type: 'to-podium', questionId: 'q1' }, 'FORBIDDEN:MODERATORS_ONLY'],
    ['other withdraws', BEN, { type: 'withdraw', questionId: 'q1' }, 'FORBIDDEN:NOT_YOURS'],
    ['moderator withdraws', MOD, { type: 'withdraw', questionId: 'q1' }, 'FORBIDDEN:NOT_YOURS'],
    ['asker withdraws', ANNA, { type: 'withdraw', questionId: 'q1' }, 'accepted'],
    ['moderator pins', MOD, { type: 'pin', questionId: 'q1' }, 'accepted'],
    ['organiser marks answered', person('org', 'organiser'), { type: 'mark-answered', questionId: 'q1' }, 'accepted'],
    ['system rejects', SYSTEM, { type: 'reject', questionId: 'q1' }, 'accepted'],
    ['speaker sets moderation', person('sp', 'speaker'), { type: 'set-moderation', moderation: 'post' }, 'FORBIDDEN:MODERATORS_ONLY'],
    ['unknown question', BEN, { type: 'upvote', questionId: 'nope' }, 'NOT_FOUND:NO_QUESTION'],
    ['bad id', BEN, { type: 'upvote', questionId: 'a b' }, 'VALIDATION:questionId'],
  ];
  it.each(table)('%s', (_name, actor, draft, expected) => {
    const s = new Session();
    s.ask(ANNA, 'q1', 'Wie geht es weiter?');
    s.ok(MOD, { type: 'approve', questionId: 'q1' });
    expect(refusal(s.run(actor, draft as never))).toBe(expected);
  });
});

describe('what each status allows (hand-written table)', () => {
  // Rows: the status q1 is brought into; columns: the command tried next by the named actor.
  const setups: Record<string, (s: Session) => void> = {
    pending: () => undefined,
    approved: (s) => s.ok(MOD, { type: 'approve', questionId: 'q1' }),
    rejected: (s) => s.ok(MOD, { type: 'reject', questionId: 'q1' }),
    answered: (s) => s.ok(MOD, { type: 'mark-answered', questionId: 'q1' }),
    withdrawn: (s) => s.ok(ANNA, { type: 'withdraw', questionId: 'q1' }),
    merged: (s) => s.ok(MOD, { type: 'merge', questionId: 'q1', intoId: 'q2' }),
  };
  const table: [string, string, string, string, string, string, string][] = [
    // status      upvote (pre)              approve                  pin                       answer               withdraw              merge into q2
    ['pending', 'CONFLICT:NOT_VOTABLE', 'accepted', 'CONFLICT:NOT_PINNABLE', 'accepted', 'accepted', 'accepted'],
    ['approved', 'accepted', 'CONFLICT:NOT_PENDING', 'accepted', 'accepted', 'accepted', 'accepted'],
    ['rejected', 'CONFLICT:NOT_VOTABLE', 'CONFLICT:NOT_PENDING', 'CONFLICT:NOT_PINNABLE', 'CONFLICT:NOT_OPEN', 'CONFLICT:NOT_OPEN', 'CONFLICT:NOT_MERGEABLE'],
    ['answered', 'CONFLICT:NOT_VOTABLE', 'CONFLICT:NOT_PENDING', 'CONFLICT:NOT_PINNABLE', 'CONFLICT:NOT_OPEN', 'CONFLICT:NOT_OPEN', 'accepted'],
    ['withdrawn', 'CONFLICT:NOT_VOTABLE', 'CONFLICT:NOT_PENDING', 'CONFLICT:NOT_PINNABLE', 'CONFLICT:NOT_OPEN', 'CONFLICT:NOT_OPEN', 'CONFLICT:NOT_MERGEABLE'],
    ['merged', 'CONFLICT:NOT_VOTABLE', 'CONFLICT:NOT_PENDING', 'CONFLICT:NOT_PINNABLE', 'CONFLICT:NOT_OPEN', 'CONFLICT:NOT_OPEN', 'CONFLICT:NOT_MERGEABLE'],
  ];
  const commands: [ReturnType<typeof person>, Record<string, unknown>][] = [
    [BEN, { type: 'upvote', questionId: 'q1' }],
    [MOD, { type: 'approve', questionId: 'q1' }],
    [MOD, { type: 'pin', questionId: 'q1' }],
    [MOD, { type: 'mark-answered', questionId: 'q1' }],
    [ANNA, { type: 'withdraw', questionId: 'q1' }],
    [MOD, { type: 'merge', questionId: 'q1', intoId: 'q2' }],
  ];
  it.each(table)('%s', (status, ...expected) => {
    const got = commands.map(([actor, draft]) => {
      const s = new Session('pre');
      s.ask(ANNA, 'q1', 'Erste Frage');
      s.ask(BEN, 'q2', 'Zweite Frage');
      setups[status](s);
      return refusal(s.run(actor, draft as never));
    });
    expect(got).toEqual(expected);
  });
});

describe('asking', () => {
  it('normalises the text and refuses empty, too long, bad origin', () => {
    const s = new Session();
    const [event] = s.ask(ANNA, 'q1', '  Wie   geht\r\n\r\n\r\n es weiter? ');
    expect(event).toEqual({ type: 'question-asked', at: T0, by: 'anna', questionId: 'q1', askerName: 'ANNA', anonymous: false, mayTakeChair: true, origin: 'remote', readAloud: false, text: 'Wie geht\n\nes weiter?' });
    const ask = (text: unknown, origin: unknown = 'hall') => refusal(s.run(BEN, { type: 'ask', questionId: 'q9', text, origin, mayTakeChair: true } as never));
    expect(ask('   ')).toBe('VALIDATION:text');
    expect(ask('x'.repeat(501))).toBe('VALIDATION:text');
    expect(ask('ü'.repeat(500))).toBe('accepted');
    expect(ask('ok', 'stage')).toBe('VALIDATION:origin');
    expect(ask(42)).toBe('VALIDATION:text');
  });

  it('a retried ask (same id, same text, same person) is no new question; another person with that id is refused', () => {
    const s = new Session();
    s.ask(ANNA, 'q1', 'Frage');
    expect(s.ok(ANNA, { type: 'ask', questionId: 'q1', text: 'Frage', origin: 'remote', mayTakeChair: true })).toEqual([]);
    expect(refusal(s.run(BEN, { type: 'ask', questionId: 'q1', text: 'Frage', origin: 'remote', mayTakeChair: true }))).toBe('CONFLICT:QUESTION_ID_TAKEN');
    expect(s.state.questions.size).toBe(1);
  });

  it('three questions per person per minute; the fourth is refused until the first is a minute old', () => {
    const s = new Session();
    s.ask(ANNA, 'a1', 'eins');
    s.advance(10_000);
    s.ask(ANNA, 'a2', 'zwei');
    s.advance(10_000);
    s.ask(ANNA, 'a3', 'drei');
    s.advance(10_000);
    const r = s.run(ANNA, { type: 'ask', questionId: 'a4', text: 'vier', origin: 'hall', mayTakeChair: true });
    expect(refusal(r)).toBe('RATE_LIMITED:QUESTIONS_PER_MINUTE');
    expect((r as DomainError).details?.retryAfterMs).toBe(30_000);
    s.ask(BEN, 'b1', 'Ben darf'); // another person is not limited by Anna
    s.advance(30_000);
    expect(refusal(s.run(ANNA, { type: 'ask', questionId: 'a4', text: 'vier', origin: 'hall', mayTakeChair: true }))).toBe('accepted');
  });
});

describe('votes', () => {
  it('an upvote twice counts once; a retraction removes it; retracting again changes nothing', () => {
    const s = new Session('post');
    s.ask(ANNA, 'q1', 'Frage');
    expect(s.ok(BEN, { type: 'upvote', questionId: 'q1' })).toHaveLength(1);
    expect(s.ok(BEN, { type: 'upvote', questionId: 'q1' })).toEqual([]);
    expect(s.state.questions.get('q1')!.voters).toEqual(['ben']);
    expect(s.ok(BEN, { type: 'retract-upvote', questionId: 'q1' })).toHaveLength(1);
    expect(s.ok(BEN, { type: 'retract-upvote', questionId: 'q1' })).toEqual([]);
    expect(s.state.questions.get('q1')!.voters).toEqual([]);
  });

  it('post-moderation: an unreviewed question takes votes at once; pre-moderation: only after approval', () => {
    const post = new Session('post');
    post.ask(ANNA, 'q1', 'Frage');
    expect(refusal(post.run(BEN, { type: 'upvote', questionId: 'q1' }))).toBe('accepted');
    const pre = new Session('pre');
    pre.ask(ANNA, 'q1', 'Frage');
    expect(refusal(pre.run(BEN, { type: 'upvote', questionId: 'q1' }))).toBe('CONFLICT:NOT_VOTABLE');
  });
});

describe('merging duplicates', () => {
  it('carries the votes over, a person who voted on both counts once, the target asker not at all', () => {
    const s = new Session('post');
    s.ask(ANNA, 'q1', 'Wann kommt die Pause?');
    s.ask(BEN, 'q2', 'Gibt es eine Pause?');
    for (const p of ['c', 'd']) s.ok(person(p), { type: 'upvote', questionId: 'q1' });
    for (const p of ['d', 'e', 'anna']) s.ok(person(p), { type: 'upvote', questionId: 'q2' });
    s.ok(MOD, { type: 'merge', questionId: 'q2', intoId: 'q1' });
    expect(s.state.questions.get('q1')!.voters).toEqual(['c', 'd', 'e']);
    expect(s.state.questions.get('q2')).toMatchObject({ status: 'merged', mergedInto: 'q1', voters: [] });
    expect(refusal(s.run(MOD, { type: 'merge', questionId: 'q1', intoId: 'q1' }))).toBe('CONFLICT:MERGE_INTO_ITSELF');
    expect(refusal(s.run(MOD, { type: 'merge', questionId: 'q1', intoId: 'q2' }))).toBe('CONFLICT:NOT_MERGEABLE');
  });
});

describe('fixing a typo', () => {
  it('keeps the original and every edit in the record', () => {
    const s = new Session();
    s.ask(ANNA, 'q1', 'Wie gehts wieter?');
    s.advance(5_000);
    s.ok(MOD, { type: 'edit', questionId: 'q1', text: 'Wie geht es weiter?' });
    expect(s.state.questions.get('q1')).toMatchObject({
      text: 'Wie geht es weiter?',
      originalText: 'Wie gehts wieter?',
      edits: [{ at: T0 + 5_000, by: 'mod', from: 'Wie gehts wieter?', to: 'Wie geht es weiter?' }],
    });
    expect(s.ok(MOD, { type: 'edit', questionId: 'q1', text: 'Wie geht es weiter?' })).toEqual([]);
  });
});

describe('"Zur Frage aufs Podium"', () => {
  it('yields one event naming the asker (also an anonymous one: moderators know them), once', () => {
    const s = new Session();
    s.ask(ANNA, 'q1', 'Darf ich selbst?', { anonymous: true });
    s.ok(MOD, { type: 'approve', questionId: 'q1' });
    expect(s.ok(MOD, { type: 'to-podium', questionId: 'q1' })).toEqual([{ type: 'question-to-podium', at: T0, by: 'mod', questionId: 'q1', personId: 'anna', displayName: 'ANNA' }]);
    expect(s.ok(MOD, { type: 'to-podium', questionId: 'q1' })).toEqual([]);
  });

  it('is refused for an asker who may not take a chair (a guest of another conference) and for closed questions', () => {
    const s = new Session();
    s.ask(GUEST, 'q1', 'Frage von außen', { mayTakeChair: false });
    expect(refusal(s.run(MOD, { type: 'to-podium', questionId: 'q1' }))).toBe('FORBIDDEN:ASKER_NOT_ELIGIBLE');
    s.ask(ANNA, 'q2', 'Frage');
    s.ok(MOD, { type: 'reject', questionId: 'q2' });
    expect(refusal(s.run(MOD, { type: 'to-podium', questionId: 'q2' }))).toBe('CONFLICT:NOT_OPEN');
  });
});
