import { utcToZoned, zonedToUtc } from './zoned';

// Expected instants worked out by hand from the zones' rules (Berlin: CET UTC+1, CEST UTC+2 from the last
// Sunday of March 02:00 to the last Sunday of October 03:00; New York: EST UTC-5, EDT UTC-4).
describe('wall clock in a zone <-> UTC', () => {
  it.each([
    ['2020-09-09', '10:00', 'Europe/Berlin', '2020-09-09T08:00:00.000Z'],
    ['2020-01-15', '10:00', 'Europe/Berlin', '2020-01-15T09:00:00.000Z'],
    ['2020-09-09', '00:30', 'Europe/Berlin', '2020-09-08T22:30:00.000Z'],
    ['2020-03-08', '12:00', 'America/New_York', '2020-03-08T16:00:00.000Z'],
    ['2020-09-09', '10:00', 'UTC', '2020-09-09T10:00:00.000Z'],
    // 02:30 does not exist on the spring change: it moves forward by the gap, to 03:30 CEST.
    ['2021-03-28', '02:30', 'Europe/Berlin', '2021-03-28T01:30:00.000Z'],
    // 02:30 happens twice on the autumn change: the second one (CET) is taken.
    ['2021-10-31', '02:30', 'Europe/Berlin', '2021-10-31T01:30:00.000Z'],
  ])('%s %s in %s is %s', (date, time, zone, utc) => {
    expect(zonedToUtc(date, time, zone)).toBe(utc);
  });

  it.each([
    ['2020-09-09T08:00:00Z', 'Europe/Berlin', { date: '2020-09-09', time: '10:00' }],
    ['2020-09-09T22:30:00Z', 'Europe/Berlin', { date: '2020-09-10', time: '00:30' }],
    ['2020-03-08T07:00:00Z', 'America/New_York', { date: '2020-03-08', time: '03:00' }],
    ['2020-03-08T06:59:00Z', 'America/New_York', { date: '2020-03-08', time: '01:59' }],
  ])('%s in %s reads %o', (instant, zone, wall) => {
    expect(utcToZoned(instant, zone)).toEqual(wall);
  });
});
