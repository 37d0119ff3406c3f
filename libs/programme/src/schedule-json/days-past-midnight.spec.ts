/**
 * frab days that run past midnight (issue 17, item 9): a night session stays on the day it is
 * listed under and the conference does not gain a day, in the model, the day grouping, delays,
 * conflicts and both exports. Expected days are written by hand from the fixture.
 */
import night from '../fixtures/frab-night.schedule.json';
import { allConflicts } from '../conflicts';
import { applyDelay } from '../delay';
import { sessionsByDay } from '../queries';
import { programmeDateOf } from '../time';
import { validateConference } from '../validate';
import { exportSchedule } from './export';
import { importSchedule } from './import';
import { toScheduleXml } from './xml';

const BASE = 'https://podium.example/c/nacht19/';

describe('programmeDateOf', () => {
  it.each([
    ['2019-08-21T23:30:00Z', '00:00', '2019-08-22'], // 01:30 in Berlin, days at midnight
    ['2019-08-21T23:30:00Z', '04:00', '2019-08-21'], // 01:30 belongs to the evening before
    ['2019-08-22T01:59:00Z', '04:00', '2019-08-21'], // 03:59
    ['2019-08-22T02:00:00Z', '04:00', '2019-08-22'], // 04:00 starts the next day
    ['2019-08-22T08:00:00Z', '04:00', '2019-08-22'],
    ['2020-10-25T01:30:00Z', '04:00', '2020-10-24'], // 02:30 CET after the autumn change
  ])('%s with day change %s is on %s', (instant, dayChange, date) => {
    expect(programmeDateOf(instant, 'Europe/Berlin', dayChange)).toBe(date);
  });
});

describe('a frab export whose days run until 04:00', () => {
  const { programme, report } = importSchedule(night);

  it('keeps two days and learns the day change from the night events, reported', () => {
    expect(programme.conference).toMatchObject({ startDate: '2019-08-21', endDate: '2019-08-22', dayChange: '04:00' });
    expect(report).toMatchObject([
      { item: 'conference', action: 'repaired', message: "2 event(s) after midnight belong to the day before (the source's days run until 04:00); kept on their day" },
    ]);
  });

  it('groups the night sessions with the evening before', () => {
    expect(sessionsByDay(programme.sessions, programme.conference).map((d) => [d.date, d.sessions.map((s) => s.title)])).toEqual([
      ['2019-08-21', ['Opening', 'Late Night Talk', 'Night Concert']],
      ['2019-08-22', ['Morning', 'Last Dance']],
    ]);
  });

  it('without the day change the same sessions would spill onto a third day (the oracle can fail)', () => {
    const { dayChange: _, ...midnight } = programme.conference;
    expect(sessionsByDay(programme.sessions, midnight).map((d) => d.date)).toEqual(['2019-08-21', '2019-08-22', '2019-08-23']);
  });

  it('finds no session outside the conference (its last day ends at 04:00 the morning after)', () => {
    expect(allConflicts(programme)).toEqual([]);
  });

  it('pushes a delay on to the night session of the same conference day', () => {
    const changed = applyDelay(programme.sessions, '102', 15, { timeZone: 'Europe/Berlin', dayChange: '04:00' });
    expect(changed.map((s) => [s.id, s.delayMinutes])).toEqual([
      ['102', 15],
      ['103', 15],
    ]);
  });

  it('exports the same two days in schedule.json, the day change in meta and in the days bounds', () => {
    const doc = exportSchedule(programme, { baseUrl: BASE });
    const c = doc.schedule.conference;
    expect([c.start, c.end, c.daysCount, c.meta?.day_change]).toEqual(['2019-08-21', '2019-08-22', 2, '04:00']);
    expect(c.days.map((d) => [d.date, d.day_start, d.day_end, d.rooms.Zelt.map((e) => e.title)])).toEqual([
      ['2019-08-21', '2019-08-21T04:00:00+02:00', '2019-08-22T04:00:00+02:00', ['Opening', 'Late Night Talk', 'Night Concert']],
      ['2019-08-22', '2019-08-22T04:00:00+02:00', '2019-08-23T04:00:00+02:00', ['Morning', 'Last Dance']],
    ]);
  });

  it('exports the same two days in schedule.xml', () => {
    const xml = toScheduleXml(exportSchedule(programme, { baseUrl: BASE }));
    const days = xml.split('<day ').slice(1).map((d) => [/date="([^"]+)"/.exec(d)?.[1], [...d.matchAll(/<title>([^<]+)<\/title>/g)].map((m) => m[1])]);
    expect(days).toEqual([
      ['2019-08-21', ['Opening', 'Late Night Talk', 'Night Concert']],
      ['2019-08-22', ['Morning', 'Last Dance']],
    ]);
  });

  it('re-imports its own export with the same day change and days, and nothing to report about them', () => {
    const again = importSchedule(exportSchedule(programme, { baseUrl: BASE }));
    expect(again.programme.conference).toMatchObject({ startDate: '2019-08-21', endDate: '2019-08-22', dayChange: '04:00' });
    expect(again.report.filter((r) => r.item === 'conference')).toEqual([]);
    expect(sessionsByDay(again.programme.sessions, again.programme.conference).map((d) => d.sessions.length)).toEqual([3, 2]);
  });
});

describe('the day change as organisers set it', () => {
  const base = { id: 'c', slug: 'c', title: 'C', timezone: 'Europe/Berlin', startDate: '2019-08-21', endDate: '2019-08-22', format: 'in-person', allowGuests: false } as const;

  it.each([
    ['04:00', '04:00'],
    ['11:59', '11:59'],
    ['00:00', undefined],
  ])('takes %s as %s', (given, kept) => {
    expect(validateConference({ ...base, dayChange: given }).dayChange).toBe(kept);
  });

  it.each(['12:00', '4:00', '24:00', 'morning'])('refuses %s, naming the field', (given) => {
    expect(() => validateConference({ ...base, dayChange: given })).toThrow("conference.dayChange: must be a time 'HH:MM' before noon, e.g. '04:00'");
  });
});
