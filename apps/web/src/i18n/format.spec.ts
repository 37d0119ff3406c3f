import { makeFormatters } from './format';

describe('formatters', () => {
  const de = makeFormatters('de', 'Europe/Berlin');
  const en = makeFormatters('en', 'Europe/Berlin');

  it('times and dates in the shown zone', () => {
    expect(de.time('2020-09-09T08:00:00Z')).toBe('10:00');
    expect(de.localDate('2020-09-09T22:30:00Z')).toBe('2020-09-10');
    expect(makeFormatters('de', 'UTC').localDate('2020-09-09T22:30:00Z')).toBe('2020-09-09');
  });

  it('the zone label follows the date asked for, not today', () => {
    expect(de.zoneName('2020-09-09T12:00:00Z')).toBe('Europe/Berlin (MESZ)');
    expect(de.zoneName('2020-01-15T12:00:00Z')).toBe('Europe/Berlin (MEZ)');
    expect(en.zoneName('2020-09-09T12:00:00Z')).toBe('Europe/Berlin (CEST)');
  });

  it('countdown clock rounds up to the second and never goes negative', () => {
    expect([de.clock(61_000), de.clock(59_001), de.clock(600_000), de.clock(-5)]).toEqual(['1:01', '1:00', '10:00', '0:00']);
  });

  it('minutes in each language', () => {
    expect([de.minutes(90_000), en.minutes(300_000), de.minutes(-1)]).toEqual(['2 Min.', '5 min', '0 Min.']);
  });

  it('an unknown zone falls back to UTC instead of throwing', () => {
    expect(makeFormatters('en', 'Mars/Olympus').zone).toBe('UTC');
  });
});
