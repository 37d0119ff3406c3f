import { compileSchema, describeWithPublishedFormat, exampleNames, readExample, scheduleFormatAvailable } from '../testing/schedule-format';
import kassel from '../fixtures/kassel-2018.schedule.json';
import { ACRONYM_PATTERN, formatDuration, isUri, parseDuration, scheduleProblems, SLUG_PATTERN, TIME_ZONE_NAME_PATTERN, toAcronym, toConferenceSlug, toSlug, toUri } from './rules';

const available = scheduleFormatAvailable();
const withPublishedFormat = describeWithPublishedFormat;

describe('converters to the patterns of schedule.json', () => {
  it('makes acronyms the schema accepts', () => {
    expect(toAcronym('buko2018')).toBe('buko2018');
    expect(toAcronym('Camp2019')).toBe('camp2019');
    expect(toAcronym('buko-2018')).toBe('buko_2018');
    expect(toAcronym('BK')).toBe('bk__');
    expect(toAcronym('Fête 2018!')).toBe('fete_2018');
    expect(toAcronym('???')).toBe('conf');
    for (const a of ['buko2018', 'Camp2019', 'BK', 'ä', '-x-', '36c3']) expect(toAcronym(a)).toMatch(ACRONYM_PATTERN);
  });

  it('makes slugs the schema accepts, folding German and Turkish letters', () => {
    expect(toSlug('Begrüßung')).toBe('begrussung');
    expect(toSlug('Prof. Dr. Hacı-Halil Uslucan')).toBe('prof-dr-haci-halil-uslucan');
    expect(toSlug('Camp2019-10386-opening_ceremony')).toBe('camp2019-10386-opening_ceremony');
    expect(toSlug('!!!', 'room-1')).toBe('room-1');
    expect(toSlug('a')).toBe('item');
    for (const s of ['Forenräume', '  x  y ', '_a_', 'ÄÖÜ', '🎤 Bühne']) expect(toSlug(s, 'fallback')).toMatch(SLUG_PATTERN);
    expect(toConferenceSlug('Camp2019')).toBe('camp2019');
    expect(toConferenceSlug('rc3_2021--x')).toBe('rc3_2021-x');
  });

  it('reads and writes durations', () => {
    expect(formatDuration(90)).toBe('01:30');
    expect(formatDuration(25 * 60 + 5)).toBe('25:05');
    expect(parseDuration('01:30')).toBe(90);
    expect(parseDuration('0:45')).toBe(45);
    expect(parseDuration('01:30:00')).toBe(90);
    expect(parseDuration('1:02:00')).toBe(62);
    expect(parseDuration('90')).toBeUndefined();
    expect(parseDuration(90)).toBeUndefined();
  });

  it('knows the odd time-zone pattern of the schema', () => {
    expect(TIME_ZONE_NAME_PATTERN.test('Europe/Berlin')).toBe(true);
    expect(TIME_ZONE_NAME_PATTERN.test('UTC')).toBe(true);
    expect(TIME_ZONE_NAME_PATTERN.test('America/New_York')).toBe(true);
    expect(TIME_ZONE_NAME_PATTERN.test('Etc/GMT+1')).toBe(false);
  });

  it('accepts only absolute URIs of plain RFC 3986 characters', () => {
    expect(isUri('https://podium.example/buko2018/sessions/1')).toBe(true);
    expect(isUri('/system/attachments/x.pdf')).toBe(false);
    expect(isUri('https://podium.example/Begrüßung')).toBe(false);
    expect(toUri('https://podium.example/Begrüßung')).toBe('https://podium.example/Begr%C3%BC%C3%9Fung');
    expect(toUri('not a url')).toBeUndefined();
  });
});

describe('scheduleProblems (our own reading of the schema)', () => {
  it('passes our hand-written Kassel 2018 fixture', () => {
    expect(scheduleProblems(kassel)).toEqual([]);
  });

  it('names the path and rule for what it refuses', () => {
    const broken = structuredClone(kassel) as typeof kassel & { schedule: { rooms?: unknown } };
    broken.schedule.conference.acronym = 'BuKo-2018';
    (broken.schedule.conference.days[0].rooms.Plenarsaal[0] as { slug: string }).slug = 'Begrüßung';
    (broken.schedule.conference.days[0].rooms.Plenarsaal[0] as { id: unknown }).id = '2';
    broken.schedule.rooms = [];
    const problems = scheduleProblems(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^schedule\.conference\.acronym: must match/),
        expect.stringMatching(/\.slug: must match/),
        expect.stringMatching(/\.id: must be an integer/),
        expect.stringMatching(/^schedule\.rooms: not allowed/),
      ]),
    );
  });

  withPublishedFormat('agrees with ajv on the published examples', () => {
    it.each(available ? exampleNames() : [])('%s', (name) => {
      const doc = readExample(name);
      expect(scheduleProblems(doc).length === 0).toBe(compileSchema()(doc).length === 0);
    });
  });

  withPublishedFormat('agrees with ajv on our fixture', () => {
    it('both accept it', () => expect(compileSchema()(kassel)).toEqual([]));
  });
});
