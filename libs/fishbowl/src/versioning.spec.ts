import { DomainError } from '@podium/contracts';
import { decide } from './decide';
import { evolve } from './evolve';
import { actor, MODERATOR, Scenario } from './testing/harness';
import { requiresExpectedVersion, VERSION_SCOPE } from './versioning';

const second = actor('mod2', 'moderator', 'Max Moderator');

describe('expectedVersion', () => {
  it('is required exactly for moderator commands acting on chairs, queue order or settings', () => {
    const needs = Object.entries(VERSION_SCOPE).filter(([, scope]) => scope).map(([type]) => type).sort();
    expect(needs).toEqual(['cancel-invitation', 'configure', 'confirm-rotation', 'end', 'end-round', 'invite', 'move', 'remove', 'start', 'substitute'].sort());
    expect(requiresExpectedVersion('ask')).toBe(false);
    const s = Scenario.running();
    s.ask('anna');
    const missing = decide(s.state, { type: 'invite', actor: MODERATOR, personId: 'anna' }, s.now);
    expect(missing).toMatchObject({ code: 'VALIDATION', details: { field: 'expectedVersion' } });
  });

  it('two moderators filling the last chair at once: exactly one wins', () => {
    const s = Scenario.running({ chairCount: 2 });
    s.ask('anna');
    s.ask('ben');
    s.seat('anna'); // one open chair left
    const seen = s.state.version;
    const first = s.attempt({ type: 'invite', actor: MODERATOR, personId: 'ben', expectedVersion: seen });
    expect(first).not.toBeInstanceOf(DomainError);
    s.ask('cem');
    const late = s.attempt({ type: 'invite', actor: second, personId: 'cem', expectedVersion: seen });
    expect(late).toMatchObject({ code: 'STALE_VERSION', details: { scope: 'seats', expectedVersion: seen } });
  });

  it('a thousand seat requests never make each other or a moderator command stale', () => {
    const s = Scenario.running({ chairCount: 3 });
    const seen = s.state.version;
    let state = s.state;
    for (let i = 0; i < 1000; i++) {
      // every attendee saw the same old version and sends none
      const events = decide(state, { type: 'ask', actor: actor(`p${i}`), where: i % 2 ? 'hall' : 'remote' }, s.now + i);
      if (events instanceof DomainError) throw events;
      state = events.reduce(evolve, state);
    }
    expect(state.queue).toHaveLength(1000);
    const invite = decide(state, { type: 'invite', actor: MODERATOR, personId: 'p500', expectedVersion: seen }, s.now + 2000);
    expect(invite).not.toBeInstanceOf(DomainError);
    const move = decide(state, { type: 'move', actor: MODERATOR, personId: 'p999', toIndex: 0, expectedVersion: seen }, s.now + 2000);
    expect(move).not.toBeInstanceOf(DomainError);
  });

  it('speaking reports and warnings do not make chair commands stale', () => {
    const s = Scenario.running({ chairCount: 3 });
    s.ask('anna');
    s.seat('anna');
    const seen = s.state.version;
    s.run({ type: 'report-speaking', personId: 'anna', speaking: true });
    s.advance(150_000).tick(); // warning
    expect(s.attempt({ type: 'remove', personId: 'anna', expectedVersion: seen })).not.toBeInstanceOf(DomainError);
  });

  it('an accept by the guest makes an older moderator view of the chairs stale', () => {
    const s = Scenario.running({ chairCount: 3 });
    s.ask('anna');
    s.run({ type: 'invite', personId: 'anna' });
    const seen = s.state.version;
    s.run({ type: 'accept', actor: actor('anna') });
    expect(s.attempt({ type: 'cancel-invitation', personId: 'anna', expectedVersion: seen })).toMatchObject({ code: 'STALE_VERSION' });
  });

  it('moves collide with moves, not with asks', () => {
    const s = new Scenario();
    for (const id of ['a', 'b', 'c']) s.ask(id);
    const seen = s.state.version;
    s.ask('d');
    s.run({ type: 'move', personId: 'c', toIndex: 0, expectedVersion: seen });
    expect(s.attempt({ type: 'move', actor: second, personId: 'b', toIndex: 0, expectedVersion: seen })).toMatchObject({ code: 'STALE_VERSION', details: { scope: 'queueOrder' } });
  });

  it('settings commands collide with each other', () => {
    const s = new Scenario();
    const seen = s.state.version;
    s.run({ type: 'configure', settings: { chairCount: 4 }, expectedVersion: seen });
    expect(s.attempt({ type: 'start', expectedVersion: seen })).toMatchObject({ code: 'STALE_VERSION', details: { scope: 'settings' } });
  });

  it('when a self-service command carries a version anyway, it must be the current one', () => {
    const s = new Scenario();
    s.ask('a');
    expect(s.attempt({ type: 'ask', actor: actor('b'), where: 'hall', expectedVersion: 0 })).toMatchObject({ code: 'STALE_VERSION' });
    expect(s.attempt({ type: 'ask', actor: actor('b'), where: 'hall', expectedVersion: s.state.version })).not.toBeInstanceOf(DomainError);
  });

  it('refuses versions from the future and malformed ones', () => {
    const s = new Scenario();
    expect(s.attempt({ type: 'start', expectedVersion: 5 })).toMatchObject({ code: 'STALE_VERSION' });
    expect(s.attempt({ type: 'start', expectedVersion: -1 })).toMatchObject({ code: 'VALIDATION' });
    expect(s.attempt({ type: 'start', expectedVersion: 0.5 })).toMatchObject({ code: 'VALIDATION' });
  });

  it('checks the role before the version', () => {
    const s = new Scenario();
    expect(s.attempt({ type: 'start', actor: actor('anna'), expectedVersion: 99 })).toMatchObject({ code: 'FORBIDDEN' });
  });
});
