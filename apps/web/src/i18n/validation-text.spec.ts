import { translate } from './I18nProvider';
import type { Language } from './types';
import { problemsOf, ROOM_FIELD_LABELS, validationText } from './validation-text';
import { valueFormat } from './values';

const words = (lang: Language, details: unknown, labels?: typeof ROOM_FIELD_LABELS) => {
  const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate(lang, key, vars);
  return validationText(details, valueFormat(lang, t), t, labels);
};

// Written by hand: the form's label, the rule in words, numbers and quotes as each language writes them.
const DOMAIN: Array<[unknown, string, string]> = [
  [{ field: 'end', rule: 'end-not-after-start', params: {} }, 'Ende: muss nach dem Beginn liegen', 'End: must be after the start'],
  [{ field: 'title', rule: 'too-long', params: { max: 200, length: 240 } }, 'Titel: höchstens 200 Zeichen (eingegeben: 240)', 'Title: at most 200 characters (entered: 240)'],
  [{ field: 'abstract', rule: 'too-long', params: { max: 10000, length: 12345 } }, 'Kurzbeschreibung: höchstens 10.000 Zeichen (eingegeben: 12.345)', 'Abstract: at most 10,000 characters (entered: 12,345)'],
  [{ field: 'title', rule: 'blank', params: {} }, 'Titel: darf nicht leer sein', 'Title: must not be empty'],
  [{ field: 'room.name', rule: 'required', params: {} }, 'Name: muss ausgefüllt sein', 'Name: must be filled in'],
  [{ field: 'capacity', rule: 'whole-number', params: { min: 1, max: 1000000 } }, 'Plätze: muss eine ganze Zahl von 1 bis 1.000.000 sein', 'Seats: must be a whole number from 1 to 1,000,000'],
  [{ field: 'conference.timezone', rule: 'timezone', params: { value: 'Mars/Olympus' } }, 'Zeitzone: „Mars/Olympus“ ist keine bekannte Zeitzone (etwa „Europe/Berlin“)', 'Timezone: “Mars/Olympus” is not a known time zone (such as “Europe/Berlin”)'],
  [{ field: 'conference.endDate', rule: 'end-date-before-start', params: {} }, 'Letzter Tag: liegt vor dem ersten Tag', 'Last day: is before the first day'],
  [{ field: 'end', rule: 'too-long-session', params: { maxMinutes: 10080 } }, 'Ende: eine Sitzung dauert höchstens 7 Tage', 'End: a session lasts at most 7 days'],
  [{ field: 'end', rule: 'too-long-session', params: { maxMinutes: 1440 } }, 'Ende: eine Sitzung dauert höchstens einen Tag', 'End: a session lasts at most one day'],
  [{ field: 'roomId', rule: 'unknown-room', params: { id: '0b5e…' } }, 'Raum: diesen Raum gibt es in der Konferenz nicht', 'Room: the conference has no such room'],
  [{ field: 'track.color', rule: 'colour', params: {} }, 'Farbe: muss eine Farbe der Form #rrggbb sein', 'Colour: must be a colour written #rrggbb'],
  [{ field: 'language', rule: 'language-tag', params: {} }, 'Sprache der Sitzung: muss ein Sprachkürzel wie „de“ oder „en“ sein', 'Language of the session: must be a language code such as “de” or “en”'],
  [{ field: 'kind', rule: 'one-of', params: { allowed: ['forum', 'panel'] } }, 'Art der Sitzung: muss einer dieser Werte sein: „forum“, „panel“', 'Kind of session: must be one of these values: “forum”, “panel”'],
  [{ field: 'people[1]', rule: 'person-twice', params: { id: 'p1', role: 'speaker' } }, 'Personen: eine Person ist zweimal in derselben Rolle eingetragen', 'People: a person is listed twice in the same role'],
  [{ field: 'start', rule: 'time-input', params: { zone: 'Europe/Berlin' } }, 'Beginn: ist keine gültige Angabe von Datum und Uhrzeit (in der Zeitzone Europe/Berlin)', 'Start: is not a valid date and time (in the time zone Europe/Berlin)'],
  [{ field: 'sessions[2].guid', rule: 'uuid', params: {} }, 'sessions[2].guid: ist keine gültige Kennung (UUID)', 'sessions[2].guid: is not a valid identifier (UUID)'],
];

const DTO: Array<[unknown, string, string]> = [
  [
    { fields: [{ field: 'title', problems: ['title must be shorter than or equal to 300 characters'], constraints: ['maxLength'], limits: [{ max: 300 }] }] },
    'Titel: höchstens 300 Zeichen',
    'Title: at most 300 characters',
  ],
  [
    {
      fields: [
        { field: 'title', problems: ['title must be longer than or equal to 1 characters', 'title must be a string'], constraints: ['minLength', 'isString'], limits: [{ min: 1 }, null] },
        { field: 'capacity', problems: ['capacity must not be greater than 1000000'], constraints: ['max'], limits: [{ max: 1000000 }] },
      ],
    },
    'Titel: darf nicht leer sein, muss ein Text sein; Plätze: darf höchstens 1.000.000 sein',
    'Title: must not be empty, must be text; Seats: must be at most 1,000,000',
  ],
  [
    { fields: [{ field: 'displayName', problems: ['displayName must be longer than or equal to 3 characters'], constraints: ['isLength'], limits: [{ min: 3 }] }] },
    'displayName: mindestens 3 Zeichen',
    'displayName: at least 3 characters',
  ],
  [
    { fields: [{ field: 'speakers', problems: ['each value in speakers must be a UUID', 'speakers must contain no more than 100 elements'], constraints: ['isUuid', 'arrayMaxSize'], limits: [null, { max: 100 }] }] },
    'Referentinnen und Referenten: ist keine gültige Kennung (UUID), höchstens 100 Einträge',
    'Speakers: is not a valid identifier (UUID), at most 100 entries',
  ],
  [
    { fields: [{ field: 'colour', problems: ['property colour should not exist'], constraints: ['whitelistValidation'], limits: [null] }] },
    'colour: ist hier nicht vorgesehen',
    'colour: is not expected here',
  ],
  // A rule this client does not know keeps the api's English for that problem only.
  [
    { fields: [{ field: 'title', problems: ['title must be a fancy title', 'title must be a string'], constraints: ['isFancy', 'isString'], limits: [null, null] }] },
    'Titel: title must be a fancy title, muss ein Text sein',
    'Title: title must be a fancy title, must be text',
  ],
];

describe('validationText', () => {
  it.each([...DOMAIN, ...DTO])('%j', (details, de, en) => {
    expect(words('de', details)).toBe(de);
    expect(words('en', details)).toBe(en);
  });

  it('names the room form\'s kind as the room\'s', () => {
    expect(words('de', { field: 'room.kind', rule: 'one-of', params: { allowed: ['hall'] } }, ROOM_FIELD_LABELS)).toBe('Art des Raums: muss einer dieser Werte sein: „hall“');
  });

  it('has no words for a rule it does not know, or for details without a rule; problemsOf then keeps the api message', () => {
    expect(words('de', { field: 'end', rule: 'moon-phase', params: {} })).toBeUndefined();
    expect(words('de', { field: 'schedule', refusal: { code: 'NO_DAYS', params: {} } })).toBeUndefined();
    expect(words('de', undefined)).toBeUndefined();
    const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('de', key, vars);
    const f = valueFormat('de', t);
    expect(problemsOf({ message: 'end: must be after the moon', details: { field: 'end', rule: 'moon-phase' } }, f, t)).toBe('end: must be after the moon');
    expect(problemsOf({ message: 'end: must be after start', details: { field: 'end', rule: 'end-not-after-start', params: {} } }, f, t)).toBe('Ende: muss nach dem Beginn liegen');
  });
});
