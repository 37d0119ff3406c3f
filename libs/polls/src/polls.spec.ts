import { DomainError } from '@podium/contracts';
import { resultsTable, tally } from './results';
import { MOD, person, Polls, refusal, T0, YES_NO } from './testing/harness';
import { pollsView } from './view';

const A = person('a');
const B = person('b');
const SPEAKER = person('sp', 'speaker');
const GUEST = person('g', 'guest');

function formal(): Polls {
  const p = new Polls();
  p.ok(MOD, { type: 'create', pollId: 'v1', settings: { question: 'Antrag 1 annehmen?', options: YES_NO, formal: true, eligibleRoles: ['attendee', 'speaker'] } });
  p.ok(MOD, { type: 'open', pollId: 'v1' });
  return p;
}

describe('formal votes ("Abstimmung"): who may vote, and a vote is final (hand-written table)', () => {
  const table: [string, ReturnType<typeof person>, string[][], string[]][] = [
    ['eligible attendee, once', A, [['ja']], ['accepted']],
    ['eligible speaker', SPEAKER, [['nein']], ['accepted']],
    ['guest not eligible', GUEST, [['ja']], ['FORBIDDEN:NOT_ELIGIBLE']],
    ['moderator not eligible here', MOD, [['ja']], ['FORBIDDEN:NOT_ELIGIBLE']],
    ['the same ballot again (a retry)', A, [['ja'], ['ja']], ['accepted', 'accepted']],
    ['a change is refused', A, [['ja'], ['nein']], ['accepted', 'CONFLICT:ALREADY_VOTED']],
    ['two options in single choice', A, [['ja', 'nein']], ['VALIDATION:choices']],
    ['an unknown option', A, [['vielleicht']], ['VALIDATION:choices']],
    ['nothing chosen', A, [[]], ['VALIDATION:choices']],
  ];
  it.each(table)('%s', (_name, actor, ballots, expected) => {
    const p = formal();
    expect(ballots.map((c) => refusal(p.vote(actor, 'v1', c)))).toEqual(expected);
    expect(p.state.polls.get('v1')!.ballots.size).toBe(expected[0] === 'accepted' ? 1 : 0);
  });

  it('results are hidden from attendees until the vote closes; moderators see them live', () => {
    const p = formal();
    p.vote(A, 'v1', ['ja'], 'hall');
    expect(pollsView(p.state, B).polls[0]).toMatchObject({ results: null, canVote: true, myChoices: null });
    expect(pollsView(p.state, A).polls[0]).toMatchObject({ results: null, canVote: false, myChoices: ['ja'] });
    expect(pollsView(p.state, MOD).polls[0].results!.totals).toEqual({ hall: 1, remote: 0, total: 1 });
    p.ok(MOD, { type: 'close', pollId: 'v1' });
    expect(pollsView(p.state, B).polls[0].results!.totals).toEqual({ hall: 1, remote: 0, total: 1 });
    expect(refusal(p.vote(B, 'v1', ['nein']))).toBe('CONFLICT:POLL_NOT_OPEN');
  });
});

describe('ordinary polls', () => {
  function poll(settings: Record<string, unknown> = {}): Polls {
    const p = new Polls();
    p.ok(MOD, { type: 'create', pollId: 'p1', settings: { question: 'Welche Themen?', options: [{ id: 'x', label: 'Klima' }, { id: 'y', label: 'Verkehr' }, { id: 'z', label: 'Wohnen' }], ...settings } });
    return p;
  }

  it('a vote can be changed while open; the latest ballot counts, once', () => {
    const p = poll();
    expect(refusal(p.vote(A, 'p1', ['x']))).toBe('CONFLICT:POLL_NOT_OPEN');
    p.ok(MOD, { type: 'open', pollId: 'p1' });
    p.vote(A, 'p1', ['x']);
    p.vote(A, 'p1', ['y']);
    p.vote(A, 'p1', ['y']);
    expect(tally(p.state.polls.get('p1')!).options.map((o) => [o.optionId, o.total])).toEqual([['x', 0], ['y', 1], ['z', 0]]);
    expect(p.log.filter((e) => e.type === 'ballot-cast')).toHaveLength(2);
  });

  it('multiple choice up to maxChoices; the system and attendees may not open or close', () => {
    const p = poll({ kind: 'multiple', maxChoices: 2 });
    expect(refusal(p.run(A, { type: 'open', pollId: 'p1' }))).toBe('FORBIDDEN:MODERATORS_ONLY');
    p.ok(MOD, { type: 'open', pollId: 'p1' });
    expect(refusal(p.vote(A, 'p1', ['x', 'y']))).toBe('accepted');
    expect(refusal(p.vote(B, 'p1', ['x', 'y', 'z']))).toBe('VALIDATION:choices');
    expect(refusal(p.vote(B, 'p1', ['x', 'x']))).toBe('VALIDATION:choices');
    expect(refusal(p.vote(person('sys', 'system'), 'p1', ['x']))).toBe('FORBIDDEN:NOT_A_PERSON');
    p.ok(MOD, { type: 'close', pollId: 'p1' });
    expect(refusal(p.run(MOD, { type: 'open', pollId: 'p1' }))).toBe('CONFLICT:POLL_CLOSED');
    expect(p.ok(MOD, { type: 'close', pollId: 'p1' })).toEqual([]);
  });

  it.each([
    ['one option', { options: [{ id: 'x', label: 'X' }] }, 'VALIDATION:settings.options'],
    ['duplicate ids', { options: [{ id: 'x', label: 'X' }, { id: 'x', label: 'Y' }] }, 'VALIDATION:settings.options'],
    ['empty label', { options: [{ id: 'x', label: ' ' }, { id: 'y', label: 'Y' }] }, 'VALIDATION:settings.options'],
    ['empty question', { question: '  ' }, 'VALIDATION:settings.question'],
    ['single with maxChoices 2', { maxChoices: 2 }, 'VALIDATION:settings.maxChoices'],
    ['multiple with maxChoices 4 of 3', { kind: 'multiple', maxChoices: 4 }, 'VALIDATION:settings.maxChoices'],
    ['formal without roles', { formal: true }, 'VALIDATION:settings.eligibleRoles'],
    ['formal with an unknown role', { formal: true, eligibleRoles: ['king'] }, 'VALIDATION:settings.eligibleRoles'],
    ['roles on an ordinary poll', { eligibleRoles: ['attendee'] }, 'VALIDATION:settings.eligibleRoles'],
    ['kind unknown', { kind: 'ranked' }, 'VALIDATION:settings.kind'],
  ])('create refuses %s', (_name, settings, expected) => {
    const p = new Polls();
    const base = { question: 'Q?', options: [{ id: 'x', label: 'X' }, { id: 'y', label: 'Y' }, { id: 'z', label: 'Z' }] };
    expect(refusal(p.run(MOD, { type: 'create', pollId: 'p1', settings: { ...base, ...settings } as never }))).toBe(expected);
    expect(p.state.polls.size).toBe(0);
  });

  it('named polls show moderators who chose what; anonymous ones never, attendees never', () => {
    const named = poll();
    named.ok(MOD, { type: 'open', pollId: 'p1' });
    named.vote(A, 'p1', ['x'], 'hall');
    expect(pollsView(named.state, MOD).polls[0].voters).toEqual([{ choices: ['x'], displayName: 'A', origin: 'hall', personId: 'a' }]);
    expect(pollsView(named.state, B).polls[0].voters).toBeNull();
    const anon = poll({ anonymous: true });
    anon.ok(MOD, { type: 'open', pollId: 'p1' });
    anon.vote(A, 'p1', ['x'], 'hall');
    expect(pollsView(anon.state, MOD).polls[0].voters).toBeNull();
    expect(JSON.stringify(pollsView(anon.state, B))).not.toContain('"a"');
  });

  it('drafts are for moderators only', () => {
    const p = poll();
    expect(pollsView(p.state, A).polls).toEqual([]);
    expect(pollsView(p.state, MOD).polls.map((x) => [x.id, x.status, x.results])).toEqual([['p1', 'draft', null]]);
  });
});

describe('results table (numbers written by hand)', () => {
  it('counts per option split hall vs remote, shares of the ballots from there', () => {
    const p = new Polls();
    p.ok(MOD, { type: 'create', pollId: 'p1', settings: { question: 'Welche Themen?', kind: 'multiple', options: [{ id: 'x', label: 'Klima' }, { id: 'y', label: 'Verkehr' }, { id: 'z', label: 'Wohnen' }] } });
    p.ok(MOD, { type: 'open', pollId: 'p1' });
    // hall: h1 x+y, h2 x ; remote: r1 y, r2 y+z, r3 x+y+z
    p.vote(person('h1'), 'p1', ['y', 'x'], 'hall');
    p.vote(person('h2'), 'p1', ['x'], 'hall');
    p.vote(person('r1'), 'p1', ['y'], 'remote');
    p.vote(person('r2'), 'p1', ['z', 'y'], 'remote');
    p.vote(person('r3'), 'p1', ['x', 'y', 'z'], 'remote');
    expect(resultsTable(p.state.polls.get('p1')!)).toEqual({
      caption: 'Welche Themen?',
      columns: ['option', 'hall', 'remote', 'total', 'percent'],
      rows: [
        { optionId: 'x', label: 'Klima', hall: 2, remote: 1, total: 3, percent: 60, hallPercent: 100, remotePercent: 33.3 },
        { optionId: 'y', label: 'Verkehr', hall: 1, remote: 3, total: 4, percent: 80, hallPercent: 50, remotePercent: 100 },
        { optionId: 'z', label: 'Wohnen', hall: 0, remote: 2, total: 2, percent: 40, hallPercent: 0, remotePercent: 66.7 },
      ],
      totals: { hall: 2, remote: 3, total: 5 },
    });
  });

  it('nobody voted: zeros, no division by zero', () => {
    const p = formal();
    expect(resultsTable(p.state.polls.get('v1')!).rows.map((r) => [r.total, r.percent, r.hallPercent])).toEqual([[0, 0, 0], [0, 0, 0], [0, 0, 0]]);
  });

  it('the clock never runs backwards in the log', () => {
    const p = formal();
    p.now = T0 - 5_000;
    const [event] = p.vote(A, 'v1', ['ja']) as Exclude<ReturnType<Polls['vote']>, DomainError>;
    expect(event.at).toBe(T0);
  });
});
