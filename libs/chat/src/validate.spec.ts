import { DomainError } from '@podium/contracts';
import { validateChatPayload } from './validate';
import { historyWindow, selectWindow } from './history';

const ROOM = 'session:11111111-1111-4111-8111-111111111111';
const MSG = '22222222-2222-4222-8222-222222222222';
const field = (r: unknown) => (r instanceof DomainError ? `${r.code}:${r.details?.field}` : 'ok');

describe('validateChatPayload', () => {
  it.each([
    ['chat:join', { roomId: ROOM }, 'ok'],
    ['chat:join', { roomId: 'LOBBY:11111111-1111-4111-8111-111111111111' }, 'ok'],
    ['chat:join', { roomId: 'booth:11111111-1111-4111-8111-111111111111' }, 'ok'],
    ['chat:join', { roomId: 'booth:b1' }, 'VALIDATION:roomId'],
    ['chat:join', { roomId: 'room:11111111-1111-4111-8111-111111111111' }, 'VALIDATION:roomId'],
    ['chat:join', { roomId: ROOM, extra: 1 }, 'VALIDATION:extra'],
    ['chat:join', null, 'VALIDATION:payload'],
    ['chat:join', [ROOM], 'VALIDATION:payload'],
    ['chat:post', { roomId: ROOM, messageId: MSG, text: 'hi' }, 'ok'],
    ['chat:post', { roomId: ROOM, messageId: 'x', text: 'hi' }, 'VALIDATION:messageId'],
    ['chat:post', { roomId: ROOM, messageId: MSG, text: 5 }, 'VALIDATION:text'],
    ['chat:post', { roomId: ROOM, messageId: MSG, text: 'x'.repeat(4001) }, 'VALIDATION:text'],
    ['chat:history', { roomId: ROOM, before: 10 }, 'ok'],
    ['chat:history', { roomId: ROOM, before: 10, limit: 201 }, 'VALIDATION:limit'],
    ['chat:history', { roomId: ROOM, before: 0 }, 'VALIDATION:before'],
    ['chat:history', { roomId: ROOM, before: 1.5 }, 'VALIDATION:before'],
    ['chat:mute', { roomId: ROOM, personId: MSG, untilMs: 5 }, 'ok'],
    ['chat:mute', { roomId: ROOM, personId: MSG, untilMs: '5' }, 'VALIDATION:untilMs'],
    ['chat:slow-mode', { roomId: ROOM, intervalSeconds: null }, 'ok'],
    ['chat:slow-mode', { roomId: ROOM, intervalSeconds: 301 }, 'VALIDATION:intervalSeconds'],
    ['chat:slow-mode', { roomId: ROOM }, 'VALIDATION:intervalSeconds'],
    ['chat:report', { roomId: ROOM, messageId: MSG }, 'ok'],
    ['chat:report', { roomId: ROOM, messageId: MSG, reason: 'x'.repeat(301) }, 'VALIDATION:reason'],
  ] as const)('%s %j -> %s', (event, raw, expected) => {
    expect(field(validateChatPayload(event, raw))).toBe(expected);
  });

  it('lower-cases ids', () => {
    expect(validateChatPayload('chat:delete', { roomId: ROOM.toUpperCase().replace('SESSION', 'session'), messageId: MSG.toUpperCase() })).toEqual({ roomId: ROOM, messageId: MSG });
  });
});

describe('history windows', () => {
  const rows = [5, 1, 9, 3, 7].map((seq) => ({ seq }));
  it('clamps the limit to 1..200', () => {
    expect(historyWindow(null, undefined)).toEqual({ before: Number.MAX_SAFE_INTEGER, limit: 200 });
    expect(historyWindow(10, 500)).toEqual({ before: 10, limit: 200 });
    expect(historyWindow(10, 0)).toEqual({ before: 10, limit: 1 });
  });
  it('selects the newest below `before`, oldest first', () => {
    expect(selectWindow(rows, { before: 9, limit: 2 })).toEqual([{ seq: 5 }, { seq: 7 }]);
    expect(selectWindow(rows, { before: 2, limit: 200 })).toEqual([{ seq: 1 }]);
    expect(selectWindow(rows, { before: 1, limit: 200 })).toEqual([]);
  });
});
