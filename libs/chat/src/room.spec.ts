import { DomainError } from '@podium/contracts';
import { decide, evolve, initialRoom, mutedUntil } from './room';
import type { ChatActor, ChatCommand, ChatEvent, ChatRoomState } from './types';

const ROOM = 'session:11111111-1111-4111-8111-111111111111';
const ana: ChatActor = { personId: 'a', displayName: 'Ana', moderator: false };
const ben: ChatActor = { personId: 'b', displayName: 'Ben', moderator: false };
const mod: ChatActor = { personId: 'm', displayName: 'Mo', moderator: true };
const T = 1_700_000_000_000;

function run(commands: [ChatCommand, number][]): { state: ChatRoomState; results: (ChatEvent[] | DomainError)[] } {
  let state = initialRoom(ROOM);
  const results = commands.map(([c, now]) => {
    const r = decide(state, c, now);
    if (!(r instanceof DomainError)) state = r.reduce(evolve, state);
    return r;
  });
  return { state, results };
}
const reason = (r: unknown) => (r instanceof DomainError ? `${r.code}:${r.details?.reason ?? r.details?.field}` : 'ok');

describe('chat room rules', () => {
  it('posts store the normalised text and count versions', () => {
    const { state, results } = run([[{ type: 'post', actor: ana, messageId: 'x', text: '  <i>hi</i> ' }, T]]);
    expect(results[0]).toEqual([{ type: 'message-posted', at: T, actor: ana, messageId: 'x', text: '<i>hi</i>' }]);
    expect(state).toEqual({ roomId: ROOM, version: 1, slowModeMs: null, mutes: {}, lastPostAt: { a: T } });
  });

  it.each([
    ['empty text', { type: 'post', actor: ana, messageId: 'x', text: '   ' }, 'VALIDATION:text'],
    ['attendee mutes', { type: 'mute', actor: ana, personId: 'b', untilMs: T + 1000 }, 'FORBIDDEN:MODERATORS_ONLY'],
    ['attendee sets slow mode', { type: 'slow-mode', actor: ana, intervalSeconds: 10 }, 'FORBIDDEN:MODERATORS_ONLY'],
    ['attendee deletes another person’s message', { type: 'delete', actor: ana, message: { id: 'x', authorId: 'b', deleted: false } }, 'FORBIDDEN:NOT_YOURS'],
    ['delete of a missing message', { type: 'delete', actor: mod, message: null }, 'NOT_FOUND:CHAT_NO_MESSAGE'],
    ['report of a deleted message', { type: 'report', actor: ana, message: { id: 'x', authorId: 'b', deleted: true }, reason: '' }, 'NOT_FOUND:CHAT_NO_MESSAGE'],
    ['mute in the past', { type: 'mute', actor: mod, personId: 'b', untilMs: T }, 'VALIDATION:untilMs'],
    ['mute beyond 24 h', { type: 'mute', actor: mod, personId: 'b', untilMs: T + 86_400_001 }, 'VALIDATION:untilMs'],
    ['mute of oneself', { type: 'mute', actor: mod, personId: 'm', untilMs: T + 1000 }, 'VALIDATION:personId'],
    ['mute for exactly 24 h', { type: 'mute', actor: mod, personId: 'b', untilMs: T + 86_400_000 }, 'ok'],
    ['author deletes own message', { type: 'delete', actor: ana, message: { id: 'x', authorId: 'a', deleted: false } }, 'ok'],
    ['anyone reports', { type: 'report', actor: ana, message: { id: 'x', authorId: 'b', deleted: false }, reason: 'spam' }, 'ok'],
  ] as [string, ChatCommand, string][])('%s -> %s', (_name, command, expected) => {
    expect(reason(decide(initialRoom(ROOM), command, T))).toBe(expected);
  });

  it('a muted person cannot post until the mute ends; moderators can always post', () => {
    const { results, state } = run([
      [{ type: 'mute', actor: mod, personId: 'a', untilMs: T + 60_000 }, T],
      [{ type: 'post', actor: ana, messageId: '1', text: 'hi' }, T + 59_999],
      [{ type: 'post', actor: ana, messageId: '2', text: 'hi' }, T + 60_000],
      [{ type: 'mute', actor: mod, personId: 'm2', untilMs: T + 60_000 }, T],
    ]);
    expect(results.map(reason)).toEqual(['ok', 'FORBIDDEN:CHAT_MUTED', 'ok', 'ok']);
    expect((results[1] as DomainError).details).toEqual({ reason: 'CHAT_MUTED', until: T + 60_000 });
    // The expired mute of a was dropped when the post at T+60000 was folded.
    expect(state.mutes).toEqual({ m2: T + 60_000 });
  });

  it('unmute ends a mute; unmuting someone not muted is no event', () => {
    const { results, state } = run([
      [{ type: 'mute', actor: mod, personId: 'a', untilMs: T + 60_000 }, T],
      [{ type: 'unmute', actor: mod, personId: 'a' }, T + 1],
      [{ type: 'unmute', actor: mod, personId: 'a' }, T + 2],
      [{ type: 'post', actor: ana, messageId: '1', text: 'back' }, T + 3],
    ]);
    expect(results.map((r) => (Array.isArray(r) ? r.length : reason(r)))).toEqual([1, 1, 0, 1]);
    expect(mutedUntil(state, 'a', T + 3)).toBeNull();
  });

  it('slow mode: one message per person per interval, per person, moderators exempt, off again', () => {
    const { results } = run([
      [{ type: 'slow-mode', actor: mod, intervalSeconds: 10 }, T],
      [{ type: 'post', actor: ana, messageId: '1', text: 'a1' }, T + 1000],
      [{ type: 'post', actor: ben, messageId: '2', text: 'b1' }, T + 2000],
      [{ type: 'post', actor: ana, messageId: '3', text: 'a2' }, T + 10_999],
      [{ type: 'post', actor: ana, messageId: '4', text: 'a3' }, T + 11_000],
      [{ type: 'post', actor: mod, messageId: '5', text: 'm1' }, T + 11_001],
      [{ type: 'post', actor: mod, messageId: '6', text: 'm2' }, T + 11_002],
      [{ type: 'slow-mode', actor: mod, intervalSeconds: 0 }, T + 11_003],
      [{ type: 'post', actor: ana, messageId: '7', text: 'a4' }, T + 11_004],
    ]);
    expect(results.map(reason)).toEqual(['ok', 'ok', 'ok', 'RATE_LIMITED:CHAT_SLOW_MODE', 'ok', 'ok', 'ok', 'ok', 'ok']);
    expect((results[3] as DomainError).details).toEqual({ reason: 'CHAT_SLOW_MODE', retryAfterMs: 1 });
  });

  it('setting the same slow mode again is no event', () => {
    const { results } = run([
      [{ type: 'slow-mode', actor: mod, intervalSeconds: 5 }, T],
      [{ type: 'slow-mode', actor: mod, intervalSeconds: 5 }, T + 1],
      [{ type: 'slow-mode', actor: mod, intervalSeconds: null }, T + 2],
    ]);
    expect(results.map((r) => (Array.isArray(r) ? r.map((e) => e.type) : reason(r)))).toEqual([['slow-mode-set'], [], ['slow-mode-set']]);
  });

  it('a second delete of a deleted message is no event', () => {
    expect(decide(initialRoom(ROOM), { type: 'delete', actor: mod, message: { id: 'x', authorId: 'a', deleted: true } }, T)).toEqual([]);
  });

  it('events read back from the log carry their seq: the version follows it across retention gaps', () => {
    const posted: ChatEvent = { type: 'message-posted', at: T, actor: ana, messageId: 'x', text: 'hi', seq: 907 };
    expect(evolve(initialRoom(ROOM), posted).version).toBe(907);
    const next: ChatEvent = { type: 'slow-mode-set', at: T + 1, actor: mod, intervalMs: 5000 };
    expect(evolve(evolve(initialRoom(ROOM), posted), next).version).toBe(908);
  });

  it('forgets last posts older than the longest slow mode (5 minutes)', () => {
    const { state } = run([
      [{ type: 'post', actor: ana, messageId: '1', text: 'old' }, T],
      [{ type: 'post', actor: ben, messageId: '2', text: 'new' }, T + 300_000],
    ]);
    expect(state.lastPostAt).toEqual({ b: T + 300_000 });
  });
});
