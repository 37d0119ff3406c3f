import type { ImportReportEntry } from '@podium/contracts';
import { translate } from '../i18n/I18nProvider';
import type { Language } from '../i18n/types';
import { importEntryText, importSubjectText } from './import-report-text';

const GUID = '9f02c83d-74fc-5d6c-92ce-675e67f828bc';
const begruessung = { kind: 'event', title: 'Begrüßung', at: '2018-08-27 13:00', ref: `guid ${GUID}` } as const;
// item and message are the api's English; the web must not show them.
const entry = (e: Omit<ImportReportEntry, 'item' | 'message'>) => ({ ...e, item: `english item, guid ${GUID}`, message: 'english message' }) as ImportReportEntry;
const line = (lang: Language, e: ImportReportEntry) => {
  const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate(lang, key, vars);
  return `${importSubjectText(e.subject, t)}: ${importEntryText(e, t)}`;
};

describe('the import report in the interface language, by name and title, never by UUID', () => {
  it.each<[string, ImportReportEntry, string]>([
    [
      'a speaker without a name',
      entry({ code: 'SPEAKER_WITHOUT_NAME', params: {}, action: 'skipped', subject: { ...begruessung, person: { n: 4, id: '99' } } }),
      'Veranstaltung „Begrüßung“ (27.08.2018, 13:00 Uhr), 4. Person: Person ohne Namen: Sie kann nicht als Vortragende übernommen werden.',
    ],
    [
      'an event listed twice names the other by title and time',
      entry({ code: 'EVENT_TWICE', params: { otherTitle: 'Begrüßung', otherAt: '2018-08-27 13:00' }, action: 'skipped', subject: begruessung }),
      'Veranstaltung „Begrüßung“ (27.08.2018, 13:00 Uhr): Doppelt aufgeführt: Veranstaltung „Begrüßung“ (27.08.2018, 13:00 Uhr) hat dieselbe GUID, Zeit und denselben Raum.',
    ],
    [
      'a repeat of an untitled event',
      entry({ code: 'GUID_REUSED', params: { otherTitle: '', otherAt: '2019-08-22 10:00' }, action: 'repaired', subject: { kind: 'event', at: '2019-08-22 15:00' } }),
      'Veranstaltung ohne Titel (22.08.2019, 15:00 Uhr): Dieselbe GUID hat auch Veranstaltung ohne Titel (22.08.2019, 10:00 Uhr); als Wiederholung übernommen, beim Export bekommt sie eine eigene GUID.',
    ],
    [
      'a cut room name',
      entry({ code: 'TEXT_CUT', params: { field: 'room name', max: 200 }, action: 'repaired', subject: begruessung }),
      'Veranstaltung „Begrüßung“ (27.08.2018, 13:00 Uhr): Raumname auf 200 Zeichen gekürzt.',
    ],
    [
      'a recording link that is no URL',
      entry({ code: 'LINK_INVALID', params: { field: 'recording link', urlJson: '"/media/1"' }, action: 'ignored', subject: begruessung }),
      'Veranstaltung „Begrüßung“ (27.08.2018, 13:00 Uhr): Aufzeichnungslink "/media/1" ist keine absolute http(s)-Adresse; verworfen.',
    ],
    [
      'members not kept, counted',
      entry({ code: 'NOT_KEPT', params: { links: 1, recording_license: 3 }, action: 'ignored', subject: { kind: 'schedule' } }),
      'Datei: Von Podium nicht übernommen: links (1 Veranstaltung), recording_license (3 Veranstaltungen).',
    ],
    [
      'an event without a start, by its place in the file',
      entry({ code: 'EVENT_WITHOUT_START', params: {}, action: 'skipped', subject: { kind: 'event', title: 'Lötworkshop', place: { day: 2, room: 'Werkstatt', n: 3 } } }),
      'Veranstaltung „Lötworkshop“ (3. Veranstaltung in Raum „Werkstatt“ an Tag 2): Kein Beginn: weder ein „date“ mit Zeitzonenversatz noch ein Tagesdatum mit „start“.',
    ],
    [
      'the night events of the conference',
      entry({ code: 'NIGHT_EVENTS', params: { count: 2, until: '04:00' }, action: 'repaired', subject: { kind: 'conference' } }),
      'Konferenz: 2 Veranstaltung(en) nach Mitternacht gehören zum Vortag (die Tage der Quelle gehen bis 04:00 Uhr); an ihrem Tag belassen.',
    ],
    [
      'a room listed twice',
      entry({ code: 'ROOM_TWICE', params: {}, action: 'ignored', subject: { kind: 'room', name: 'Curie' } }),
      'Raum „Curie“: Doppelt aufgeführt; der erste Eintrag gilt.',
    ],
    [
      'a room entry under schedule',
      entry({ code: 'ROOM_WITHOUT_NAME', params: {}, action: 'skipped', subject: { kind: 'roomEntry', list: 'schedule', n: 2 } }),
      '2. Raum der Raumliste unter „schedule“: Raum ohne Namen.',
    ],
  ])('German: %s', (_, e, text) => {
    expect(line('de', e)).toBe(text);
  });

  it('English from the same code, in the same words as the interface', () => {
    const e = entry({ code: 'SPEAKER_WITHOUT_NAME', params: {}, action: 'skipped', subject: { ...begruessung, person: { n: 4, id: '99' } } });
    expect(line('en', e)).toBe('Event “Begrüßung” (2018-08-27 13:00), person 4: A person without a name cannot become a speaker.');
  });
});
