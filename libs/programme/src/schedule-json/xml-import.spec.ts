/**
 * schedule.xml import: the same importer, validation and report as schedule.json. The fixture is
 * hand-written and checked against the published XSD; expected values are written by hand.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { DomainError } from '@podium/contracts';
import * as path from 'node:path';
import kassel from '../fixtures/kassel-2018.schedule.json';
import night from '../fixtures/frab-night.schedule.json';
import { sessionsByDay } from '../queries';
import { xsdErrors } from '../testing/xml-schema';
import { exportSchedule } from './export';
import { importSchedule } from './import';
import { toScheduleXml } from './xml';

const NIGHT_XML = readFileSync(path.join(__dirname, '../fixtures/frab-night.schedule.xml'), 'utf8');

function refusal(input: string): { code: string; message: string } {
  try {
    importSchedule(input);
  } catch (e) {
    return { code: (e as { code: string }).code, message: (e as Error).message };
  }
  throw new Error('imported without complaint');
}

describe('the hand-written schedule.xml fixture', () => {
  it('is valid against the published XSD', () => {
    expect(xsdErrors(NIGHT_XML)).toBe('');
  });

  const { programme, report } = importSchedule(NIGHT_XML);

  it('reads the conference, its rooms (the empty one too) and its track', () => {
    expect(programme.conference).toEqual({
      id: 'nacht19', slug: 'nacht19', title: 'Nachtcamp 2019', timezone: 'Europe/Berlin', startDate: '2019-08-21', endDate: '2019-08-22',
      format: 'in-person', allowGuests: false, dayChange: '04:00',
    });
    expect(programme.rooms.map((r) => [r.name, r.guid])).toEqual([
      ['Zelt', '77777777-7777-4777-8777-777777777701'],
      ['Wiese', undefined],
    ]);
    expect(programme.tracks).toEqual([{ id: 'musik', name: 'Musik', color: '#aa00cc' }]);
  });

  it('reads events: times, text with entities, recording opt-out, recording and feedback links, frab persons by id and name', () => {
    expect(
      programme.sessions.map((s) => [s.id, s.title, s.start, s.end, s.trackId ?? null, s.recordingConsent, s.recordingUrl ?? null, s.feedbackUrl ?? null, s.people.map((p) => p.personId)]),
    ).toEqual([
      ['101', 'Opening & Welcome', '2019-08-21T09:00:00.000Z', '2019-08-21T10:00:00.000Z', null, true, 'https://media.example/v/nacht19-101', 'https://frab.example/en/nacht19/public/events/101/feedback/new', ['person-1', 'person-2']],
      ['103', 'Night Concert', '2019-08-21T23:30:00.000Z', '2019-08-22T01:00:00.000Z', 'musik', false, null, null, []],
      ['202', 'Last Dance', '2019-08-23T00:00:00.000Z', '2019-08-23T01:00:00.000Z', null, true, null, null, ['person-1']],
    ]);
    expect(programme.people).toEqual([
      { id: 'person-1', name: 'Ada Abend' },
      { id: 'person-2', name: 'Bo Bühne' },
    ]);
  });

  it('keeps the night events on their days, and reports like a schedule.json', () => {
    expect(sessionsByDay(programme.sessions, programme.conference).map((d) => [d.date, d.sessions.map((s) => s.id)])).toEqual([
      ['2019-08-21', ['101', '103']],
      ['2019-08-22', ['202']],
    ]);
    expect(report).toMatchObject([
      { item: 'conference', action: 'repaired', message: "2 event(s) after midnight belong to the day before (the source's days run until 04:00); kept on their day" },
      { item: 'schedule', action: 'ignored', message: 'not kept by Podium: links (1 event), recording_license (1 event)' },
    ]);
  });

  it('is found by its first character, after a byte order mark and white space', () => {
    expect(importSchedule(`\uFEFF \n${NIGHT_XML}`).programme.sessions).toHaveLength(3);
  });
});

describe('what is not a schedule.xml is refused with a clear message', () => {
  it.each([
    ['an HTML page', '<html><body>Hallo</body></html>', 'not a schedule.xml: the root element is <html>, not <schedule>'],
    ['broken XML', '<schedule><conference></schedule>', 'not a schedule.xml: the text is not well-formed XML (line 1, column 23: Expected closing tag \'conference\''],
    ['entity declarations', '<!DOCTYPE s [<!ENTITY a "aaaaaaaa">]><schedule>&a;</schedule>', 'not a schedule.xml: it declares entities (<!ENTITY), which Podium does not read'],
    ['a schedule without a conference', '<schedule><version>1</version></schedule>', 'not a schedule.xml: <conference> is missing'],
    ['a schedule without dates or events', '<schedule><version>1</version><conference><title>Leer</title></conference></schedule>', 'not a schedule.xml: it names no dates (conference start and end, day dates) and has no events'],
  ])('%s', (_, input, message) => {
    const r = refusal(input);
    expect(r.code).toBe('VALIDATION');
    expect(r.message.startsWith(message)).toBe(true);
  });

  it('refuses absurdly deep nesting as bad input, not with a crash', () => {
    const deep = `<schedule>${'<a>'.repeat(200_000)}${'</a>'.repeat(200_000)}</schedule>`;
    expect(refusal(deep)).toEqual({ code: 'VALIDATION', message: 'not a schedule.xml: the XML cannot be read (Maximum nested tags exceeded)' });
  });

  it('answers any cut or spliced fixture and any text starting with < with a result or a VALIDATION error, never anything else', () => {
    const mangled = fc.oneof(
      fc.nat({ max: NIGHT_XML.length }).map((n) => NIGHT_XML.slice(0, n)),
      fc.tuple(fc.nat({ max: NIGHT_XML.length }), fc.string({ maxLength: 40 })).map(([n, junk]) => NIGHT_XML.slice(0, n) + junk + NIGHT_XML.slice(n)),
      fc.string({ maxLength: 200 }).map((t) => `<${t}`),
    );
    fc.assert(
      fc.property(mangled, (text) => {
        try {
          importSchedule(text);
        } catch (e) {
          if (!(e instanceof DomainError) || e.code !== 'VALIDATION') throw e;
        }
      }),
      { numRuns: 400, seed: 17 },
    );
  });

  it('still reads JSON text as schedule.json', () => {
    expect(refusal('{"schedule": 1}').message).toBe('not a schedule.json: the "schedule" member is missing or not an object');
  });
});

describe('round trip: our own schedule.xml imported gives the same programme', () => {
  const BASE = 'https://podium.example/c/x/';
  /**
   * Everything schedule.xml carries. Its XSD has no place for persons' function, organisation and
   * biography, nor for do_not_stream (an import takes the format's default: streaming allowed), nor
   * for the conference's description, venue, format and guests; person ids are internal (a person
   * with a guid is keyed by it), so people are compared by name.
   */
  const carried = (p: ReturnType<typeof importSchedule>['programme']) => {
    const names = new Map(p.people.map((x) => [x.id, x.name]));
    return {
      conference: { ...p.conference, description: undefined, venue: undefined, allowGuests: undefined, format: undefined },
      rooms: p.rooms.map((r) => ({ name: r.name, guid: r.guid })),
      tracks: p.tracks,
      sessions: p.sessions.map(({ livestream: _, ...s }) => ({ ...s, people: s.people.map((x) => [names.get(x.personId), x.role]) })),
      people: [...names.values()],
    };
  };

  it('for the night fixture with recording and feedback links', () => {
    const source = importSchedule(night).programme;
    source.sessions[0] = { ...source.sessions[0], recordingUrl: 'https://media.example/v/101', feedbackUrl: 'https://podium.example/feedback/101' };
    const xml = toScheduleXml(exportSchedule(source, { baseUrl: BASE }));
    expect(xsdErrors(xml)).toBe('');
    const back = importSchedule(xml).programme;
    expect(carried(back)).toEqual(carried(source));
    expect(back.sessions[0]).toMatchObject({ recordingUrl: 'https://media.example/v/101', feedbackUrl: 'https://podium.example/feedback/101' });
  });

  it('for the Kassel 2018 fixture', () => {
    const source = importSchedule(kassel).programme;
    const xml = toScheduleXml(exportSchedule(source, { baseUrl: BASE }));
    expect(xsdErrors(xml)).toBe('');
    expect(carried(importSchedule(xml).programme)).toEqual(carried(source));
  });
});
