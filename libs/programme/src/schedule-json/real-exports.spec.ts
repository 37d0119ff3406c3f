/**
 * What real frab, pretalx and merged C3VOC exports do that broke the import (issue 17), each on a
 * small hand-written fixture so these tests always run. Expected values are written out by hand.
 */
import { DomainError } from '@podium/contracts';
import dstGap from '../fixtures/dst-gap.schedule.json';
import merged from '../fixtures/frab-merged-speakers.schedule.json';
import kassel from '../fixtures/kassel-2018.schedule.json';
import repeats from '../fixtures/repeats-and-ids.schedule.json';
import schedule2 from '../fixtures/schedule-2.schedule.json';
import type { Programme } from '../model';
import { exportSchedule } from './export';
import { importSchedule } from './import';
import type { ScheduleDocument, ScheduleEvent } from './types';

const options = { baseUrl: 'https://podium.example/werkstatt/' };
const eventsOf = (doc: ScheduleDocument): ScheduleEvent[] => doc.schedule.conference.days.flatMap((d) => Object.values(d.rooms).flat());
const speakers = (p: Programme, sessionId: string) =>
  (p.sessions.find((s) => s.id === sessionId)?.people ?? []).map((sp) => p.people.find((x) => x.id === sp.personId)?.name);

const LOETEN_10 = 'event "Löten für Anfänger" (2026-06-12 10:00, guid aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa)';
const LOETEN_15 = 'event "Löten für Anfänger" (2026-06-12 15:00, guid aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa)';
const ZAHLEN = 'event "Große Zahlen" (2026-06-12 12:00, guid bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb)';
const WORKSHOP = 'Workshop (bring your own laptop, soldering irons provided, max. 12 people)';

describe('1. speakers are not merged by id alone', () => {
  const { programme, report } = importSchedule(merged);

  it('keeps two people who share id 0 apart, and one person with the same id and name together', () => {
    expect(programme.people.map((p) => p.name).sort()).toEqual(['Ada Lovelace', 'Charles Babbage', 'Grace Hopper']);
    expect(speakers(programme, '101')).toEqual(['Ada Lovelace', 'Grace Hopper']);
    expect(speakers(programme, '102')).toEqual(['Grace Hopper']);
    expect(speakers(programme, '103')).toEqual(['Ada Lovelace', 'Charles Babbage']);
  });

  it('reports the shared id once, naming both people', () => {
    expect(report).toMatchObject([
      {
        item: 'event "Opening" (2019-08-21 11:00, guid 11111111-1111-4111-8111-111111111101), person 2 (id 0)',
        action: 'repaired',
        message: 'person id 0 also names "Ada Lovelace"; "Grace Hopper" is kept as a different person',
      },
    ]);
  });
});

describe('2., 3. and 4.: repeats of one guid, ids too big to keep, long types', () => {
  const { programme, report } = importSchedule(repeats);
  const rows = [...programme.sessions].sort((a, b) => a.start.localeCompare(b.start)).map((s) => [s.start, s.guid, s.scheduleId, s.eventType]);

  it('keeps the repeated workshop at both times, the repeat without the guid; repairs the big id', () => {
    expect(rows).toEqual([
      ['2026-06-12T08:00:00.000Z', 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', 201, WORKSHOP],
      ['2026-06-12T10:00:00.000Z', 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', undefined, 'talk'],
      ['2026-06-12T13:00:00.000Z', undefined, 202, WORKSHOP],
    ]);
    expect(programme.people.map((p) => p.name)).toEqual(['Jule Zinn']);
  });

  it('reports the repeat and the id, naming each event by title, time and guid', () => {
    expect(report).toMatchObject([
      { item: LOETEN_15, action: 'repaired', message: `guid also used by ${LOETEN_10}; kept as a repeat, a new guid is derived on export` },
      { item: ZAHLEN, action: 'repaired', message: 'id 3000000000 is larger than 2147483647, the largest Podium keeps; a new one is assigned on export' },
    ]);
  });

  it('exports three events with three guids and integer ids PostgreSQL can keep, and a round trip changes nothing', () => {
    const first = exportSchedule(programme, options);
    const events = eventsOf(first);
    expect(new Set(events.map((e) => e.guid)).size).toBe(3);
    expect(events.find((e) => e.title === 'Große Zahlen')?.id).toBeLessThanOrEqual(2147483647);
    expect(events.filter((e) => e.title === 'Löten für Anfänger').map((e) => [e.start, e.id, e.type])).toEqual([
      ['10:00', 201, WORKSHOP],
      ['15:00', 202, WORKSHOP],
    ]);
    const again = importSchedule(first);
    expect(again.report).toEqual([]);
    expect(eventsOf(exportSchedule(again.programme, options))).toEqual(events);
  });

  it('cuts a type longer than 200 characters without leaving a space, says so, and a second import changes nothing', () => {
    const doc = structuredClone(repeats);
    doc.schedule.conference.days[0].rooms.Werkstatt[0].type = `${'a'.repeat(199)} ${'b'.repeat(10)}`;
    const { programme: cut, report: cutReport } = importSchedule(doc);
    const session = cut.sessions.find((s) => s.scheduleId === 201);
    expect(session?.eventType).toBe('a'.repeat(199));
    expect(cutReport).toContainEqual(expect.objectContaining({ item: LOETEN_10, action: 'repaired', message: 'type cut to 200 characters' }));
    const second = importSchedule(exportSchedule(cut, options));
    expect(second.programme.sessions.find((s) => s.scheduleId === 201)?.eventType).toBe('a'.repeat(199));
    expect(second.report).toEqual([]);
  });
});

describe('5. a "schedule 2" file', () => {
  it('is refused whole with a message that names the version', () => {
    let error: unknown;
    try {
      importSchedule(schedule2);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('VALIDATION');
    expect((error as DomainError).message).toBe(
      'not a schedule.json Podium reads: this is "schedule 2" (version "2.0", events under "schedule.events"); Podium imports version 1, with events under "schedule.conference.days[].rooms"',
    );
  });
});

describe('6. one reading for every way in', () => {
  it('takes a UTF-8 byte order mark before the JSON text', () => {
    const { programme, report } = importSchedule(`\uFEFF${JSON.stringify(kassel)}`);
    expect(programme.sessions).toHaveLength(9);
    expect(report).toEqual([]);
  });

  it('drops an unknown top-level member and says so', () => {
    const { programme, report } = importSchedule({ ...kassel, comment: 'exported by hand' });
    expect(programme.sessions).toHaveLength(9);
    expect(report).toMatchObject([{ item: 'schedule', action: 'ignored', message: 'top-level members not in the format dropped: comment' }]);
  });
});

describe('7. schedule.version', () => {
  const { programme } = importSchedule(repeats);

  it('is the same for the same programme and changes with any change of it', () => {
    const version = exportSchedule(programme, options).schedule.version;
    expect(version).toMatch(/^[0-9a-f]{12}$/);
    expect(exportSchedule(structuredClone(programme), options).schedule.version).toBe(version);
    const retitled = structuredClone(programme);
    retitled.sessions[0].title = 'Löten für Fortgeschrittene';
    expect(exportSchedule(retitled, options).schedule.version).not.toBe(version);
    const delayed = structuredClone(programme);
    delayed.sessions[1].delayMinutes = 5;
    expect(exportSchedule(delayed, options).schedule.version).not.toBe(version);
  });
});

describe('8. a time in the spring DST gap', () => {
  const { programme, report } = importSchedule(dstGap);

  it('moves 02:30 on 2026-03-29 in Berlin to 03:30 and reports it; 05:00 needs no move', () => {
    expect(programme.sessions.map((s) => [s.title, s.start, s.end])).toEqual([
      ['Frühschicht', '2026-03-29T01:30:00.000Z', '2026-03-29T02:30:00.000Z'],
      ['Frühstück', '2026-03-29T03:00:00.000Z', '2026-03-29T04:00:00.000Z'],
    ]);
    const fruehschicht = 'event "Frühschicht" (2026-03-29 03:30, guid 44444444-4444-4444-8444-444444444411)';
    expect(report).toMatchObject([
      { item: fruehschicht, action: 'repaired', message: "no usable 'date'; start read as 2026-03-29 02:30 in Europe/Berlin" },
      { item: fruehschicht, action: 'repaired', message: '2026-03-29 02:30 does not exist in Europe/Berlin (the clocks go forward); moved to 03:30' },
      {
        item: 'event "Frühstück" (2026-03-29 05:00, guid 44444444-4444-4444-8444-444444444412)',
        action: 'repaired',
        message: "no usable 'date'; start read as 2026-03-29 05:00 in Europe/Berlin",
      },
    ]);
  });
});
