import { DomainError } from '@podium/contracts';
import fc from 'fast-check';
import { allConflicts } from '../conflicts';
import kassel from '../fixtures/kassel-2018.schedule.json';
import type { Programme } from '../model';
import { exampleNames, readExample, describeWithPublishedFormat, scheduleFormatAvailable } from '../testing/schedule-format';
import { localTimeOf, toMs } from '../time';
import { validateProgramme } from '../validate';
import { importSchedule } from './import';

const available = scheduleFormatAvailable();
const withPublishedFormat = describeWithPublishedFormat;

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected the import to be refused');
}

// Report names of the fixture's event 2 and the Winterchaos event 2814, written out by hand.
const BEGRUESSUNG = 'event "Begrüßung" (2018-08-27 13:00, guid 9f02c83d-74fc-5d6c-92ce-675e67f828bc)';
const WINTERCHAOS = 'event "Internal Penetration Testing Basics" (2022-12-28 14:00, guid 7a0fc001-e587-47e1-b378-b6ec7e666337)';

const personNames = (p: Programme, sessionId: string) => {
  const s = p.sessions.find((x) => x.id === sessionId);
  return (s?.people ?? []).map((sp) => p.people.find((x) => x.id === sp.personId)?.name);
};

describe('importing our Kassel 2018 fixture', () => {
  const { programme, report } = importSchedule(kassel);

  it('needs no repair', () => {
    expect(report).toEqual([]);
  });

  it('keeps the conference, its timezone and its days', () => {
    expect(programme.conference).toMatchObject({
      slug: 'buko2018',
      title: 'Bundeskonferenz der Integrationsbeauftragten 2018',
      timezone: 'Europe/Berlin',
      startDate: '2018-08-27',
      endDate: '2018-08-28',
      format: 'in-person',
      venue: 'Kassel',
      allowGuests: false,
    });
    expect(programme.conference.description).toMatch(/Endzeiten nennt das Programm nicht/);
  });

  it('has the programme of both days at the right Berlin times', () => {
    const rows = [...programme.sessions]
      .sort((a, b) => toMs(a.start) - toMs(b.start))
      .map((s) => [localTimeOf(s.start, 'Europe/Berlin'), s.kind, s.title]);
    expect(rows).toEqual([
      ['12:00', 'press-conference', 'Pressekonferenz'],
      ['13:00', 'welcome', 'Begrüßung'],
      ['14:30', 'fishbowl', '„Aktuelle Stunde“ im Fishbowl-Format'],
      ['16:30', 'forum', 'Gemeinsamer Austausch in Foren'],
      ['18:00', 'closing', 'Tagesabschluss durch Staatsministerin Annette Widmann-Mauz'],
      ['08:30', 'marketplace', 'Beginn und Markt der Möglichkeiten'],
      ['09:00', 'forum', 'Gemeinsamer Austausch in Foren'],
      ['11:00', 'keynote', 'Keynote und Plenumsdiskussion „Gesellschaftlichen Zusammenhalt stärken“'],
      ['13:00', 'closing', 'Abschlussstatement von Staatsministerin Annette Widmann-Mauz'],
    ]);
    expect(programme.sessions.find((s) => s.id === '2')?.start).toBe('2018-08-27T11:00:00.000Z');
  });

  it('knows the people, their offices and the panels they sit on', () => {
    expect(programme.people).toHaveLength(9);
    expect(personNames(programme, '2')).toEqual(['Stefan Grüttner', 'Christian Geselle', 'Annette Widmann-Mauz']);
    expect(personNames(programme, '3')).toEqual(['Annette Widmann-Mauz', 'Eva Kühne-Hörmann', 'Kai Klose', 'Susi Möbbeck']);
    expect(personNames(programme, '8')).toEqual(['Serap Güler', 'Prof. Dr. Hacı-Halil Uslucan', 'Mariam Lau']);
    expect(programme.people.find((p) => p.name === 'Mariam Lau')).toMatchObject({ function: 'Korrespondentin in der Hauptstadtredaktion', organisation: 'DIE ZEIT' });
    const wm = programme.people.find((p) => p.name === 'Annette Widmann-Mauz');
    expect(programme.sessions.filter((s) => s.people.some((x) => x.personId === wm?.id)).map((s) => s.id).sort()).toEqual(['2', '3', '5', '9']);
  });

  it('is a programme without conflicts', () => {
    expect(allConflicts(programme)).toEqual([]);
  });

  it('puts the day mottos in as tracks', () => {
    expect(programme.tracks.map((t) => t.name)).toEqual(['Tag 1: Integration vor Ort gestalten', 'Tag 2: Gesellschaftlichen Zusammenhalt stärken']);
  });
});

describe('refusing what is not a schedule', () => {
  it.each([
    ['text that is not JSON', '{"schedule": '],
    ['a list', []],
    ['null', null],
    ['an object without schedule', { conference: {} }],
    ['a schedule without conference', { schedule: { version: '1' } }],
    ['a conference without days', { schedule: { conference: { title: 'x' } } }],
    ['days that are not a list', { schedule: { conference: { days: {} } } }],
    ['a schedule with neither dates nor events', { schedule: { conference: { days: [] } } }],
  ])('refuses %s whole, with a clear message', (_label, input) => {
    const error = refusal(() => importSchedule(input));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/^not a schedule\.json: /);
  });

  it('refuses a file with too many events', () => {
    const big = structuredClone(kassel);
    const event = big.schedule.conference.days[0].rooms.Plenarsaal[0];
    big.schedule.conference.days[0].rooms.Plenarsaal = Array.from({ length: 30 }, () => event);
    expect(refusal(() => importSchedule(big, { maxEvents: 20 })).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('takes JSON text as well as a parsed object', () => {
    expect(importSchedule(JSON.stringify(kassel)).programme.sessions).toHaveLength(9);
  });
});

describe('repairing what real exports get wrong, item by item', () => {
  const variant = (change: (event: Record<string, unknown>) => void) => {
    const doc = structuredClone(kassel) as unknown as { schedule: { conference: { days: Array<{ rooms: Record<string, Array<Record<string, unknown>>> }> } } };
    change(doc.schedule.conference.days[0].rooms.Plenarsaal[0]);
    return importSchedule(doc);
  };

  it('skips a person without a name, who cannot become a speaker', () => {
    const { programme, report } = variant((e) => (e.persons as unknown[]).push({ id: 99, biography: 'kein Name' }));
    expect(report).toMatchObject([{ item: `${BEGRUESSUNG}, person 4 (id 99)`, action: 'skipped', message: 'person without a name cannot become a speaker' }]);
    expect(personNames(programme, '2')).toHaveLength(3);
  });

  it("reads frab's public_name as the name", () => {
    const { programme } = variant((e) => (e.persons as unknown[]).push({ id: 7797, public_name: 'jinxx' }));
    expect(personNames(programme, '2')).toContain('jinxx');
  });

  it('takes a text id and says so', () => {
    const { programme, report } = variant((e) => (e.id = '2'));
    expect(programme.sessions.find((s) => s.id === '2')?.scheduleId).toBe(2);
    expect(report).toMatchObject([{ item: BEGRUESSUNG, action: 'repaired', message: 'id "2" is text; read as the number 2' }]);
  });

  it("starts from the 'date' with offset, and from the day and 'start' only when that is missing", () => {
    const offset = variant((e) => (e.date = '2018-08-27T11:00:00Z'));
    expect(offset.programme.sessions.find((s) => s.id === '2')?.start).toBe('2018-08-27T11:00:00.000Z');
    const noDate = variant((e) => delete e.date);
    expect(noDate.programme.sessions.find((s) => s.id === '2')?.start).toBe('2018-08-27T11:00:00.000Z');
    expect(noDate.report[0]).toMatchObject({ item: BEGRUESSUNG, action: 'repaired' });
  });

  it('takes the end from the duration, else from end, else assumes a timeslot', () => {
    const fromEnd = variant((e) => delete e.duration);
    expect(fromEnd.programme.sessions.find((s) => s.id === '2')?.end).toBe('2018-08-27T12:00:00.000Z');
    const zero = variant((e) => {
      e.duration = '00:00';
      delete e.end;
    });
    expect(zero.programme.sessions.find((s) => s.id === '2')?.end).toBe('2018-08-27T11:15:00.000Z');
    expect(zero.report[0].message).toMatch(/duration is zero; assumed 15 minutes/);
  });

  it('lowers a slug that breaks the pattern and drops members the format does not know', () => {
    const { programme, report } = variant((e) => {
      e.slug = 'BuKo2018-2-Begrüßung';
      e.answers = [];
    });
    expect(programme.sessions.find((s) => s.id === '2')?.slug).toBe('buko2018-2-begrussung');
    expect(report.map((r) => r.action)).toEqual(['repaired', 'ignored']);
    expect(report[1].message).toBe('members not in the format dropped: answers');
  });

  it('skips an event listed twice', () => {
    const doc = structuredClone(kassel);
    doc.schedule.conference.days[1].rooms.Pressebereich.push(doc.schedule.conference.days[0].rooms.Plenarsaal[0] as never);
    const { programme, report } = importSchedule(doc);
    expect(programme.sessions).toHaveLength(9);
    expect(report).toMatchObject([
      { item: BEGRUESSUNG, action: 'repaired', message: 'listed under room "Pressebereich" but names room "Plenarsaal"; "Plenarsaal" is used' },
      { item: BEGRUESSUNG, action: 'skipped', message: `listed twice: ${BEGRUESSUNG} has the same guid, time and room` },
    ]);
  });

  it('falls back to Europe/Berlin for an unknown zone, and says so', () => {
    const doc = structuredClone(kassel);
    doc.schedule.conference.time_zone_name = 'Europe/Kassel';
    const { programme, report } = importSchedule(doc);
    expect(programme.conference.timezone).toBe('Europe/Berlin');
    expect(report[0]).toMatchObject({ item: 'conference', action: 'repaired' });
  });

  it('widens the conference days to the events', () => {
    const doc = structuredClone(kassel);
    doc.schedule.conference.end = '2018-08-27';
    const { programme, report } = importSchedule(doc);
    expect(programme.conference.endDate).toBe('2018-08-28');
    expect(report.map((r) => r.message)).toEqual([expect.stringMatching(/widened to 2018-08-27 to 2018-08-28/)]);
  });

  it('never throws anything but a DomainError, and what it returns is a valid programme (property)', () => {
    const junk = fc.oneof(fc.constant(undefined), fc.constant(null), fc.string(), fc.integer(), fc.boolean(), fc.constant([]), fc.object());
    const fields = ['id', 'guid', 'date', 'start', 'duration', 'end', 'room', 'slug', 'url', 'title', 'type', 'language', 'persons', 'track', 'abstract', 'do_not_record', 'do_not_stream'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: 8 }), fc.constantFrom(...fields), junk), { maxLength: 12 }), (changes) => {
        const doc = structuredClone(kassel) as unknown as { schedule: { conference: { days: Array<{ rooms: Record<string, Array<Record<string, unknown>>> }> } } };
        const events = doc.schedule.conference.days.flatMap((d) => Object.values(d.rooms).flat());
        for (const [i, field, value] of changes) {
          if (value === undefined) delete events[i][field];
          else events[i][field] = value;
        }
        try {
          const { programme } = importSchedule(doc);
          expect(() => validateProgramme(programme)).not.toThrow();
        } catch (e) {
          expect(e).toBeInstanceOf(DomainError);
        }
      }),
      { numRuns: 300 },
    );
  });
});

withPublishedFormat('importing the published examples in place', () => {
  it.each(available ? exampleNames() : [])('takes %s whole, as a valid programme', (name) => {
    const doc = readExample(name) as { schedule: { conference: { days: Array<{ rooms: Record<string, unknown[]> }> } } };
    const events = doc.schedule.conference.days.flatMap((d) => Object.values(d.rooms).flat());
    const { programme, report } = importSchedule(doc);
    expect(programme.sessions).toHaveLength(events.length);
    expect(report.filter((r) => r.action === 'skipped' && r.item.startsWith('event') && !r.item.includes('person'))).toEqual([]);
    expect(() => validateProgramme(programme)).not.toThrow();
  });

  it('reports what the Winterchaos export gets wrong, item by item', () => {
    const { programme, report } = importSchedule(readExample('invalid-example.json'));
    expect(report).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'ROOMS_UNDER_SCHEDULE', item: 'schedule', action: 'repaired', message: "rooms listed under 'schedule' instead of 'schedule.conference'; read from there" }),
        expect.objectContaining({ code: 'ID_TEXT', params: { idJson: '"2814"', number: 2814 }, item: WINTERCHAOS, action: 'repaired', message: 'id "2814" is text; read as the number 2814' }),
        expect.objectContaining({ code: 'MEMBERS_DROPPED', params: { members: 'answers' }, item: WINTERCHAOS, action: 'ignored', message: 'members not in the format dropped: answers' }),
        expect.objectContaining({
          code: 'PUBLIC_NAME_USED',
          params: { idJson: '"dsadf"', name: 'Mänu' },
          item: `${WINTERCHAOS}, person 1 (id dsadf)`,
          action: 'repaired',
          message: 'no \'name\' and not a frab person (id "dsadf" is no integer); public_name "Mänu" used as the name',
        }),
      ]),
    );
    expect(programme.conference.timezone).toBe('Europe/Zurich');
    expect(personNames(programme, '2814')).toEqual(['Mänu']);
    expect(programme.rooms).toEqual([expect.objectContaining({ name: 'Winterchaos', guid: '99411f15-7335-4d36-abac-3ff0419ec954' })]);
  });

  it("turns frab's odd acronym and slugs into valid ones and says so", () => {
    const { programme, report } = importSchedule(readExample('frab-camp2019.json'));
    expect(programme.conference.slug).toBe('camp2019');
    expect(programme.conference.timezone).toBe('Europe/Berlin');
    expect(report).toContainEqual(expect.objectContaining({ item: 'conference', action: 'repaired', message: 'acronym "Camp2019" became the slug "camp2019"' }));
    expect(programme.sessions.find((s) => s.id === '10386')).toMatchObject({ title: 'Opening Ceremony', slug: 'camp2019-10386-opening_ceremony', start: '2019-08-21T09:00:00.000Z', end: '2019-08-21T09:30:00.000Z', eventType: 'lecture' });
    expect(personNames(programme, '10386')).toEqual(['jinxx', 'smtw']);
  });

  it('respects the pretalx zone (UTC) and keeps the instants its dates give', () => {
    const { programme, report } = importSchedule(readExample('pretalx-democon.json'));
    expect(programme.conference.timezone).toBe('UTC');
    expect(programme.sessions.find((s) => s.id === '25')?.start).toBe('2020-12-14T08:00:00.000Z');
    expect(report).toContainEqual(expect.objectContaining({ item: 'conference', message: expect.stringMatching(/'date' with its offset was used/) }));
    expect(report).toContainEqual(expect.objectContaining({ item: 'room "Tan Room"', action: 'repaired' }));
  });
});
