import fc from 'fast-check';
import {
  addDays,
  conferenceDays,
  dayBounds,
  formatInZone,
  isInstant,
  isValidTimeZone,
  localDateOf,
  offsetMinutesAt,
  toMs,
  toZonedIso,
  utcToZoned,
  WallTimeError,
  zonedToUtc,
} from './time';

const BERLIN = 'Europe/Berlin';
const hours = (a: string, b: string) => (toMs(b) - toMs(a)) / 3_600_000;

describe('time zones (Intl only)', () => {
  it('converts a summer wall time in Berlin to UTC and back', () => {
    expect(zonedToUtc('2018-08-27', '13:00', BERLIN)).toBe('2018-08-27T11:00:00.000Z');
    expect(utcToZoned('2018-08-27T11:00:00.000Z', BERLIN)).toEqual({ date: '2018-08-27', time: '13:00:00', offsetMinutes: 120 });
    expect(toZonedIso('2018-08-27T11:00:00Z', BERLIN)).toBe('2018-08-27T13:00:00+02:00');
  });

  describe('October switch, 2020-10-25 in Europe/Berlin: 02:00 to 03:00 happens twice', () => {
    it('a session from 01:30 to 03:30 local lasts three hours', () => {
      const start = zonedToUtc('2020-10-25', '01:30', BERLIN);
      const end = zonedToUtc('2020-10-25', '03:30', BERLIN);
      expect(start).toBe('2020-10-24T23:30:00.000Z');
      expect(end).toBe('2020-10-25T02:30:00.000Z');
      expect(hours(start, end)).toBe(3);
    });

    it('02:30 is ambiguous: earlier (CEST) by default, later (CET) on request, or refused', () => {
      expect(zonedToUtc('2020-10-25', '02:30', BERLIN)).toBe('2020-10-25T00:30:00.000Z');
      expect(zonedToUtc('2020-10-25', '02:30', BERLIN, { ambiguous: 'later' })).toBe('2020-10-25T01:30:00.000Z');
      expect(() => zonedToUtc('2020-10-25', '02:30', BERLIN, { ambiguous: 'reject' })).toThrow(WallTimeError);
    });

    it('both occurrences read back as 02:30 with their own offsets', () => {
      expect(utcToZoned('2020-10-25T00:30:00Z', BERLIN)).toMatchObject({ time: '02:30:00', offsetMinutes: 120 });
      expect(utcToZoned('2020-10-25T01:30:00Z', BERLIN)).toMatchObject({ time: '02:30:00', offsetMinutes: 60 });
    });

    it('the day has 25 hours', () => {
      const { start, end } = dayBounds('2020-10-25', BERLIN);
      expect(start).toBe('2020-10-24T22:00:00.000Z');
      expect(hours(start, end)).toBe(25);
    });
  });

  describe('March gap, 2021-03-28 in Europe/Berlin: 02:00 to 03:00 never happens', () => {
    it('a wall time in the gap moves forward by the gap, or is refused', () => {
      expect(zonedToUtc('2021-03-28', '02:30', BERLIN)).toBe('2021-03-28T01:30:00.000Z');
      expect(utcToZoned('2021-03-28T01:30:00Z', BERLIN).time).toBe('03:30:00');
      expect(() => zonedToUtc('2021-03-28', '02:30', BERLIN, { nonexistent: 'reject' })).toThrow(WallTimeError);
    });

    it('01:30 to 03:30 local lasts one hour; the day has 23 hours', () => {
      expect(hours(zonedToUtc('2021-03-28', '01:30', BERLIN), zonedToUtc('2021-03-28', '03:30', BERLIN))).toBe(1);
      const { start, end } = dayBounds('2021-03-28', BERLIN);
      expect(hours(start, end)).toBe(23);
      expect(offsetMinutesAt('2021-03-28T00:59:59Z', BERLIN)).toBe(60);
      expect(offsetMinutesAt('2021-03-28T01:00:00Z', BERLIN)).toBe(120);
    });
  });

  it('handles zones with half-hour offsets and the southern hemisphere', () => {
    expect(zonedToUtc('2021-01-15', '09:00', 'Asia/Kolkata')).toBe('2021-01-15T03:30:00.000Z');
    expect(zonedToUtc('2021-01-15', '09:00', 'Australia/Sydney')).toBe('2021-01-14T22:00:00.000Z');
    expect(toZonedIso('2021-01-15T03:30:00Z', 'Asia/Kolkata')).toBe('2021-01-15T09:00:00+05:30');
    expect(toZonedIso('2021-01-15T03:30:00Z', 'America/St_Johns')).toBe('2021-01-15T00:00:00-03:30');
  });

  it('round-trips every wall time that exists once (property)', () => {
    const zones = fc.constantFrom(BERLIN, 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC', 'America/Santiago');
    fc.assert(
      fc.property(zones, fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2035, 0, 1) }), (zone, ms) => {
        const instant = new Date(Math.floor(ms / 60_000) * 60_000).toISOString();
        const local = utcToZoned(instant, zone);
        const back = zonedToUtc(local.date, local.time, zone, { ambiguous: local.offsetMinutes === offsetMinutesAt(toMs(instant) - 86_400_000, zone) ? 'earlier' : 'later' });
        expect(utcToZoned(back, zone)).toEqual(local);
      }),
      { numRuns: 300 },
    );
  });

  it('reads the same wall clock as Intl itself, switch days included (property)', () => {
    const zones = fc.constantFrom(BERLIN, 'America/New_York', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Asia/Kathmandu', 'America/Santiago');
    const switches = [Date.UTC(2020, 9, 25, 1), Date.UTC(2021, 2, 28, 1), Date.UTC(2021, 3, 4, 2)];
    const instant = fc.oneof(
      fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2035, 0, 1) }),
      fc.tuple(fc.constantFrom(...switches), fc.integer({ min: -7_200_000, max: 7_200_000 })).map(([a, b]) => a + b),
    );
    fc.assert(
      fc.property(zones, instant, (zone, ms) => {
        const parts = new Intl.DateTimeFormat('sv-SE', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(ms);
        const z = utcToZoned(ms, zone);
        expect(`${z.date} ${z.time}`).toBe(parts);
      }),
      { numRuns: 500 },
    );
  });

  it('knows valid IANA zones and refuses others', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    for (const bad of ['Mars/Olympus', '+01:00', '', 'Europe/Berlin\n', 42, undefined]) expect(isValidTimeZone(bad)).toBe(false);
  });

  it('accepts only instants that name their zone', () => {
    expect(isInstant('2018-08-27T10:00:00Z')).toBe(true);
    expect(isInstant('2018-08-27T12:00:00+02:00')).toBe(true);
    expect(isInstant('2018-08-27T12:00:00')).toBe(false);
    expect(isInstant('2018-08-27')).toBe(false);
    expect(isInstant('yesterday')).toBe(false);
  });

  it('lists conference days and does calendar arithmetic across month ends and leap days', () => {
    expect(conferenceDays({ startDate: '2018-08-27', endDate: '2018-08-28' })).toEqual(['2018-08-27', '2018-08-28']);
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(conferenceDays({ startDate: '2018-08-28', endDate: '2018-08-27' })).toEqual([]);
  });

  it('reads the local date in the conference timezone, not in UTC', () => {
    expect(localDateOf('2018-08-27T22:30:00Z', BERLIN)).toBe('2018-08-28');
    expect(localDateOf('2018-08-27T22:30:00Z', 'UTC')).toBe('2018-08-27');
  });

  it('formats times for people, German by default', () => {
    expect(formatInZone('2018-08-27T10:00:00Z', BERLIN)).toBe('27.08.2018, 12:00');
    expect(formatInZone('2018-08-27T10:00:00Z', BERLIN, { style: 'time' })).toBe('12:00');
    expect(formatInZone('2018-08-27T10:00:00Z', BERLIN, { style: 'date' })).toBe('27.08.2018');
    expect(formatInZone('2020-10-25T01:30:00Z', BERLIN, { style: 'time', withZone: true })).toBe('02:30 MEZ');
    expect(formatInZone('2018-08-27T10:00:00Z', 'America/New_York', { locale: 'en-US', style: 'time' })).toBe('06:00');
  });
});
