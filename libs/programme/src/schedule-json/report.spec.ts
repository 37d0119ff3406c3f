import kassel from '../fixtures/kassel-2018.schedule.json';
import { importSchedule } from './import';
import { reportEntry, subjectText } from './report';

// The fixture's event 2, named for the web (title and local time) and for the English item (with its guid).
const BEGRUESSUNG = { kind: 'event', title: 'Begrüßung', at: '2018-08-27 13:00', ref: 'guid 9f02c83d-74fc-5d6c-92ce-675e67f828bc' } as const;

type Doc = typeof kassel & Record<string, unknown>;
const variant = (change: (doc: Doc) => void) => {
  const doc = structuredClone(kassel) as Doc;
  change(doc);
  return importSchedule(doc).report;
};
const begruessung = (doc: Doc) => doc.schedule.conference.days[0].rooms.Plenarsaal[0] as Record<string, unknown> & { persons: unknown[] };

describe('import report entries: a stable code with params, the subject by name, English for the api', () => {
  it('a speaker without a name: code, no params, the event by title and time, the person by number', () => {
    const report = variant((doc) => begruessung(doc).persons.push({ id: 99 }));
    expect(report).toEqual([
      {
        code: 'SPEAKER_WITHOUT_NAME',
        params: {},
        subject: { ...BEGRUESSUNG, person: { n: 4, id: '99' } },
        action: 'skipped',
        item: 'event "Begrüßung" (2018-08-27 13:00, guid 9f02c83d-74fc-5d6c-92ce-675e67f828bc), person 4 (id 99)',
        message: 'person without a name cannot become a speaker',
      },
    ]);
  });

  it('an event listed twice names the other by title and time in its params, never by guid', () => {
    const report = variant((doc) => doc.schedule.conference.days[1].rooms.Pressebereich.push(begruessung(doc) as never));
    expect(report.map(({ code, params }) => ({ code, params }))).toEqual([
      { code: 'ROOM_MISMATCH', params: { listed: 'Pressebereich', named: 'Plenarsaal' } },
      { code: 'EVENT_TWICE', params: { otherTitle: 'Begrüßung', otherAt: '2018-08-27 13:00' } },
    ]);
  });

  it('a cut text names the field and the limit; members the model does not keep are counted per member', () => {
    const report = variant((doc) => {
      Object.assign(begruessung(doc), { subtitle: 'x'.repeat(600), logo: 'https://example.org/l.png', code: 'ABC' });
      Object.assign(doc.schedule.conference.days[0].rooms.Plenarsaal[1], { code: 'DEF' });
    });
    expect(report.map(({ code, params, subject }) => ({ code, params, kind: subject.kind }))).toEqual([
      { code: 'TEXT_CUT', params: { field: 'subtitle', max: 300 }, kind: 'event' },
      { code: 'NOT_KEPT', params: { logo: 1, code: 2 }, kind: 'schedule' },
    ]);
    expect(report[1].message).toBe('not kept by Podium: logo (1 event), code (2 events)');
  });

  it('conference-wide repairs: an unknown zone and an acronym that is no slug', () => {
    const report = variant((doc) => {
      doc.schedule.conference.time_zone_name = 'Europe/Kassel';
      doc.schedule.conference.acronym = 'BuKo 2018';
    });
    expect(report).toEqual([
      expect.objectContaining({ code: 'ZONE_INVALID', params: { zoneJson: '"Europe/Kassel"', assumed: 'Europe/Berlin' }, subject: { kind: 'conference' } }),
      expect.objectContaining({ code: 'ACRONYM_SLUG', params: { acronymJson: '"BuKo 2018"', slug: 'buko-2018' }, message: 'acronym "BuKo 2018" became the slug "buko-2018"' }),
    ]);
  });

  it.each([
    [{ kind: 'roomEntry', list: 'schedule', n: 2 } as const, 'schedule room 2'],
    [{ kind: 'day', day: 1, room: 'Curie' } as const, 'day 1, room "Curie"'],
    [{ kind: 'eventEntry', place: { day: 2, room: 'Curie', n: 3 } } as const, 'event at day 2, room "Curie", #3'],
    [{ kind: 'event', place: { day: 2, room: 'Curie', n: 3 } } as const, 'event (ohne Titel) (day 2, room "Curie", #3)'],
  ])('names %j in English as %s', (subject, text) => {
    expect(subjectText(subject)).toBe(text);
  });

  it('the api adds its own entry the same way', () => {
    expect(reportEntry({ kind: 'conference' }, 'repaired', 'SLUG_CHANGED', { from: 'buko_2018', to: 'buko-2018' })).toEqual({
      code: 'SLUG_CHANGED',
      params: { from: 'buko_2018', to: 'buko-2018' },
      subject: { kind: 'conference' },
      action: 'repaired',
      item: 'conference',
      message: 'slug "buko_2018" became "buko-2018"',
    });
  });
});
