import fc from 'fast-check';
import { DomainError } from '@podium/contracts';
import { decide } from './decide';
import { evolve, fold } from './evolve';
import { initialState } from './state';
import { MOD, person, T0 } from './testing/harness';
import type { Actor, QuestionCommand, QuestionsState } from './types';
import { attendeeView, projectorView } from './view';

// Anonymous askers have names and ids that appear nowhere else (texts and question ids are drawn apart).
const ANON = [0, 1, 2].map((i) => person(`anon${i}`, 'attendee', `Verborgen${i}`));
const NAMED = [0, 1, 2].map((i) => person(`named${i}`, 'attendee', `Offen${i}`));
const VOTERS = [...ANON, ...NAMED, person('guest0', 'guest', 'Gast0')];
const QIDS = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'];

/** Runs commands, keeping accepted ones' events; refusals leave the state as it was. */
function run(state: QuestionsState, commands: QuestionCommand[]): QuestionsState {
  let s = state;
  commands.forEach((c, i) => {
    const events = decide(s, c, T0 + i * 1000);
    if (events instanceof DomainError) return;
    s = events.reduce(evolve, s);
  });
  return s;
}

/** Every asker asks one question per id (ids shared out round-robin), all approved. */
function asked(moderation: 'pre' | 'post'): { state: QuestionsState; asker: Map<string, Actor> } {
  const asker = new Map<string, Actor>();
  const commands: QuestionCommand[] = [];
  QIDS.forEach((id, i) => {
    const a = i % 2 === 0 ? ANON[(i / 2) % 3] : NAMED[((i - 1) / 2) % 3];
    asker.set(id, a);
    commands.push({ type: 'ask', actor: a, questionId: id, text: `Frage Nummer ${i}`, origin: i % 3 === 0 ? 'hall' : 'remote', anonymous: ANON.includes(a), mayTakeChair: true });
  });
  for (const id of QIDS) commands.push({ type: 'approve', actor: MOD, questionId: id });
  return { state: run(initialState('s1', moderation), commands), asker };
}

const voteArb = fc.record({ voter: fc.constantFrom(...VOTERS), questionId: fc.constantFrom(...QIDS), up: fc.boolean() });

describe('question properties', () => {
  it('every upvote counts exactly once: votes are the people whose last word was "up" (repeats and retries included)', () => {
    fc.assert(
      fc.property(fc.array(voteArb, { maxLength: 80 }), (votes) => {
        const { state, asker } = asked('post');
        const commands = votes.map((v): QuestionCommand => ({ type: v.up ? 'upvote' : 'retract-upvote', actor: v.voter, questionId: v.questionId }));
        const end = run(state, commands);
        // The oracle: a plain map of each person's last word per question; one's own question takes no vote.
        const last = new Map<string, boolean>();
        for (const v of votes) if (asker.get(v.questionId)!.personId !== v.voter.personId) last.set(`${v.questionId}/${v.voter.personId}`, v.up);
        for (const id of QIDS) {
          const expected = VOTERS.filter((p) => last.get(`${id}/${p.personId}`) === true).map((p) => p.personId).sort();
          expect(end.questions.get(id)!.voters).toEqual(expected);
        }
      }),
    );
  });

  it('merging preserves the set of voters (the union, the target asker left out) and the log rebuilds the same state', () => {
    fc.assert(
      fc.property(fc.array(voteArb, { maxLength: 60 }), fc.constantFrom(...QIDS), fc.constantFrom(...QIDS), (votes, dup, into) => {
        fc.pre(dup !== into);
        const { state, asker } = asked('pre');
        const before = run(state, votes.map((v): QuestionCommand => ({ type: v.up ? 'upvote' : 'retract-upvote', actor: v.voter, questionId: v.questionId })));
        const events = decide(before, { type: 'merge', actor: MOD, questionId: dup, intoId: into }, T0 + 100_000);
        if (events instanceof DomainError) throw events;
        const after = fold(before, events);
        const union = new Set([...before.questions.get(dup)!.voters, ...before.questions.get(into)!.voters]);
        union.delete(asker.get(into)!.personId);
        expect(after.questions.get(into)!.voters).toEqual([...union].sort());
        expect(after.questions.get(dup)!.status).toBe('merged');
      }),
    );
  });

  const anyCommand: fc.Arbitrary<QuestionCommand> = fc.oneof(
    fc.record({ actor: fc.constantFrom(...ANON, ...NAMED), questionId: fc.constantFrom('q7', 'q8', 'q9'), text: fc.constantFrom('Noch eine', 'Und?'), readAloud: fc.boolean() }).map(
      (r): QuestionCommand => ({ type: 'ask', ...r, anonymous: ANON.includes(r.actor), origin: 'remote', mayTakeChair: true }),
    ),
    voteArb.map((v): QuestionCommand => ({ type: v.up ? 'upvote' : 'retract-upvote', actor: v.voter, questionId: v.questionId })),
    fc.record({ type: fc.constantFrom('approve', 'reject', 'pin', 'unpin', 'mark-answered', 'to-podium'), questionId: fc.constantFrom(...QIDS, 'q7', 'q8', 'q9') }).map((r) => ({ ...r, actor: MOD }) as QuestionCommand),
    fc.record({ questionId: fc.constantFrom(...QIDS), intoId: fc.constantFrom(...QIDS) }).map((r): QuestionCommand => ({ type: 'merge', actor: MOD, ...r })),
    fc.record({ questionId: fc.constantFrom(...QIDS), text: fc.constantFrom('Korrigiert', 'Frage, richtig') }).map((r): QuestionCommand => ({ type: 'edit', actor: MOD, ...r })),
    fc.record({ actor: fc.constantFrom(...ANON, ...NAMED), questionId: fc.constantFrom(...QIDS) }).map((r): QuestionCommand => ({ type: 'withdraw', ...r })),
    fc.constantFrom('pre', 'post').map((m): QuestionCommand => ({ type: 'set-moderation', actor: MOD, moderation: m as 'pre' | 'post' })),
  );

  it('no view for a non-moderator ever carries an anonymous asker’s name or id', () => {
    fc.assert(
      fc.property(fc.constantFrom<'pre' | 'post'>('pre', 'post'), fc.array(anyCommand, { maxLength: 60 }), (moderation, commands) => {
        const end = run(asked(moderation).state, commands);
        const texts = [JSON.stringify(projectorView(end)), JSON.stringify(projectorView(end, 'time')), ...VOTERS.map((v) => JSON.stringify(attendeeView(end, v.personId)))];
        for (const text of texts) for (const a of ANON) expect(text.includes(a.displayName) || text.includes(a.personId)).toBe(false);
      }),
    );
  });

  it('evolve is deterministic: folding the log of accepted events rebuilds the state; refusals change nothing', () => {
    fc.assert(
      fc.property(fc.array(anyCommand, { maxLength: 60 }), (commands) => {
        let s = asked('post').state;
        const start = s;
        const log = [];
        for (const [i, c] of commands.entries()) {
          const events = decide(s, c, T0 + 10_000 + i);
          if (events instanceof DomainError) continue;
          log.push(...events);
          s = events.reduce(evolve, s);
        }
        expect(fold(start, log)).toEqual(s);
        for (const q of s.questions.values()) expect(new Set(q.voters).size).toBe(q.voters.length);
      }),
    );
  });
});
