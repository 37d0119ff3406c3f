import { DomainError } from '@podium/contracts';
import fc from 'fast-check';
import kassel from '../fixtures/kassel-2018.schedule.json';
import { generateProgramme } from '../generate';
import { SESSION_KINDS, type Programme, type Session } from '../model';
import { exampleNames, readExample, describeWithPublishedFormat, scheduleFormatAvailable, validateWithSchema } from '../testing/schedule-format';
import { conference, programme as buildProgramme, session } from '../testing/factories';
import { toMs } from '../time';
import { uuidV5 } from '../uuid';
import { exportSchedule, type ExportOptions } from './export';
import { importSchedule } from './import';
import type { ScheduleDocument, ScheduleEvent } from './types';

const available = scheduleFormatAvailable();
const withPublishedFormat = describeWithPublishedFormat;
const problems = validateWithSchema();
const options: ExportOptions = { baseUrl: 'https://podium.example/buko2018/', timeslotMinutes: 15 };

const eventsOf = (doc: ScheduleDocument): ScheduleEvent[] => doc.schedule.conference.days.flatMap((d) => Object.values(d.rooms).flat());

function expectValid(doc: unknown) {
  expect(problems(doc)).toEqual([]);
}

describe('exportSchedule', () => {
  it('gives back our Kassel fixture after an import (room types and the version digest aside)', () => {
    const doc = exportSchedule(importSchedule(kassel).programme, options);
    expectValid(doc);
    const strip = (d: unknown) => {
      const copy = structuredClone(d) as ScheduleDocument;
      for (const r of copy.schedule.conference.rooms) delete r.type;
      copy.schedule.version = '(digest)';
      return copy.schedule;
    };
    expect(strip(doc)).toEqual(strip(kassel));
    expect(doc.schedule.conference.rooms.map((r) => r.type)).toEqual(['lecturehall', 'lecturehall', 'lecturehall', 'workshop']);
  });

  it('writes times in the conference zone with offsets, durations as HH:MM', () => {
    const p = buildProgramme([session('fishbowl', '14:30', '16:00', { kind: 'fishbowl' })]);
    const [event] = eventsOf(exportSchedule(p, options));
    expect(event).toMatchObject({ date: '2018-08-27T14:30:00+02:00', start: '14:30', end: '2018-08-27T16:00:00+02:00', duration: '01:30', room: 'Plenum', type: 'fishbowl', language: 'de' });
  });

  it('lists the Podium page where the url is another system\'s, and the stream of a streamed session', () => {
    const p = buildProgramme([
      session('live', '10:00', '11:00', { livestream: true }),
      session('quiet', '11:00', '12:00'),
      session('origin', '13:00', '14:00', { livestream: true, url: 'https://pretalx.example/talk/ABC/' }),
    ]);
    const linked: ExportOptions = { ...options, sessionUrl: (s) => `https://podium.example/c/buko2018/s/${s.id}`, streamUrl: (s) => `https://podium.example/c/buko2018/s/${s.id}/live` };
    const doc = exportSchedule(p, linked);
    expectValid(doc);
    expect(eventsOf(doc).map((e) => [e.url, e.links])).toEqual([
      ['https://podium.example/c/buko2018/s/live', [{ url: 'https://podium.example/c/buko2018/s/live/live', title: 'Livestream', type: 'media' }]],
      ['https://podium.example/c/buko2018/s/quiet', []],
      [
        'https://pretalx.example/talk/ABC/',
        [
          { url: 'https://podium.example/c/buko2018/s/origin', title: 'Podium', type: 'web' },
          { url: 'https://podium.example/c/buko2018/s/origin/live', title: 'Livestream', type: 'media' },
        ],
      ],
    ]);
    expect(eventsOf(exportSchedule(p, options)).map((e) => e.links)).toEqual([[], [], []]);
  });

  it('exports a session crossing the October switch with its true length', () => {
    const night = { ...session('night', '01:30', '03:30', {}, '2020-10-25'), end: '2020-10-25T02:30:00.000Z' };
    const p = buildProgramme([night], { conference: conference({ startDate: '2020-10-24', endDate: '2020-10-25' }) });
    const doc = exportSchedule(p, options);
    expectValid(doc);
    const [event] = eventsOf(doc);
    expect(event).toMatchObject({ date: '2020-10-25T01:30:00+02:00', end: '2020-10-25T03:30:00+01:00', duration: '03:00' });
    expect(doc.schedule.conference.days[1]).toMatchObject({ day_start: '2020-10-25T00:00:00+02:00', day_end: '2020-10-26T00:00:00+01:00' });
  });

  it('derives stable guids and integer ids for sessions that have none, or uses the injected uuidFor', () => {
    const p = buildProgramme([session('welcome', '13:00', '14:00'), session('42', '15:00', '16:00')]);
    const first = eventsOf(exportSchedule(p, options));
    const again = eventsOf(exportSchedule({ ...p, sessions: [...p.sessions].reverse() }, options));
    expect(first.map((e) => [e.guid, e.id])).toEqual(again.map((e) => [e.guid, e.id]));
    expect(first[0].guid).toBe(uuidV5('buko-2018/session/welcome'));
    expect(first[1].id).toBe(42);
    const injected = eventsOf(exportSchedule(p, { ...options, uuidFor: (kind, id) => uuidV5(`${kind}:${id}`, '6ba7b811-9dad-11d1-80b4-00c04fd430c8') }));
    expect(injected[0].guid).toBe(uuidV5('session:welcome', '6ba7b811-9dad-11d1-80b4-00c04fd430c8'));
    expect(() => exportSchedule(p, { ...options, uuidFor: () => 'nope' })).toThrow(DomainError);
  });

  it('leaves out cancelled sessions and breaks without a room; lists other roomless sessions under a named room', () => {
    const p = buildProgramme([
      session('a', '10:00', '11:00', { status: 'cancelled' }),
      session('pause', '11:00', '11:30', { kind: 'break', roomId: undefined }),
      session('walk', '12:00', '13:00', { roomId: undefined, title: 'Stadtspaziergang' }),
    ]);
    const doc = exportSchedule(p, { ...options, unplacedRoomName: 'Außer Haus' });
    expectValid(doc);
    expect(eventsOf(doc).map((e) => [e.title, e.room])).toEqual([['Stadtspaziergang', 'Außer Haus']]);
  });

  it('tells apart rooms with one name, and moves an odd zone into meta', () => {
    const p = buildProgramme([session('a', '10:00', '11:00', { roomId: 'foyer' })], {
      rooms: [
        { id: 'plenum', name: 'Saal', kind: 'hall', changeoverMinutes: 0, position: 0 },
        { id: 'foyer', name: 'Saal', kind: 'hall', changeoverMinutes: 0, position: 1 },
      ],
      conference: conference({ timezone: 'Etc/GMT-2' }),
    });
    const doc = exportSchedule(p, options);
    expectValid(doc);
    expect(Object.keys(doc.schedule.conference.days[0].rooms)).toEqual(['Saal', 'Saal (2)']);
    expect(doc.schedule.conference).not.toHaveProperty('time_zone_name');
    expect(doc.schedule.conference.meta).toMatchObject({ time_zone_name: 'Etc/GMT-2' });
    expect(importSchedule(doc).programme.conference.timezone).toBe('Etc/GMT-2');
  });

  it('refuses a programme it cannot describe rather than write a broken file', () => {
    const p = buildProgramme([session('a', '10:00', '09:00')]);
    expect(() => exportSchedule(p, options)).toThrow(expect.objectContaining({ code: 'VALIDATION', details: { field: 'sessions[0].end', rule: 'end-not-after-start', params: {} } }));
    expect(() => exportSchedule(buildProgramme([]), { baseUrl: 'podium.example' })).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });

  it('is valid for 2,000 generated sessions in 40 rooms over 3 days', () => {
    const p = generateProgramme({ sessions: 2_000, rooms: 40, days: 3, seed: 3 });
    const doc = exportSchedule(p, options);
    expect(eventsOf(doc)).toHaveLength(2_000);
    expectValid(doc);
  });

  it('is always valid, whatever text, zone and times the programme holds (property)', () => {
    const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }).map((s) => s.replace(/[\x00-\x1f\x7f]/g, '').trim() || 'x');
    const zone = fc.constantFrom('Europe/Berlin', 'UTC', 'America/Argentina/Buenos_Aires', 'Asia/Kolkata', 'Etc/GMT+5', 'Pacific/Chatham');
    const slug = fc.stringMatching(/^[a-z0-9]{1,8}(?:[-_][a-z0-9]{1,8}){0,2}$/);
    const sessionArb = fc.record({
      id: fc.stringMatching(/^[A-Za-z0-9:._@-]{1,40}$/),
      title: text,
      start: fc.integer({ min: 0, max: 3 * 24 * 60 }),
      minutes: fc.integer({ min: 1, max: 26 * 60 }),
      kind: fc.constantFrom(...SESSION_KINDS),
      room: fc.constantFrom<string | undefined>('r1', 'r2', undefined),
      language: fc.constantFrom('de', 'en', 'tr', 'de-at'),
      abstract: fc.option(fc.string({ maxLength: 200 }).map((s) => s.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, '')), { nil: undefined }),
      personName: text,
      delay: fc.integer({ min: 0, max: 90 }),
    });
    fc.assert(
      fc.property(slug, text, zone, fc.array(sessionArb, { maxLength: 12 }), text, text, (confSlug, confTitle, tz, raw, room1, room2) => {
        const base = Date.UTC(2021, 2, 27, 6);
        const seen = new Set<string>();
        const sessions: Session[] = raw
          .filter((r) => !seen.has(r.id) && seen.add(r.id))
          .map((r) => ({
            id: r.id,
            kind: r.kind,
            title: r.title,
            abstract: r.abstract || undefined,
            language: r.language,
            start: new Date(base + r.start * 60_000).toISOString(),
            end: new Date(base + (r.start + r.minutes) * 60_000).toISOString(),
            roomId: r.room,
            people: [{ personId: `p-${r.id}`, role: 'speaker' }],
            livestream: true,
            recordingConsent: false,
            status: 'scheduled',
            delayMinutes: r.delay,
          }));
        const p: Programme = {
          conference: conference({ slug: confSlug, title: confTitle, timezone: tz, startDate: '2021-03-27', endDate: '2021-03-29' }),
          rooms: [
            { id: 'r1', name: room1, kind: 'virtual-stage', changeoverMinutes: 0, position: 0 },
            { id: 'r2', name: room2, kind: 'forum-room', changeoverMinutes: 5, position: 1, capacity: 30 },
          ],
          tracks: [],
          people: sessions.map((s) => ({ id: `p-${s.id}`, name: (raw.find((r) => r.id === s.id) as { personName: string }).personName })),
          sessions,
        };
        const doc = exportSchedule(p, options);
        expectValid(doc);
        // And what it wrote comes back: every listed session, at its shown time.
        const back = importSchedule(doc).programme;
        const listed = sessions.filter((s) => !(s.kind === 'break' && !s.roomId));
        expect(back.sessions).toHaveLength(listed.length);
        for (const s of listed) {
          const b = back.sessions.find((x) => x.title === s.title && toMs(x.start) === toMs(s.start) + s.delayMinutes * 60_000);
          expect(b).toBeDefined();
        }
      }),
      { numRuns: 150 },
    );
  });
});

withPublishedFormat('round trips of the published examples, read in place', () => {
  it.each(available ? exampleNames() : [])('export(import(%s)) is valid and keeps sessions, rooms, times, zone, persons and languages', (name) => {
    const original = readExample(name) as ScheduleDocument;
    const first = importSchedule(original).programme;
    const doc = exportSchedule(first, { baseUrl: 'https://podium.example/' });
    expectValid(doc);
    expect(doc.schedule.conference.time_zone_name).toBe(original.schedule.conference.time_zone_name);

    const before = eventsOf(original);
    const after = new Map(eventsOf(doc).map((e) => [e.guid, e]));
    expect(after.size).toBe(before.length);
    for (const e of before) {
      const out = after.get(e.guid) as ScheduleEvent;
      expect(out).toBeDefined();
      expect(toMs(out.date)).toBe(toMs(e.date));
      expect(out.duration).toBe(e.duration);
      expect(out.room).toBe(e.room);
      expect(out.title).toBe(e.title.trim());
      expect(out.language).toBe(e.language);
      const names = (e.persons as Array<{ name?: string; public_name?: string }>).map((p) => (p.name ?? p.public_name)?.trim()).filter(Boolean);
      expect(out.persons.map((p) => p.name)).toEqual(names);
      expect(out.id).toBe(Number(e.id));
    }

    const second = importSchedule(doc).programme;
    const summary = (p: Programme) =>
      p.sessions
        .map((s) => [s.guid, s.start, s.end, p.rooms.find((r) => r.id === s.roomId)?.name, s.title, s.language, s.people.map((x) => p.people.find((q) => q.id === x.personId)?.name)])
        .sort();
    expect(summary(second)).toEqual(summary(first));
    expect(second.conference).toEqual(first.conference);
    expect(second.rooms.map((r) => r.name)).toEqual(first.rooms.map((r) => r.name));
  });
});
