import fc from 'fast-check';
import type { FishbowlEvent } from '@podium/contracts';
import { evolve, fold } from './evolve';
import { initialState } from './state';
import { actor, Scenario, SYSTEM, T0 } from './testing/harness';

describe('evolve', () => {
  it('is total: any event, even one that does not fit the state, only bumps the version', () => {
    const s = initialState('s');
    const odd: FishbowlEvent[] = [
      { type: 'invitation-accepted', at: T0, actor: SYSTEM, personId: 'ghost', chairIndex: 99, endsAt: null },
      { type: 'left-chair', at: T0, actor: SYSTEM, personId: 'ghost', chairIndex: 0, reason: 'left' },
      { type: 'guest-invited', at: T0, actor: SYSTEM, personId: 'ghost', chairIndex: 0, expiresAt: T0 },
      { type: 'queue-entry-moved', at: T0, actor: SYSTEM, personId: 'ghost', toIndex: 3 },
      { type: 'speaking-stopped', at: T0, actor: SYSTEM, personId: 'ghost' },
      { type: 'time-warning', at: T0, actor: SYSTEM, personId: 'ghost', endsAt: T0 },
      { type: 'no-such-event', at: T0, actor: SYSTEM } as unknown as FishbowlEvent,
    ];
    const after = fold(s, odd);
    expect(after).toEqual({ ...s, version: odd.length, lastEventAt: T0 });
  });

  it('never throws on arbitrary event-shaped input', () => {
    const types = ['fishbowl-configured', 'fishbowl-started', 'fishbowl-ended', 'seat-requested', 'seat-request-withdrawn', 'queue-entry-moved', 'guest-invited', 'invitation-accepted', 'invitation-declined', 'invitation-lapsed', 'invitation-cancelled', 'time-warning', 'left-chair', 'speaking-started', 'speaking-stopped', 'round-started', 'round-ended'];
    const event = fc.record({
      type: fc.constantFrom(...types),
      at: fc.oneof(fc.integer(), fc.constant(Number.NaN)),
      actor: fc.constant(SYSTEM),
      personId: fc.constantFrom('a', 'b', 'c'),
      displayName: fc.constant('A'),
      where: fc.constantFrom('hall', 'remote'),
      topic: fc.constant(null),
      chairIndex: fc.integer({ min: -1, max: 6 }),
      toIndex: fc.integer({ min: -1, max: 6 }),
      expiresAt: fc.integer(),
      endsAt: fc.option(fc.integer()),
      round: fc.nat(),
      reason: fc.constant('left'),
    }) as unknown as fc.Arbitrary<FishbowlEvent>;
    fc.assert(fc.property(fc.array(event, { maxLength: 40 }), (events) => {
      expect(fold(initialState('s'), events).version).toBe(events.length);
    }));
  });

  it('never moves time backwards', () => {
    const s = evolve(initialState('s'), { type: 'fishbowl-started', at: T0, actor: SYSTEM });
    expect(evolve(s, { type: 'round-ended', at: T0 - 5000, actor: SYSTEM, round: 1 }).lastEventAt).toBe(T0);
  });

  it('reproduces the state from the log', () => {
    const s = Scenario.running({ chairCount: 3 });
    s.ask('anna');
    s.seat('anna');
    s.advance(1000).run({ type: 'leave', actor: actor('anna') });
    expect(fold(initialState('session-1'), s.log)).toEqual(s.state);
  });
});
