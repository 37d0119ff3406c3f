/**
 * The shapes real exports come in, each on a hand-written fixture so they are tested on every
 * clone: pretalx (codes, UTC, rooms sharing a guid) and a broken frab-like export (rooms under
 * 'schedule', text ids, odd slugs, persons without a name). Expected values are written by hand.
 */
import broken from '../fixtures/broken-export.schedule.json';
import pretalx from '../fixtures/pretalx-utc.schedule.json';
import { validateProgramme } from '../validate';
import { exportSchedule } from './export';
import { importSchedule } from './import';
import { scheduleProblems } from './rules';

describe('a pretalx-shaped export', () => {
  const { programme, report } = importSchedule(pretalx);

  it('reports the shared room guid, the start that disagrees with its date, and what Podium does not keep', () => {
    expect(report).toMatchObject([
      { item: 'room "Blue Room"', action: 'repaired', message: 'guid already used by another room; a new one is derived on export' },
      { item: 'conference', action: 'repaired', message: "1 event(s) give a 'start' that differs from their 'date' read in UTC; the 'date' with its offset was used" },
      { item: 'schedule', action: 'ignored', message: 'not kept by Podium: origin_url (1 event), code (2 events)' },
    ]);
  });

  it('keeps the feedback link as the session\'s feedback URL', () => {
    expect(programme.sessions.map((s) => [s.id, s.feedbackUrl])).toEqual([
      ['25', 'https://pretalx.example/democon/talk/ABCD12/feedback/'],
      ['26', undefined],
    ]);
  });

  it('reads times by their offset, kinds from the types, one person by code, and a digital conference', () => {
    expect(programme.conference).toMatchObject({ slug: 'democon', timezone: 'UTC', format: 'digital', startDate: '2020-12-14', endDate: '2020-12-14' });
    expect(programme.sessions.map((s) => [s.id, s.start, s.end, s.kind, s.eventType, s.recordingConsent])).toEqual([
      ['25', '2020-12-14T08:00:00.000Z', '2020-12-14T08:30:00.000Z', 'keynote', 'Talk', true],
      ['26', '2020-12-14T10:00:00.000Z', '2020-12-14T10:45:00.000Z', 'forum', 'Workshop', false],
    ]);
    expect(programme.people).toEqual([expect.objectContaining({ name: 'Dana Demo', biography: 'Demos.' })]);
    expect(programme.rooms.map((r) => [r.name, r.kind, r.guid])).toEqual([
      ['Tan Room', 'virtual-stage', '66666666-6666-4666-8666-666666666601'],
      ['Blue Room', 'virtual-stage', undefined],
    ]);
    expect(programme.tracks).toEqual([expect.objectContaining({ name: 'Demo', color: '#aabbcc' })]);
  });

  it('exports schema-valid', () => {
    expect(scheduleProblems(exportSchedule(programme, { baseUrl: 'https://podium.example/democon/' }))).toEqual([]);
  });
});

describe('a broken frab-like export', () => {
  const { programme, report } = importSchedule(broken);
  const event = 'event "Schnee und Eis" (2022-12-28 14:00, guid 55555555-5555-4555-8555-555555555511)';

  it('reports every repair by code, naming the event by title, time and guid', () => {
    expect(report).toMatchObject([
      { code: 'ROOMS_UNDER_SCHEDULE', item: 'schedule', action: 'repaired', message: "rooms listed under 'schedule' instead of 'schedule.conference'; read from there" },
      { code: 'ID_TEXT', params: { idJson: '"12"', number: 12 }, item: event, action: 'repaired', message: 'id "12" is text; read as the number 12' },
      { code: 'TITLE_CLEANED', item: event, action: 'repaired', message: 'title cleaned of control characters and line breaks' },
      { code: 'LANGUAGE_INVALID', params: { languageJson: '"Deutsch"', assumed: 'de' }, item: event, action: 'repaired', message: 'language "Deutsch" is not a language tag; \'de\' assumed' },
      { code: 'SLUG_REPLACED', params: { slugJson: '"Winter 12 Schnee"', used: 'winter-12-schnee' }, item: event, action: 'repaired', message: 'slug "Winter 12 Schnee" does not fit the format; "winter-12-schnee" used' },
      { code: 'LINK_INVALID', params: { field: 'url', urlJson: '"/talks/12"' }, item: event, action: 'ignored', message: 'url "/talks/12" is not an absolute http(s) URL; dropped' },
      {
        code: 'PUBLIC_NAME_USED',
        subject: { kind: 'event', title: 'Schnee und Eis', at: '2022-12-28 14:00', ref: 'guid 55555555-5555-4555-8555-555555555511', person: { n: 1, id: 'abc' } },
        item: `${event}, person 1 (id abc)`,
        action: 'repaired',
        message: 'no \'name\' and not a frab person (id "abc" is no integer); public_name "Mänu" used as the name',
      },
      { code: 'SPEAKER_WITHOUT_NAME', subject: { kind: 'event', title: 'Schnee und Eis', at: '2022-12-28 14:00', ref: 'guid 55555555-5555-4555-8555-555555555511', person: { n: 2 } }, item: `${event}, person 2`, action: 'skipped', message: 'person without a name cannot become a speaker' },
      { code: 'MEMBERS_DROPPED', params: { members: 'answers' }, item: event, action: 'ignored', message: 'members not in the format dropped: answers' },
      { code: 'ACRONYM_SLUG', params: { acronymJson: '"Winter-2022"', slug: 'winter-2022' }, item: 'conference', action: 'repaired', message: 'acronym "Winter-2022" became the slug "winter-2022"' },
    ]);
  });

  it('still makes a valid programme of it', () => {
    expect(() => validateProgramme(programme)).not.toThrow();
    expect(programme.conference.timezone).toBe('Europe/Zurich');
    expect(programme.rooms.map((r) => [r.name, r.guid])).toEqual([['Halle', '55555555-5555-4555-8555-555555555501']]);
    expect(programme.sessions).toEqual([
      expect.objectContaining({ id: '12', scheduleId: 12, title: 'Schnee und Eis', slug: 'winter-12-schnee', language: 'de', start: '2022-12-28T13:00:00.000Z', end: '2022-12-28T14:00:00.000Z' }),
    ]);
    expect(programme.sessions[0].url).toBeUndefined();
    expect(programme.people.map((p) => p.name)).toEqual(['Mänu']);
  });
});
