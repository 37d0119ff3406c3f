import { DomainError } from '@podium/contracts';
import { importSchedule } from './import';

const refused = (input: unknown, options = {}) => {
  try {
    importSchedule(input, options);
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, message: e.message, details: e.details };
    throw e;
  }
  throw new Error('imported');
};
const twoEvents = { schedule: { version: '1', conference: { title: 'Zwei', days: [{ date: '2026-06-02', rooms: { Saal: [{}, {}] } }] } } };

// Every way a whole file is refused: the code and params the web words (issue 16), the English exactly as before.
describe('a refused import carries a stable code with its params, and the same English message', () => {
  it.each<[string, unknown, string, unknown, string]>([
    ['a number', '42', 'VALIDATION', { code: 'NOT_AN_OBJECT', params: {} }, 'not a schedule.json: expected a JSON object with a "schedule" member'],
    ['no schedule', { hello: 'world' }, 'VALIDATION', { code: 'NO_SCHEDULE', params: {} }, 'not a schedule.json: the "schedule" member is missing or not an object'],
    [
      'schedule 2',
      { schedule: { version: '2.0', conference: {} } },
      'VALIDATION',
      { code: 'SCHEDULE_2', params: { format: 'schedule.json', versionJson: '"2.0"' } },
      'not a schedule.json Podium reads: this is "schedule 2" (version "2.0", events under "schedule.events"); Podium imports version 1, with events under "schedule.conference.days[].rooms"',
    ],
    ['no conference', { schedule: {} }, 'VALIDATION', { code: 'NO_CONFERENCE', params: { format: 'schedule.json' } }, 'not a schedule.json: "schedule.conference" is missing or not an object'],
    ['no days', { schedule: { conference: { title: 'x' } } }, 'VALIDATION', { code: 'NO_DAYS', params: { format: 'schedule.json' } }, 'not a schedule.json: "schedule.conference.days" is missing or not a list'],
    [
      'no dates',
      { schedule: { version: '1', conference: { title: 'Leer', days: [] } } },
      'VALIDATION',
      { code: 'NO_DATES', params: { format: 'schedule.json' } },
      'not a schedule.json: it names no dates (conference start and end, day dates) and has no events',
    ],
    [
      'too many days',
      { schedule: { version: '1', conference: { title: 'Lang', start: '2026-01-01', end: '2027-01-02', days: [] } } },
      'VALIDATION',
      { code: 'TOO_MANY_DAYS', params: { format: 'schedule.json', start: '2026-01-01', end: '2027-01-02', max: 366 } },
      'not a schedule.json: it spans 2026-01-01 to 2027-01-02, more than 366 days',
    ],
    ['entities', '<!DOCTYPE s [<!ENTITY a "b">]><schedule>&a;</schedule>', 'VALIDATION', { code: 'XML_ENTITIES', params: {} }, 'not a schedule.xml: it declares entities (<!ENTITY), which Podium does not read'],
    ['another root', '<html/>', 'VALIDATION', { code: 'XML_ROOT', params: { root: 'html' } }, 'not a schedule.xml: the root element is <html>, not <schedule>'],
    ['an empty conference', '<schedule><conference/></schedule>', 'VALIDATION', { code: 'XML_NO_CONFERENCE', params: {} }, 'not a schedule.xml: <conference> is missing'],
    [
      'an xml without dates',
      '<schedule><conference><title>Leer</title></conference></schedule>',
      'VALIDATION',
      { code: 'NO_DATES', params: { format: 'schedule.xml' } },
      'not a schedule.xml: it names no dates (conference start and end, day dates) and has no events',
    ],
  ])('%s', (_, input, code, refusal, message) => {
    expect(refused(input)).toMatchObject({ code, message, details: { refusal } });
  });

  it('too many events: PAYLOAD_TOO_LARGE with the count and the limit', () => {
    expect(refused(twoEvents, { maxEvents: 1 })).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'schedule has 2 events; at most 1 are taken',
      details: { events: 2, refusal: { code: 'TOO_MANY_EVENTS', params: { events: 2, max: 1 } } },
    });
  });

  it('text that is not JSON or not well-formed XML: the parser’s words stay in the English only', () => {
    const json = refused('{"schedule": {');
    expect(json.message.startsWith('not a schedule.json: the text is not JSON (')).toBe(true);
    expect(json.details).toMatchObject({ field: 'schedule', refusal: { code: 'NOT_JSON' } });
    expect(refused('<schedule>\n  <day></broken>').details).toMatchObject({ refusal: { code: 'XML_NOT_WELL_FORMED', params: { line: 2 } } });
    expect(refused(`<schedule>${'<a>'.repeat(200_000)}${'</a>'.repeat(200_000)}</schedule>`).details).toMatchObject({ refusal: { code: 'XML_UNREADABLE', params: { detail: 'Maximum nested tags exceeded' } } });
  });
});
