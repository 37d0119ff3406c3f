import { DomainError } from '@podium/contracts';
import { applyDelay, shownTimes } from './delay';
import { at, session } from './testing/factories';

const day1 = [
  session('welcome', '13:00', '14:00'),
  session('fishbowl', '14:30', '16:00'),
  session('closing', '18:00', '18:30'),
  session('other-room', '15:00', '16:00', { roomId: 'foyer' }),
  session('cancelled', '16:30', '17:00', { status: 'cancelled' }),
];
const day2 = session('keynote', '11:00', '12:30', {}, '2018-08-28');

describe('applyDelay', () => {
  it('shifts the shown times of the session and those after it in the room that day', () => {
    const affected = applyDelay([...day1, day2], 'fishbowl', 20);
    expect(affected.map((s) => [s.id, s.delayMinutes])).toEqual([
      ['fishbowl', 20],
      ['closing', 20],
    ]);
    expect(shownTimes(affected[0])).toEqual({ start: at('2018-08-27', '14:50'), end: at('2018-08-27', '16:20') });
    expect(affected[0].start).toBe(at('2018-08-27', '14:30'));
  });

  it('adds the change to followers, so their own delay survives and 0 undoes the push', () => {
    const sessions = [day1[0], { ...day1[1], delayMinutes: 10 }, { ...day1[2], delayMinutes: 25 }];
    const pushed = applyDelay(sessions, 'fishbowl', 30);
    expect(pushed.map((s) => s.delayMinutes)).toEqual([30, 45]);
    const undone = applyDelay(
      sessions.map((s) => pushed.find((p) => p.id === s.id) ?? s),
      'fishbowl',
      0,
    );
    expect(undone.map((s) => [s.id, s.delayMinutes])).toEqual([
      ['fishbowl', 0],
      ['closing', 15],
    ]);
  });

  it('reads "the same day" in the conference timezone', () => {
    const late = session('late', '23:00', '23:45');
    const afterMidnightBerlin = session('night', '00:30', '01:00', {}, '2018-08-28');
    expect(applyDelay([late, afterMidnightBerlin], 'late', 10).map((s) => s.id)).toEqual(['late']);
    expect(applyDelay([late, afterMidnightBerlin], 'late', 10, { timeZone: 'UTC' }).map((s) => s.id)).toEqual(['late', 'night']);
  });

  it('returns nothing when the delay does not change and leaves its input alone', () => {
    expect(applyDelay(day1, 'fishbowl', 0)).toEqual([]);
    applyDelay(day1, 'fishbowl', 15);
    expect(day1[1].delayMinutes).toBe(0);
  });

  it('refuses bad minutes, unknown sessions and ended ones', () => {
    expect(() => applyDelay(day1, 'fishbowl', -5)).toThrow(DomainError);
    expect(() => applyDelay(day1, 'fishbowl', 1.5)).toThrow(/whole number/);
    expect(() => applyDelay(day1, 'nope', 5)).toThrow(/not in this room/);
    expect(() => applyDelay([{ ...day1[0], status: 'ended' }], 'welcome', 5)).toThrow(/ended/);
  });
});
