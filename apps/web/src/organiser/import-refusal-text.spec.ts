import type { ImportRefusal } from '@podium/contracts';
import { ApiError } from '../api/http';
import { translate } from '../i18n/I18nProvider';
import type { Language } from '../i18n/types';
import { valueFormat } from '../i18n/values';
import { importRefusalOf, importRefusalText } from './import-refusal-text';

const sentence = (lang: Language, refusal: ImportRefusal) => {
  const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate(lang, key, vars);
  return importRefusalText(refusal, t, valueFormat(lang, t));
};
// The parser's own English, which the web must not show.
const PARSER = 'Unexpected token } in JSON at position 12';

// Written by hand from the German and English sentences: values in words, quotes and digit grouping of each language.
const TABLE: Array<[ImportRefusal, string, string]> = [
  [
    { code: 'NOT_JSON', params: { detail: PARSER } },
    'Das ist keine schedule.json: Der Text ist kein gültiges JSON. Nichts wurde importiert.',
    'That is not a schedule.json: the text is not valid JSON. Nothing was imported.',
  ],
  [
    { code: 'NOT_AN_OBJECT', params: {} },
    'Das ist keine schedule.json: Erwartet wird ein JSON-Objekt mit dem Eintrag „schedule“. Nichts wurde importiert.',
    'That is not a schedule.json: a JSON object with a “schedule” member is expected. Nothing was imported.',
  ],
  [
    { code: 'NO_SCHEDULE', params: {} },
    'Das ist keine schedule.json: Auf oberster Ebene fehlt das Objekt „schedule“. Nichts wurde importiert.',
    'That is not a schedule.json: the “schedule” object is missing at the top level. Nothing was imported.',
  ],
  [
    { code: 'SCHEDULE_2', params: { format: 'schedule.json', versionJson: '"2.0"' } },
    'Diese schedule.json hat das Format „schedule 2“ (Version „2.0“, Veranstaltungen unter „schedule.events“); Podium liest Version 1 mit den Veranstaltungen unter „schedule.conference.days[].rooms“. Nichts wurde importiert.',
    'This schedule.json is in the “schedule 2” format (version “2.0”, events under “schedule.events”); Podium reads version 1, with events under “schedule.conference.days[].rooms”. Nothing was imported.',
  ],
  [
    { code: 'SCHEDULE_2', params: { format: 'schedule.xml', versionJson: 'null' } },
    'Diese schedule.xml hat das Format „schedule 2“ (Version (keine Angabe), Veranstaltungen unter „schedule.events“); Podium liest Version 1 mit den Veranstaltungen unter „schedule.conference.days[].rooms“. Nichts wurde importiert.',
    'This schedule.xml is in the “schedule 2” format (version (none), events under “schedule.events”); Podium reads version 1, with events under “schedule.conference.days[].rooms”. Nothing was imported.',
  ],
  [
    { code: 'NO_CONFERENCE', params: { format: 'schedule.json' } },
    'Das ist keine schedule.json: Unter „schedule“ fehlt das Objekt „conference“. Nichts wurde importiert.',
    'That is not a schedule.json: the “conference” object under “schedule” is missing. Nothing was imported.',
  ],
  [
    { code: 'NO_DAYS', params: { format: 'schedule.xml' } },
    'Das ist keine schedule.xml: „schedule.conference.days“ fehlt oder ist keine Liste. Nichts wurde importiert.',
    'That is not a schedule.xml: “schedule.conference.days” is missing or not a list. Nothing was imported.',
  ],
  [
    { code: 'NO_DATES', params: { format: 'schedule.json' } },
    'Das ist keine schedule.json: Sie nennt keine Daten (weder Beginn und Ende der Konferenz noch Tage) und enthält keine Veranstaltungen. Nichts wurde importiert.',
    'That is not a schedule.json: it names no dates (neither the conference’s start and end nor days) and has no events. Nothing was imported.',
  ],
  [
    { code: 'TOO_MANY_DAYS', params: { format: 'schedule.xml', start: '2026-06-02', end: '2026-09-30', max: 31 } },
    'Die schedule.xml reicht vom 2. Juni 2026 bis zum 30. September 2026: Das sind mehr als die 31 Tage, die eine Konferenz dauern darf. Nichts wurde importiert.',
    'The schedule.xml runs from 2 June 2026 to 30 September 2026: more than the 31 days a conference may last. Nothing was imported.',
  ],
  [
    { code: 'TOO_MANY_EVENTS', params: { events: 20001, max: 20000 } },
    'Die Datei enthält 20.001 Veranstaltungen; Podium übernimmt höchstens 20.000. Nichts wurde importiert.',
    'The file has 20,001 events; Podium takes at most 20,000. Nothing was imported.',
  ],
  [
    { code: 'XML_ENTITIES', params: {} },
    'Diese schedule.xml deklariert Entitäten (<!ENTITY>), die Podium zum Schutz des Servers nicht liest. Nichts wurde importiert.',
    'This schedule.xml declares entities (<!ENTITY>), which Podium does not read, to protect the server. Nothing was imported.',
  ],
  [
    { code: 'XML_TOO_DEEP', params: {} },
    'Das ist keine schedule.xml: Die Elemente sind zu tief verschachtelt. Nichts wurde importiert.',
    'That is not a schedule.xml: its elements are nested too deeply. Nothing was imported.',
  ],
  [
    { code: 'XML_UNREADABLE', params: { detail: 'Invalid character in entity name' } },
    'Das ist keine schedule.xml: Das XML lässt sich nicht lesen. Nichts wurde importiert.',
    'That is not a schedule.xml: the XML cannot be read. Nothing was imported.',
  ],
  [
    { code: 'XML_NOT_WELL_FORMED', params: { line: 1204, column: 7, detail: "Expected closing tag 'day'" } },
    'Das ist kein wohlgeformtes XML: Fehler in Zeile 1.204, Spalte 7. Nichts wurde importiert.',
    'That is not well-formed XML: error in line 1,204, column 7. Nothing was imported.',
  ],
  [
    { code: 'XML_ROOT', params: { root: 'html' } },
    'Das ist keine schedule.xml: Das äußerste Element ist <html>, nicht <schedule>. Nichts wurde importiert.',
    'That is not a schedule.xml: the outermost element is <html>, not <schedule>. Nothing was imported.',
  ],
  [
    { code: 'XML_NO_CONFERENCE', params: {} },
    'Das ist keine schedule.xml: Unter <schedule> fehlt <conference>. Nichts wurde importiert.',
    'That is not a schedule.xml: <conference> is missing under <schedule>. Nothing was imported.',
  ],
  [
    { code: 'BODY_TOO_LARGE', params: { maxBytes: 10485760 } },
    'Die Datei ist zu groß: Podium nimmt höchstens 10 MB an. Nichts wurde importiert.',
    'The file is too large: Podium takes at most 10 MB. Nothing was imported.',
  ],
  [
    { code: 'BODY_TOO_LARGE', params: { maxBytes: 2621440 } },
    'Die Datei ist zu groß: Podium nimmt höchstens 2,5 MB an. Nichts wurde importiert.',
    'The file is too large: Podium takes at most 2.5 MB. Nothing was imported.',
  ],
  [{ code: 'BODY_NOT_JSON', params: {} }, 'Das ist kein gültiges JSON. Nichts wurde importiert.', 'That is not valid JSON. Nothing was imported.'],
  [
    { code: 'BODY_TOO_DEEP', params: { max: 32 } },
    'Das JSON ist tiefer als 32 Ebenen verschachtelt. Nichts wurde importiert.',
    'The JSON nests deeper than 32 levels. Nothing was imported.',
  ],
  [
    { code: 'SLUG_INVALID', params: {} },
    'Der Kurzname darf nur Kleinbuchstaben, Ziffern und „-“ enthalten, höchstens 63 Zeichen. Nichts wurde importiert.',
    'The short name may only hold lower-case letters, digits and “-”, at most 63 characters. Nothing was imported.',
  ],
  [
    { code: 'SLUG_TAKEN', params: { slug: 'kassel-2018' } },
    'Eine Konferenz mit dem Kurznamen „kassel-2018“ gibt es schon. Nichts wurde importiert.',
    'A conference with the short name “kassel-2018” already exists. Nothing was imported.',
  ],
  [{ code: 'PUBLISH_INVALID', params: {} }, '„publish“ muss „true“ oder „false“ sein. Nichts wurde importiert.', '“publish” must be “true” or “false”. Nothing was imported.'],
];

describe('a refused import in the interface language (issue 16)', () => {
  it.each(TABLE)('%j', (refusal, german, english) => {
    expect([sentence('de', refusal), sentence('en', refusal)]).toEqual([german, english]);
  });

  it('the German never shows the parser’s English', () => {
    expect(sentence('de', { code: 'NOT_JSON', params: { detail: PARSER } })).not.toContain('Unexpected');
  });

  it('takes the refusal from an api error, and leaves other errors to the general error text', () => {
    const refused = new ApiError(400, 'VALIDATION', 'not a schedule.xml: …', { field: 'schedule', refusal: { code: 'XML_ENTITIES', params: {} } });
    expect(importRefusalOf(refused)).toEqual({ code: 'XML_ENTITIES', params: {} });
    expect(importRefusalOf(new ApiError(400, 'VALIDATION', 'x', { refusal: { code: 'FROM_A_NEWER_API', params: {} } }))).toBeUndefined();
    expect(importRefusalOf(new ApiError(400, 'VALIDATION', 'x', { field: 'schedule' }))).toBeUndefined();
    expect(importRefusalOf(new Error('network'))).toBeUndefined();
  });
});
