import { DomainError } from '@podium/contracts';
import { actor } from './testing/harness';
import { FISHBOWL_CLIENT_EVENTS, validatePayload } from './validate';
import { commandFromPayload, commandFromSocket, COMMAND_OF_EVENT } from './wire';

const field = (result: unknown) => (result instanceof DomainError ? { code: result.code, field: result.details?.field } : result);

describe('validatePayload', () => {
  it('covers every client event of the contract', () => {
    expect(FISHBOWL_CLIENT_EVENTS).toHaveLength(18);
    expect(Object.keys(COMMAND_OF_EVENT).sort()).toEqual(FISHBOWL_CLIENT_EVENTS.filter((e) => e !== 'fishbowl:join' && e !== 'fishbowl:part').sort());
  });

  it('lets a join ask for the per-event stream, and nothing else', () => {
    expect(validatePayload('fishbowl:join', { sessionId: 's1', events: true })).toEqual({ sessionId: 's1', events: true });
    expect(validatePayload('fishbowl:join', { sessionId: 's1' })).toEqual({ sessionId: 's1' });
    expect(field(validatePayload('fishbowl:join', { sessionId: 's1', events: 'yes' }))).toEqual({ code: 'VALIDATION', field: 'events' });
  });

  it('normalises an ask: topic trimmed to one line, empty topic dropped', () => {
    expect(validatePayload('fishbowl:ask', { sessionId: 's1', where: 'hall', topic: '  Bildung \n und Arbeit ' })).toEqual({ sessionId: 's1', where: 'hall', topic: 'Bildung und Arbeit' });
    expect(validatePayload('fishbowl:ask', { sessionId: 's1', where: 'remote', topic: '   ' })).toEqual({ sessionId: 's1', where: 'remote' });
  });

  it.each([
    ['fishbowl:ask', { sessionId: 's1', where: 'hall', admin: true }, 'admin'],
    ['fishbowl:ask', { sessionId: 's1' }, 'where'],
    ['fishbowl:ask', { sessionId: 's1', where: 'hall', topic: 'x'.repeat(141) }, 'topic'],
    ['fishbowl:ask', { sessionId: 's1', where: 'hall', topic: 42 }, 'topic'],
    ['fishbowl:ask', { where: 'hall' }, 'sessionId'],
    ['fishbowl:ask', { sessionId: 'x'.repeat(129), where: 'hall' }, 'sessionId'],
    ['fishbowl:ask', null, ''],
    ['fishbowl:ask', [], ''],
    ['fishbowl:invite', { sessionId: 's1', personId: 'p' }, 'expectedVersion'],
    ['fishbowl:invite', { sessionId: 's1', personId: 'p', expectedVersion: -1 }, 'expectedVersion'],
    ['fishbowl:invite', { sessionId: 's1', personId: 'p', expectedVersion: 1, chairIndex: 12 }, 'chairIndex'],
    ['fishbowl:move', { sessionId: 's1', personId: 'p', expectedVersion: 1, toIndex: 1.5 }, 'toIndex'],
    ['fishbowl:move', { sessionId: 's1', personId: '', expectedVersion: 1, toIndex: 0 }, 'personId'],
    ['fishbowl:speaking', { sessionId: 's1', personId: 'p', speaking: 'yes' }, 'speaking'],
    ['fishbowl:configure', { sessionId: 's1', expectedVersion: 0, settings: { chairCount: 40 } }, 'settings.chairCount'],
    ['fishbowl:configure', { sessionId: 's1', expectedVersion: 0, settings: { auto: true, x: 1 } }, 'settings.x'],
    ['fishbowl:configure', { sessionId: 's1', expectedVersion: 0, settings: { fixedChairs: [{ role: 'king', personId: 'p', displayName: 'P' }] } }, 'settings.fixedChairs[0].role'],
    ['fishbowl:configure', { sessionId: 's1', expectedVersion: 0, settings: { seatTimeLimitMs: 5 } }, 'settings.seatTimeLimitMs'],
  ] as const)('%s %j is refused naming %s', (event, payload, name) => {
    expect(field(validatePayload(event, payload))).toEqual({ code: 'VALIDATION', field: name });
  });

  it('accepts a complete configure and a null seat limit', () => {
    const settings = { mode: 'closed', chairCount: 5, seatTimeLimitMs: null, fixedChairs: [{ role: 'interpreter', personId: 'dgs', displayName: ' Dana ' }] };
    expect(validatePayload('fishbowl:configure', { sessionId: 's1', expectedVersion: 3, settings })).toEqual({
      sessionId: 's1', expectedVersion: 3, settings: { ...settings, fixedChairs: [{ role: 'interpreter', personId: 'dgs', displayName: 'Dana' }] },
    });
  });

  it('refuses objects with a foreign prototype and too many fields', () => {
    expect(field(validatePayload('fishbowl:join', new Date()))).toEqual({ code: 'VALIDATION', field: '' });
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, i]));
    expect(validatePayload('fishbowl:join', many)).toMatchObject({ code: 'VALIDATION', message: ': too many fields' });
  });

  it('refuses unknown events', () => {
    expect(field(validatePayload('fishbowl:fly' as never, {}))).toEqual({ code: 'VALIDATION', field: 'event' });
  });
});

describe('commandFromSocket', () => {
  it('turns a payload into a command with the authenticated actor', () => {
    const me = actor('anna');
    expect(commandFromSocket('fishbowl:ask', { sessionId: 's1', where: 'hall', topic: 'Hi' }, me)).toEqual({
      sessionId: 's1',
      command: { type: 'ask', actor: me, where: 'hall', topic: 'Hi' },
    });
    expect(commandFromSocket('fishbowl:speaking', { sessionId: 's1', personId: 'anna', speaking: true }, me)).toMatchObject({
      command: { type: 'report-speaking', personId: 'anna', speaking: true },
    });
  });

  it('never lets the payload choose the actor or the command type', () => {
    expect(field(commandFromSocket('fishbowl:accept', { sessionId: 's1', actor: { role: 'moderator' } }, actor('anna')))).toEqual({ code: 'VALIDATION', field: 'actor' });
    expect(field(commandFromSocket('fishbowl:join' as never, { sessionId: 's1' }, actor('anna')))).toEqual({ code: 'VALIDATION', field: 'event' });
  });
});

describe('commandFromPayload', () => {
  it('maps an already validated payload without validating it again, the actor and type always its own', () => {
    const me = actor('anna');
    expect(commandFromPayload('fishbowl:invite', { sessionId: 's1', personId: 'ben' } as { sessionId: string }, me)).toEqual({
      sessionId: 's1',
      command: { type: 'invite', actor: me, personId: 'ben' },
    });
    // Whatever slipped into the object, the type comes from the event and the actor from the socket.
    expect(commandFromPayload('fishbowl:leave', { sessionId: 's1', type: 'end', actor: 'x' } as { sessionId: string }, me).command).toEqual({ type: 'leave', actor: me });
  });
});
