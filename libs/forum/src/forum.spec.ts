import { DomainError, type ForumActor, type ForumEvent } from '@podium/contracts';
import { decide } from './decide';
import { evolve, rightChangedBy } from './evolve';
import { FORUM_SYSTEM, initialForum, stalePlaces, type ForumCommand, type ForumState } from './state';
import { toView } from './view';

const mo: ForumActor = { personId: 'mo', displayName: 'Mona Moderation', moderator: true };
const person = (personId: string): ForumActor => ({ personId, displayName: `Person ${personId}`, moderator: false });

/** Runs commands in order at the given times; throws on the first refusal. */
function run(state: ForumState, steps: [ForumCommand, number][]): ForumState {
  for (const [command, at] of steps) {
    const events = decide(state, command, at);
    if (events instanceof DomainError) throw events;
    state = events.reduce(evolve, state);
  }
  return state;
}
const refusal = (state: ForumState, command: ForumCommand) => {
  const result = decide(state, command, 0);
  return result instanceof DomainError ? { code: result.code, reason: result.details?.forum } : 'accepted';
};
const rights = (state: ForumState) => Object.fromEntries(state.participants.map((p) => [p.personId, p.right]));

describe('entering: every participant talks up to the limit, beyond it they listen', () => {
  const limited = run(initialForum('s1'), [[{ type: 'configure', actor: mo, maxPublishers: 2 }, 0]]);

  it('gives slots to the first two, moderators on top, the third listens', () => {
    const s = run(limited, [
      [{ type: 'enter', actor: mo }, 1],
      [{ type: 'enter', actor: person('a') }, 2],
      [{ type: 'enter', actor: person('b') }, 3],
      [{ type: 'enter', actor: person('c') }, 4],
    ]);
    expect(rights(s)).toEqual({ mo: 'moderator', a: 'slot', b: 'slot', c: null });
    expect(toView(s, 5).slotsTaken).toBe(2);
  });

  it('entering twice keeps the place and appends nothing', () => {
    const s = run(limited, [[{ type: 'enter', actor: person('a') }, 1]]);
    expect(decide(s, { type: 'enter', actor: person('a') }, 2)).toEqual([]);
  });

  it('a listener takes a slot once one is free, and not before', () => {
    const s = run(limited, [
      [{ type: 'enter', actor: person('a') }, 1],
      [{ type: 'enter', actor: person('b') }, 2],
      [{ type: 'enter', actor: person('c') }, 3],
    ]);
    expect(refusal(s, { type: 'take-slot', actor: person('c') })).toEqual({ code: 'CONFLICT', reason: 'full' });
    const after = run(s, [
      [{ type: 'leave', actor: person('a') }, 4],
      [{ type: 'take-slot', actor: person('c') }, 5],
    ]);
    expect(rights(after)).toEqual({ b: 'slot', c: 'slot' });
  });

  it('only moderators set the limit', () => {
    expect(refusal(initialForum('s1'), { type: 'configure', actor: person('a'), maxPublishers: 50 })).toEqual({ code: 'FORBIDDEN', reason: undefined });
  });

  it('commands other than enter need the person in the room', () => {
    expect(refusal(initialForum('s1'), { type: 'raise-hand', actor: person('z') })).toEqual({ code: 'CONFLICT', reason: 'not-entered' });
  });
});

describe('raised hands, "Sie sind dran" and speaking time', () => {
  const full = run(initialForum('s1'), [
    [{ type: 'configure', actor: mo, maxPublishers: 1 }, 0],
    [{ type: 'enter', actor: mo }, 0],
    [{ type: 'enter', actor: person('a') }, 0],
    [{ type: 'enter', actor: person('b') }, 0],
    [{ type: 'enter', actor: person('c') }, 0],
    [{ type: 'raise-hand', actor: person('c') }, 1000],
    [{ type: 'raise-hand', actor: person('b') }, 2000],
  ]);

  it('lists hands in the order raised', () => {
    expect(toView(full, 3000).hands).toEqual([
      { personId: 'c', displayName: 'Person c', raisedAt: 1000 },
      { personId: 'b', displayName: 'Person b', raisedAt: 2000 },
    ]);
  });

  it('giving the floor lets a listener talk beyond the limit, lowers the hand, and counts the time', () => {
    const s = run(full, [[{ type: 'give-floor', actor: mo, personId: 'c' }, 10_000]]);
    expect(rights(s)).toEqual({ mo: 'moderator', a: 'slot', b: null, c: 'floor' });
    expect(s.hands.map((h) => h.personId)).toEqual(['b']);
    const view = toView(s, 25_000);
    expect(view.floor).toEqual({ personId: 'c', displayName: 'Person c', since: 10_000 });
    expect(view.participants.find((p) => p.personId === 'c')!.speakingMs).toBe(15_000);
  });

  it('the next turn ends the running one: time is added up, the former speaker listens again when no slot is free', () => {
    const s = run(full, [
      [{ type: 'give-floor', actor: mo, personId: 'c' }, 10_000],
      [{ type: 'give-floor', actor: mo, personId: 'b' }, 40_000],
      [{ type: 'end-floor', actor: person('b') }, 45_000],
      [{ type: 'give-floor', actor: mo, personId: 'c' }, 50_000],
      [{ type: 'end-floor', actor: mo }, 52_000],
    ]);
    expect(rights(s)).toEqual({ mo: 'moderator', a: 'slot', b: null, c: null });
    expect(Object.fromEntries(toView(s, 60_000).participants.map((p) => [p.personId, p.speakingMs]))).toEqual({ mo: 0, a: 0, b: 5_000, c: 32_000 });
  });

  it('a slot holder keeps the slot after the turn', () => {
    const s = run(full, [
      [{ type: 'give-floor', actor: mo, personId: 'a' }, 1],
      [{ type: 'end-floor', actor: mo }, 2],
    ]);
    expect(rights(s).a).toBe('slot');
  });

  it('only moderators give the floor, lower other hands or end someone else’s turn', () => {
    expect(refusal(full, { type: 'give-floor', actor: person('a'), personId: 'c' })).toEqual({ code: 'FORBIDDEN', reason: undefined });
    expect(refusal(full, { type: 'lower-hand', actor: person('a'), personId: 'c' })).toEqual({ code: 'FORBIDDEN', reason: undefined });
    const s = run(full, [[{ type: 'give-floor', actor: mo, personId: 'c' }, 1]]);
    expect(refusal(s, { type: 'end-floor', actor: person('a') })).toEqual({ code: 'FORBIDDEN', reason: undefined });
  });

  it('a participant lowers their own hand; a moderator lowers anyone’s', () => {
    const s = run(full, [
      [{ type: 'lower-hand', actor: person('c') }, 1],
      [{ type: 'lower-hand', actor: mo, personId: 'b' }, 2],
    ]);
    expect(s.hands).toEqual([]);
  });

  it('leaving with the floor ends the turn and frees nothing else', () => {
    const s = run(full, [
      [{ type: 'give-floor', actor: mo, personId: 'c' }, 0],
      [{ type: 'leave', actor: person('c') }, 7_000],
    ]);
    expect(s.floor).toBeNull();
    expect(s.spokeMs).toEqual({ c: 7_000 });
    expect(rights(s)).toEqual({ mo: 'moderator', a: 'slot', b: null });
  });
});

describe('mute, ask to unmute, remove', () => {
  const room = run(initialForum('s1'), [
    [{ type: 'enter', actor: mo }, 0],
    [{ type: 'enter', actor: person('a') }, 0],
    [{ type: 'raise-hand', actor: person('a') }, 0],
  ]);

  it('mute is recorded for one person or all; only moderators mute', () => {
    expect(decide(room, { type: 'mute', actor: mo, personId: 'a' }, 5)).toEqual([{ type: 'muted', personId: 'a', at: 5, actor: mo }]);
    expect(decide(room, { type: 'mute', actor: mo }, 6)).toEqual([{ type: 'muted', personId: null, at: 6, actor: mo }]);
    expect(refusal(room, { type: 'mute', actor: person('a') })).toEqual({ code: 'FORBIDDEN', reason: undefined });
    expect(refusal(room, { type: 'mute', actor: mo, personId: 'nobody' })).toEqual({ code: 'NOT_FOUND', reason: undefined });
  });

  it('an unmute request waits for the person’s answer', () => {
    const asked = run(room, [[{ type: 'ask-unmute', actor: mo, personId: 'a' }, 1]]);
    expect(toView(asked, 2).unmuteRequests).toEqual(['a']);
    expect(refusal(room, { type: 'answer-unmute', actor: person('a'), accepted: true })).toEqual({ code: 'CONFLICT', reason: 'no-request' });
    const answered = run(asked, [[{ type: 'answer-unmute', actor: person('a'), accepted: false }, 3]]);
    expect(answered.unmuteRequests).toEqual([]);
  });

  it('a listener cannot be asked to unmute', () => {
    const s = run(room, [
      [{ type: 'configure', actor: mo, maxPublishers: 1 }, 0],
      [{ type: 'enter', actor: person('l') }, 0],
    ]);
    expect(refusal(s, { type: 'ask-unmute', actor: mo, personId: 'l' })).toEqual({ code: 'CONFLICT', reason: 'listening' });
  });

  it('removal takes the person out with their hand; moderators cannot be removed', () => {
    const s = run(room, [[{ type: 'remove', actor: mo, personId: 'a' }, 1]]);
    expect(s.participants.map((p) => p.personId)).toEqual(['mo']);
    expect(s.hands).toEqual([]);
    expect(refusal(room, { type: 'remove', actor: mo, personId: 'mo' })).toEqual({ code: 'FORBIDDEN', reason: undefined });
  });
});

describe('rightChangedBy', () => {
  it('names the person whose LiveKit permission must change', () => {
    const base = { at: 0, actor: mo };
    const cases: [ForumEvent, string | null][] = [
      [{ ...base, type: 'floor-given', personId: 'a' }, 'a'],
      [{ ...base, type: 'floor-ended', personId: 'b', spokeMs: 1, right: null }, 'b'],
      [{ ...base, type: 'slot-taken', personId: 'c' }, 'c'],
      [{ ...base, type: 'hand-raised', personId: 'd' }, null],
      [{ ...base, type: 'muted', personId: 'e' }, null],
    ];
    for (const [event, expected] of cases) expect(rightChangedBy(event)).toBe(expected);
  });
});

describe('stale places', () => {
  const s = run(initialForum('s1'), [
    [{ type: 'enter', actor: mo }, 0],
    [{ type: 'enter', actor: person('gone') }, 1_000],
    [{ type: 'enter', actor: person('here') }, 1_000],
    [{ type: 'enter', actor: person('fresh') }, 50_000],
  ]);

  it('are slots whose holder is not in the media room and entered before the grace', () => {
    expect(stalePlaces(s, new Set(['mo', 'here']), 60_000, 30_000)).toEqual(['gone']);
  });

  it('are freed by the system; a participant cannot take someone else out', () => {
    const freed = run(s, [[{ type: 'leave', actor: FORUM_SYSTEM, personId: 'gone' }, 60_000]]);
    expect(rights(freed)).toEqual({ mo: 'moderator', here: 'slot', fresh: 'slot' });
    expect(refusal(s, { type: 'leave', actor: person('here'), personId: 'gone' })).toEqual({ code: 'FORBIDDEN', reason: undefined });
  });
});
