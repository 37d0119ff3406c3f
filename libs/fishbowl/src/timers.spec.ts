import { actor, Scenario, SYSTEM, T0 } from './testing/harness';
import { nextDeadline } from './timers';

describe('nextDeadline', () => {
  it('is null when nothing is scheduled, or the fishbowl is not running', () => {
    expect(nextDeadline(new Scenario().state)).toBeNull();
    expect(nextDeadline(Scenario.running().state)).toBeNull();
  });

  it('is the invitation lapse', () => {
    const s = Scenario.running();
    s.ask('anna');
    s.run({ type: 'invite', personId: 'anna' });
    expect(nextDeadline(s.state)).toBe(T0 + 30_000);
  });

  it('is the warning, then the seat limit', () => {
    const s = Scenario.running();
    s.ask('anna');
    s.seat('anna');
    expect(nextDeadline(s.state)).toBe(T0 + 150_000);
    s.advance(150_000).tick();
    expect(nextDeadline(s.state)).toBe(T0 + 180_000);
  });

  it('skips the warning when it is switched off', () => {
    const s = Scenario.running({ warningBeforeMs: 0 });
    s.ask('anna');
    s.seat('anna');
    expect(nextDeadline(s.state)).toBe(T0 + 180_000);
  });

  it('is the round end in a closed fishbowl', () => {
    const s = Scenario.running({ mode: 'closed', roundLengthMs: 120_000, seatTimeLimitMs: null });
    expect(nextDeadline(s.state)).toBe(T0 + 120_000);
  });

  it('is the earliest of all', () => {
    const s = Scenario.running({ chairCount: 4 });
    s.ask('anna');
    s.seat('anna');
    s.advance(140_000);
    s.ask('ben');
    s.run({ type: 'invite', personId: 'ben' }); // lapses at +170 s, warning for anna at +150 s
    expect(nextDeadline(s.state)).toBe(T0 + 150_000);
  });

  it('is when a guest becomes eligible for rotation in open auto mode', () => {
    const s = Scenario.running({ chairCount: 2, auto: true, rotationGraceMs: 45_000, seatTimeLimitMs: null });
    s.ask('anna');
    s.run({ type: 'accept', actor: actor('anna') });
    s.advance(10_000);
    s.ask('ben');
    s.run({ type: 'accept', actor: actor('ben') });
    expect(nextDeadline(s.state)).toBeNull(); // nobody waits
    s.ask('cem');
    expect(nextDeadline(s.state)).toBe(T0 + 45_000);
    expect(s.advance(34_999).tick()).toEqual([]);
    expect(s.types(s.advance(1).tick())).toEqual(['left-chair', 'guest-invited']);
  });

  it('has no rotation time while everyone who waits is away (nobody rotates out for them)', () => {
    const s = Scenario.running({ chairCount: 2, auto: true, rotationGraceMs: 10_000, seatTimeLimitMs: null });
    s.ask('anna');
    s.run({ type: 'accept', actor: actor('anna') });
    s.ask('cem');
    s.run({ type: 'accept', actor: actor('cem') });
    s.ask('ben');
    s.run({ type: 'report-presence', actor: SYSTEM, personId: 'ben', present: false, awayAfterMs: 5_000, removeAfterMs: 60_000 });
    expect(nextDeadline(s.state)).toBe(T0 + 5_000); // ben is marked away then, before anna's rotation at +10 s
    expect(s.types(s.advance(5_000).tick())).toEqual(['queue-entry-away']);
    expect(nextDeadline(s.state)).toBe(T0 + 65_000); // only his removal is left, not the rotation at +10 s
    s.run({ type: 'report-presence', actor: SYSTEM, personId: 'ben', present: true });
    expect(nextDeadline(s.state)).toBe(T0 + 10_000); // back and waiting: anna rotates out at +10 s
  });
});
