import fc from 'fast-check';
import { DomainError } from '@podium/contracts';
import { decide } from './decide';
import { evolve, fold } from './evolve';
import { addReaction, emptyTally, flush, REACTION_KINDS, type ReactionTally } from './reactions';
import { tally } from './results';
import { initialState } from './state';
import { MOD, person, T0 } from './testing/harness';
import type { PollCommand, PollsState } from './types';
import { pollsView } from './view';
import { toPollCsv, toPollMarkdown } from './export';

const PEOPLE = ['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) => person(id, i < 4 ? 'attendee' : 'guest'));
const OPTIONS = ['x', 'y', 'z'];

function opened(formal: boolean, kind: 'single' | 'multiple'): PollsState {
  let s = initialState('s1');
  const create: PollCommand = { type: 'create', actor: MOD, pollId: 'p1', settings: { question: 'Q?', kind, options: OPTIONS.map((id) => ({ id, label: id })), formal, eligibleRoles: formal ? ['attendee'] : undefined } };
  for (const c of [create, { type: 'open', actor: MOD, pollId: 'p1' } as PollCommand]) {
    const e = decide(s, c, T0);
    if (e instanceof DomainError) throw e;
    s = fold(s, e);
  }
  return s;
}

const ballotArb = fc.record({ who: fc.integer({ min: 0, max: PEOPLE.length - 1 }), choices: fc.subarray(OPTIONS, { minLength: 1 }), hall: fc.boolean() });

describe('poll properties', () => {
  it.each([
    ['ordinary single', false, 'single'],
    ['ordinary multiple', false, 'multiple'],
    ['formal single', true, 'single'],
    ['formal multiple', true, 'multiple'],
  ] as const)('%s: every ballot counted exactly once (the oracle: a plain map of the ballot that stands per person)', (_n, formal, kind) => {
    fc.assert(
      fc.property(fc.array(ballotArb, { maxLength: 60 }), (ballots) => {
        let s = opened(formal, kind);
        for (const [i, b] of ballots.entries()) {
          const e = decide(s, { type: 'vote', actor: PEOPLE[b.who], pollId: 'p1', choices: b.choices, origin: b.hall ? 'hall' : 'remote' }, T0 + i);
          if (!(e instanceof DomainError)) s = e.reduce(evolve, s);
        }
        // Which ballot stands: single choice takes one option only; formal: only attendees, the first stands; else the last.
        const stands = new Map<string, { choices: string[]; hall: boolean }>();
        for (const b of ballots) {
          if (kind === 'single' && b.choices.length > 1) continue;
          const p = PEOPLE[b.who];
          if (formal && (p.role !== 'attendee' || stands.has(p.personId))) continue;
          stands.set(p.personId, b);
        }
        const t = tally(s.polls.get('p1')!);
        expect(t.ballots.total).toBe(stands.size);
        expect(t.ballots.hall).toBe([...stands.values()].filter((b) => b.hall).length);
        for (const o of t.options) {
          expect(o.total).toBe([...stands.values()].filter((b) => b.choices.includes(o.optionId)).length);
          expect(o.hall + o.remote).toBe(o.total);
        }
      }),
    );
  });

  it('reactions: the flushed counts are the reactions sent, each person capped at 3 per kind per interval', () => {
    const reactionArb = fc.record({ session: fc.constantFrom('s1', 's2'), who: fc.constantFrom('p1', 'p2', 'p3'), kind: fc.constantFrom(...REACTION_KINDS) });
    fc.assert(
      fc.property(fc.array(reactionArb, { maxLength: 200 }), (reactions) => {
        let t: ReactionTally = emptyTally(0);
        for (const r of reactions) {
          const n = addReaction(t, r.session, r.who, r.kind);
          if (n instanceof DomainError) throw n;
          t = n;
        }
        const seen = new Map<string, number>();
        const expected = new Map<string, number>();
        for (const r of reactions) {
          const k = `${r.session}/${r.who}/${r.kind}`;
          seen.set(k, (seen.get(k) ?? 0) + 1);
          if (seen.get(k)! <= 3) expected.set(`${r.session}/${r.kind}`, (expected.get(`${r.session}/${r.kind}`) ?? 0) + 1);
        }
        const got = new Map<string, number>();
        for (const b of flush(t, 1000).batches) for (const [kind, n] of Object.entries(b.counts)) if (n > 0) got.set(`${b.sessionId}/${kind}`, n);
        expect(got).toEqual(expected);
      }),
    );
  });

  it('an anonymous poll never shows who voted: no voter id or name in any view or export, moderators included', () => {
    const voters = ['w1', 'w2', 'w3'].map((id) => person(`voter-${id}`, 'attendee', `Name-${id}`));
    fc.assert(
      fc.property(fc.array(fc.record({ who: fc.integer({ min: 0, max: 2 }), choices: fc.subarray(OPTIONS, { minLength: 1 }) }), { maxLength: 20 }), (ballots) => {
        let s = initialState('s1');
        const create: PollCommand = { type: 'create', actor: MOD, pollId: 'p1', settings: { question: 'Q?', kind: 'multiple', anonymous: true, options: OPTIONS.map((id) => ({ id, label: id })) } };
        for (const c of [create, { type: 'open', actor: MOD, pollId: 'p1' } as PollCommand, ...ballots.map((b): PollCommand => ({ type: 'vote', actor: voters[b.who], pollId: 'p1', choices: b.choices, origin: 'hall' }))]) {
          const e = decide(s, c, T0);
          if (!(e instanceof DomainError)) s = fold(s, e);
        }
        const texts = [MOD, ...voters].map((v) => JSON.stringify(pollsView(s, v)));
        texts.push(toPollCsv(s.polls.get('p1')!), toPollMarkdown(s.polls.get('p1')!));
        for (const t of texts) expect(/voter-|Name-/.test(t)).toBe(false);
      }),
    );
  });
});
