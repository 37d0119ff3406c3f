import type { ImportReportEntry } from '@podium/contracts';
import { translate } from '../i18n/I18nProvider';
import type { Language } from '../i18n/types';
import { valueFormat } from '../i18n/values';
import { importEntryText, importSubjectText } from './import-report-text';

const GUID = '9f02c83d-74fc-5d6c-92ce-675e67f828bc';
const begruessung = { kind: 'event', title: 'Begrüßung', at: '2018-08-27 13:00', ref: `guid ${GUID}` } as const;
// item and message are the api's English; the web must not show them.
const entry = (e: Omit<ImportReportEntry, 'item' | 'message'>) => ({ ...e, item: `english item, guid ${GUID}`, message: 'english message' }) as ImportReportEntry;
const line = (lang: Language, e: ImportReportEntry) => {
  const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate(lang, key, vars);
  const f = valueFormat(lang, t, 'Europe/Berlin');
  return `${importSubjectText(e.subject, t, f)}: ${importEntryText(e, t, f)}`;
};

describe('the import report in the interface language, by name and title, never by UUID', () => {
  it.each<[Language, string, ImportReportEntry, string]>([
    [
      'de',
      'a speaker without a name',
      entry({ code: 'SPEAKER_WITHOUT_NAME', params: {}, action: 'skipped', subject: { ...begruessung, person: { n: 4, id: '99' } } }),
      'Veranstaltung „Begrüßung“ (27. August 2018, 13:00), 4. Person: Person ohne Namen: Sie kann nicht als Vortragende übernommen werden.',
    ],
    [
      'de',
      'an event listed twice names the other by title and time',
      entry({ code: 'EVENT_TWICE', params: { otherTitle: 'Begrüßung', otherAt: '2018-08-27 13:00' }, action: 'skipped', subject: begruessung }),
      'Veranstaltung „Begrüßung“ (27. August 2018, 13:00): Doppelt aufgeführt: Veranstaltung „Begrüßung“ (27. August 2018, 13:00) hat dieselbe GUID, Zeit und denselben Raum.',
    ],
    [
      'de',
      'a repeat of an untitled event',
      entry({ code: 'GUID_REUSED', params: { otherTitle: '', otherAt: '2019-08-22 10:00' }, action: 'repaired', subject: { kind: 'event', at: '2019-08-22 15:00' } }),
      'Veranstaltung ohne Titel (22. August 2019, 15:00): Dieselbe GUID hat auch Veranstaltung ohne Titel (22. August 2019, 10:00); als Wiederholung übernommen, beim Export bekommt sie eine eigene GUID.',
    ],
    [
      'de',
      'a cut room name',
      entry({ code: 'TEXT_CUT', params: { field: 'room name', max: 200 }, action: 'repaired', subject: begruessung }),
      'Veranstaltung „Begrüßung“ (27. August 2018, 13:00): Raumname auf 200 Zeichen gekürzt.',
    ],
    [
      'de',
      'a recording link that is no URL',
      entry({ code: 'LINK_INVALID', params: { field: 'recording link', urlJson: '"/media/1"' }, action: 'ignored', subject: begruessung }),
      'Veranstaltung „Begrüßung“ (27. August 2018, 13:00): Aufzeichnungslink „/media/1“ ist keine absolute http(s)-Adresse; verworfen.',
    ],
    [
      'de',
      'members not kept, counted',
      entry({ code: 'NOT_KEPT', params: { links: 1, recording_license: 3 }, action: 'ignored', subject: { kind: 'schedule' } }),
      'Datei: Von Podium nicht übernommen: „links“ (1 Veranstaltung) und „recording_license“ (3 Veranstaltungen).',
    ],
    [
      'de',
      'an event without a start, by its place in the file',
      entry({ code: 'EVENT_WITHOUT_START', params: {}, action: 'skipped', subject: { kind: 'event', title: 'Lötworkshop', place: { day: 2, room: 'Werkstatt', n: 3 } } }),
      'Veranstaltung „Lötworkshop“ (3. Veranstaltung in Raum „Werkstatt“ an Tag 2): Kein Beginn: weder ein „date“ mit Zeitzonenversatz noch ein Tagesdatum mit „start“.',
    ],
    [
      'de',
      'the night events of the conference',
      entry({ code: 'NIGHT_EVENTS', params: { count: 2, until: '04:00' }, action: 'repaired', subject: { kind: 'conference' } }),
      'Konferenz: 2 Veranstaltungen nach Mitternacht gehören zum Vortag (die Tage der Quelle gehen bis 04:00 Uhr); an ihrem Tag belassen.',
    ],
    [
      'de',
      'one night event, in the singular',
      entry({ code: 'NIGHT_EVENTS', params: { count: 1, until: '05:30' }, action: 'repaired', subject: { kind: 'conference' } }),
      'Konferenz: Eine Veranstaltung nach Mitternacht gehört zum Vortag (die Tage der Quelle gehen bis 05:30 Uhr); an ihrem Tag belassen.',
    ],
    [
      'de',
      'a room listed twice',
      entry({ code: 'ROOM_TWICE', params: {}, action: 'ignored', subject: { kind: 'room', name: 'Curie' } }),
      'Raum „Curie“: Doppelt aufgeführt; der erste Eintrag gilt.',
    ],
    [
      'de',
      'a room entry under schedule',
      entry({ code: 'ROOM_WITHOUT_NAME', params: {}, action: 'skipped', subject: { kind: 'roomEntry', list: 'schedule', n: 2 } }),
      '2. Raum der Raumliste unter „schedule“: Raum ohne Namen.',
    ],
    [
      'de',
      'a language quoted from the file as JSON text',
      entry({ code: 'LANGUAGE_INVALID', params: { languageJson: '"Deutsch!"', assumed: 'de' }, action: 'repaired', subject: begruessung }),
      'Veranstaltung „Begrüßung“ (27. August 2018, 13:00): Die Sprache „Deutsch!“ ist kein Sprachkürzel; „de“ angenommen.',
    ],
    [
      'de',
      'a language the file left null',
      entry({ code: 'LANGUAGE_INVALID', params: { languageJson: 'null', assumed: 'de' }, action: 'repaired', subject: begruessung }),
      'Veranstaltung „Begrüßung“ (27. August 2018, 13:00): Die Sprache (keine Angabe) ist kein Sprachkürzel; „de“ angenommen.',
    ],
    [
      'de',
      'a colour that is an object, not its JSON',
      entry({ code: 'TRACK_COLOUR_INVALID', params: { colourJson: '{"r":255,"g":0}' }, action: 'ignored', subject: { kind: 'track', name: 'Musik' } }),
      'Track „Musik“: Die Farbe (ein Objekt) ist kein Farbwert „#rrggbb“; verworfen.',
    ],
    [
      'de',
      'a start read from the day, in words',
      entry({ code: 'START_FROM_DAY', params: { date: '2026-06-02', time: '10:00', zone: 'Europe/Berlin' }, action: 'repaired', subject: { kind: 'event', title: 'Forum A', at: '2026-06-02 10:00' } }),
      'Veranstaltung „Forum A“ (2. Juni 2026, 10:00): Kein brauchbares „date“; Beginn als 2. Juni 2026, 10:00 in Europe/Berlin gelesen.',
    ],
    [
      'de',
      'conference dates swapped',
      entry({ code: 'DATES_SWAPPED', params: { start: '2026-06-03', end: '2026-06-01' }, action: 'repaired', subject: { kind: 'conference' } }),
      'Konferenz: Das Ende (1. Juni 2026) liegt vor dem Beginn (3. Juni 2026); vertauscht.',
    ],
    [
      'de',
      'members dropped, as a list of names',
      entry({ code: 'MEMBERS_DROPPED', params: { members: 'foo, bar_baz, x' }, action: 'ignored', subject: begruessung }),
      'Veranstaltung „Begrüßung“ (27. August 2018, 13:00): Felder, die das Format nicht kennt, verworfen: „foo“, „bar_baz“ und „x“.',
    ],
    [
      'de',
      'large numbers grouped, ids as they are',
      entry({ code: 'ID_TOO_LARGE', params: { id: '99999999999', max: 2147483647 }, action: 'repaired', subject: begruessung }),
      'Veranstaltung „Begrüßung“ (27. August 2018, 13:00): Die id 99999999999 ist größer als 2.147.483.647, die größte, die Podium speichert; beim Export wird eine neue vergeben.',
    ],
    [
      'de',
      'room names quoted on both sides',
      entry({ code: 'ROOM_MISMATCH', params: { listed: 'Plenarsaal', named: 'Saal 1' }, action: 'repaired', subject: begruessung }),
      'Veranstaltung „Begrüßung“ (27. August 2018, 13:00): Unter Raum „Plenarsaal“ aufgeführt, nennt aber Raum „Saal 1“; „Saal 1“ wird verwendet.',
    ],
    [
      'en',
      'a quoted value and a date',
      entry({ code: 'LANGUAGE_INVALID', params: { languageJson: '"Deutsch!"', assumed: 'de' }, action: 'repaired', subject: begruessung }),
      'Event “Begrüßung” (27 August 2018, 13:00): The language “Deutsch!” is not a language tag; “de” assumed.',
    ],
    [
      'en',
      'dates and lists',
      entry({ code: 'DAYS_WIDENED', params: { start: '2026-06-02', end: '2026-06-03', from: '2026-06-01', to: '2026-06-03' }, action: 'repaired', subject: { kind: 'conference' } }),
      'Conference: Events fall outside the conference days from 2 June 2026 to 3 June 2026; the days now run from 1 June 2026 to 3 June 2026.',
    ],
    [
      'en',
      'one offset mismatch, in the singular',
      entry({ code: 'OFFSET_MISMATCH', params: { count: 1, zone: 'Europe/Berlin' }, action: 'repaired', subject: { kind: 'schedule' } }),
      'File: One event gives a “start” that differs from its “date” read in Europe/Berlin; the “date” with its offset was used.',
    ],
    [
      'en',
      'members not kept',
      entry({ code: 'NOT_KEPT', params: { links: 1, logo: 1200 }, action: 'ignored', subject: { kind: 'schedule' } }),
      'File: Not kept by Podium: “links” (1 event) and “logo” (1,200 events).',
    ],
    [
      'en',
      'English from the same code, in the same words as the interface',
      entry({ code: 'SPEAKER_WITHOUT_NAME', params: {}, action: 'skipped', subject: { ...begruessung, person: { n: 4, id: '99' } } }),
      'Event “Begrüßung” (27 August 2018, 13:00), person 4: A person without a name cannot become a speaker.',
    ],
  ])('%s: %s', (lang, _, e, text) => {
    expect(line(lang, e)).toBe(text);
  });
});
