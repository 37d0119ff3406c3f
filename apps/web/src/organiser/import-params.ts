/**
 * The type of every param of the import report, so each is written as people write it (quoted text,
 * dates in words, numbers, lists) instead of as the JSON text or ISO date the api sends.
 */
import type { ImportReportCode, ImportReportEntry, ImportReportParams } from '@podium/contracts';
import type { ValueFormat } from '../i18n/values';

/**
 * text: from the file, quoted; json: a value quoted from the file as JSON text; date 'YYYY-MM-DD'; time 'HH:MM';
 * dateTime 'YYYY-MM-DD HH:MM'; number: a count or limit; count: a number that also picks the sentence's plural
 * form (passed as the number; translate groups its digits); list: 'a, b' of member names; field: a member the dictionaries name; plain: ids and
 * zone names, shown as they are (an id is no quantity: no "1.234").
 */
export type ParamKind = 'text' | 'json' | 'date' | 'time' | 'dateTime' | 'number' | 'count' | 'list' | 'field' | 'plain';

type Kinds = { [C in ImportReportCode]: { [K in keyof ImportReportParams[C]]-?: ParamKind } };

// A compile error here means a param of the report has no type to be written by.
export const PARAM_KINDS: Kinds = {
  ROOM_NOT_OBJECT: {},
  ROOM_WITHOUT_NAME: {},
  ROOM_TWICE: {},
  ROOM_GUID_TAKEN: {},
  GUID_NOT_UUID: {},
  TRACK_NOT_OBJECT: {},
  TRACK_WITHOUT_NAME: {},
  TRACK_COLOUR_INVALID: { colourJson: 'json' },
  TEXT_CUT: { field: 'field', max: 'number' },
  PERSON_NOT_OBJECT: {},
  SPEAKER_WITHOUT_NAME: {},
  PUBLIC_NAME_USED: { idJson: 'json', name: 'text' },
  PERSON_ID_SHARED: { id: 'plain', first: 'text', name: 'text' },
  PERSONS_NOT_LIST: {},
  TOO_MANY_PERSONS: { max: 'number' },
  EVENT_NOT_OBJECT: {},
  EVENT_WITHOUT_START: {},
  START_FROM_DAY: { date: 'date', time: 'time', zone: 'plain' },
  START_IN_GAP: { date: 'date', time: 'time', zone: 'plain', moved: 'time' },
  DURATION_FROM_END: {},
  DURATION_MISSING: { minutes: 'number' },
  DURATION_ZERO: { minutes: 'number' },
  EVENT_TOO_LONG: { minutes: 'number', max: 'number' },
  ROOM_MISMATCH: { listed: 'text', named: 'text' },
  EVENT_TWICE: { otherTitle: 'text', otherAt: 'dateTime' },
  GUID_REUSED: { otherTitle: 'text', otherAt: 'dateTime' },
  ID_TEXT: { idJson: 'json', number: 'plain' },
  ID_INVALID: { idJson: 'json' },
  ID_TOO_LARGE: { id: 'plain', max: 'number' },
  ID_TAKEN: { id: 'plain' },
  TITLE_MISSING: {},
  TITLE_CUT: { max: 'number' },
  TITLE_CLEANED: {},
  LANGUAGE_INVALID: { languageJson: 'json', assumed: 'text' },
  SLUG_REPLACED: { slugJson: 'json', used: 'text' },
  SLUG_DROPPED: { slugJson: 'json' },
  LINK_INVALID: { field: 'field', urlJson: 'json' },
  MEMBERS_DROPPED: { members: 'list' },
  TOP_LEVEL_DROPPED: { members: 'list' },
  NOT_KEPT: { links: 'number', attachments: 'number', logo: 'number', recording_license: 'number', origin_url: 'number', code: 'number' },
  OFFSET_MISMATCH: { count: 'count', zone: 'plain' },
  ZONE_MISSING: { assumed: 'plain' },
  ZONE_INVALID: { zoneJson: 'json', assumed: 'plain' },
  ROOMS_UNDER_SCHEDULE: {},
  DAY_WITHOUT_ROOMS: {},
  EVENTS_NOT_LIST: {},
  NIGHT_EVENTS: { count: 'count', until: 'time' },
  CONFERENCE_WITHOUT_TITLE: { title: 'text' },
  ACRONYM_SLUG: { acronymJson: 'json', slug: 'text' },
  DATES_FROM_EVENTS: {},
  DATES_SWAPPED: { start: 'date', end: 'date' },
  DAYS_WIDENED: { start: 'date', end: 'date', from: 'date', to: 'date' },
  SLUG_CHANGED: { from: 'text', to: 'text' },
};

/** One param written by its kind; `field` names a member in the interface language. */
export function paramText(kind: ParamKind, value: unknown, f: ValueFormat, field: (name: string) => string): string | number {
  const raw = String(value);
  switch (kind) {
    case 'text':
      return f.text(raw);
    case 'json':
      return f.json(raw);
    case 'date':
      return f.date(raw);
    case 'time':
      return f.time(raw);
    case 'dateTime':
      return f.dateTime(raw);
    case 'number':
      return typeof value === 'number' ? f.number(value) : raw;
    case 'count':
      // translate() picks `key.one` by a numeric `count`, then writes it with the language's digit grouping.
      return typeof value === 'number' ? value : raw;
    case 'list':
      // The api joins member names with ', '; each is a name from the file.
      return f.list(raw.split(/,\s*/).filter(Boolean).map(f.text));
    case 'field':
      return field(raw);
    case 'plain':
      return raw;
  }
}

/** Every param of an entry, written by its kind (an unknown param, from a newer api, as it is). */
export function entryParams(entry: ImportReportEntry, f: ValueFormat, field: (name: string) => string): Record<string, string | number> {
  const kinds: Partial<Record<string, ParamKind>> = PARAM_KINDS[entry.code];
  return Object.fromEntries(Object.entries(entry.params as Record<string, unknown>).map(([name, value]) => [name, paramText(kinds[name] ?? 'plain', value, f, field)]));
}
