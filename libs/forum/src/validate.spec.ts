import { DomainError } from '@podium/contracts';
import { forumPermission, forumRoomName, parseForumRoomName } from './media';
import { validateForumPayload } from './validate';

const fieldOf = (r: unknown) => (r instanceof DomainError ? `${r.code}:${String(r.details?.field ?? '')}` : 'ok');

describe('forum payloads', () => {
  it.each([
    ['forum:join', { sessionId: 's-1' }, 'ok'],
    ['forum:join', { sessionId: 's-1', extra: 1 }, 'VALIDATION:extra'],
    ['forum:join', {}, 'VALIDATION:sessionId'],
    ['forum:join', 'nope', 'VALIDATION:'],
    ['forum:give-floor', { sessionId: 's', personId: 'p' }, 'ok'],
    ['forum:give-floor', { sessionId: 's' }, 'VALIDATION:personId'],
    ['forum:mute', { sessionId: 's' }, 'ok'],
    ['forum:mute', { sessionId: 's', personId: 'bad id!' }, 'VALIDATION:personId'],
    ['forum:answer-unmute', { sessionId: 's', accepted: 'yes' }, 'VALIDATION:accepted'],
    ['forum:configure', { sessionId: 's', maxPublishers: 0 }, 'VALIDATION:maxPublishers'],
    ['forum:configure', { sessionId: 's', maxPublishers: 101 }, 'VALIDATION:maxPublishers'],
    ['forum:configure', { sessionId: 's', maxPublishers: 2.5 }, 'VALIDATION:maxPublishers'],
    ['forum:configure', { sessionId: 's', maxPublishers: 30 }, 'ok'],
    ['forum:raise-hand', { sessionId: 'x'.repeat(129) }, 'VALIDATION:sessionId'],
    ['forum:open-breakouts', { sessionId: 's', groupSize: 3, durationSeconds: 600 }, 'ok'],
    ['forum:open-breakouts', { sessionId: 's', groupSize: 1, durationSeconds: 600 }, 'VALIDATION:groupSize'],
    ['forum:open-breakouts', { sessionId: 's', groupSize: 3, durationSeconds: 29 }, 'VALIDATION:durationSeconds'],
    ['forum:open-breakouts', { sessionId: 's', groupSize: 3, durationSeconds: 600, groups: [['a', 'b'], ['c']] }, 'ok'],
    ['forum:open-breakouts', { sessionId: 's', groupSize: 3, durationSeconds: 600, groups: [['a', 7]] }, 'VALIDATION:groups'],
    ['forum:open-breakouts', { sessionId: 's', groupSize: 3, durationSeconds: 600, seed: 1 }, 'VALIDATION:seed'],
    ['forum:broadcast', { sessionId: 's', message: '   ' }, 'VALIDATION:message'],
    ['forum:broadcast', { sessionId: 's', message: 'x'.repeat(501) }, 'VALIDATION:message'],
  ] as const)('%s %j -> %s', (event, raw, expected) => {
    expect(fieldOf(validateForumPayload(event, raw))).toBe(expected);
  });
});

describe('forum media', () => {
  it('grants camera and microphone with a right, screen share to moderators, nothing to listeners', () => {
    expect(forumPermission('slot')).toEqual({ canSubscribe: true, canPublish: true, canPublishSources: ['camera', 'microphone'] });
    expect(forumPermission('floor')).toEqual({ canSubscribe: true, canPublish: true, canPublishSources: ['camera', 'microphone'] });
    expect(forumPermission('moderator')).toEqual({ canSubscribe: true, canPublish: true, canPublishSources: ['camera', 'microphone', 'screen_share'] });
    expect(forumPermission(null)).toEqual({ canSubscribe: true, canPublish: false, canPublishSources: [] });
  });

  it('names a room apart from the livestream rooms', () => {
    expect(forumRoomName('abc-1')).toBe('podium-forum-abc-1');
    expect(() => forumRoomName('a b')).toThrow(DomainError);
    expect(forumRoomName('abc-1', 'g2')).toBe('podium-forum-abc-1-g2');
    expect(() => forumRoomName('abc-1', '../x')).toThrow(DomainError);
  });
});

describe('forum room names read back (webhooks)', () => {
  const id = '0e6a70c2-0b99-4b0c-8f20-5876f78aeeac';
  it.each([
    [`podium-forum-${id}`, { sessionId: id, group: null }],
    [`podium-forum-${id}-g2`, { sessionId: id, group: 'g2' }],
    [`podium-forum-${id}-g100`, null],
    [`podium-forum-abc-1`, null],
    [`podium-session-${id}-stage`, null],
    [`podium-booth-${id}`, null],
  ])('%s -> %j', (name, expected) => {
    expect(parseForumRoomName(name)).toEqual(expected);
  });
});
