/**
 * The import report's English (api and CLI): one sentence per code and a name per subject. The web
 * writes its own German and English from `code`, `params` and `subject` (apps/web/src/i18n).
 */
import type { ImportAction, ImportPlace, ImportReportCode, ImportReportEntry, ImportReportParams, ImportSubject } from '@podium/contracts';

type English = { [C in ImportReportCode]: (p: ImportReportParams[C], s: ImportSubject) => string };

/** 'day 1, room "Curie", #3': also the stem of the id of an event that has none. */
export const placeText = (p: ImportPlace) => `day ${p.day}, room "${p.room}", #${p.n}`;

/** The English name of what an entry is about ('event "Opening" (2019-08-21 11:00, guid …), person 2 (id 0)'). */
export function subjectText(s: ImportSubject): string {
  switch (s.kind) {
    case 'schedule':
    case 'conference':
      return s.kind;
    case 'room':
    case 'track':
      return `${s.kind} "${s.name}"`;
    case 'roomEntry':
      return `${s.list} room ${s.n}`;
    case 'trackEntry':
      return `track ${s.n}`;
    case 'day':
      return `day ${s.day}${s.room === undefined ? '' : `, room "${s.room}"`}`;
    case 'eventEntry':
      return `event at ${placeText(s.place)}`;
    case 'event': {
      const when = s.at ?? (s.place ? placeText(s.place) : '');
      const person = s.person ? `, person ${s.person.n}${s.person.id === undefined ? '' : ` (id ${s.person.id})`}` : '';
      return `event ${s.title ? JSON.stringify(s.title) : '(ohne Titel)'} (${when}${s.ref ? `, ${s.ref}` : ''})${person}`;
    }
  }
}

/** The other event of a repeat: same guid (so the same `ref`), its own title and time. */
const other = (p: { otherTitle: string; otherAt: string }, s: ImportSubject) =>
  subjectText({ kind: 'event', title: p.otherTitle || undefined, at: p.otherAt, ref: s.kind === 'event' ? s.ref : undefined });

const ENGLISH: English = {
  ROOM_NOT_OBJECT: () => 'a room entry that is not an object',
  ROOM_WITHOUT_NAME: () => 'a room without a name',
  ROOM_TWICE: () => 'listed twice; the first entry is kept',
  ROOM_GUID_TAKEN: () => 'guid already used by another room; a new one is derived on export',
  GUID_NOT_UUID: () => 'guid is not a UUID; a new one is derived on export',
  TRACK_NOT_OBJECT: () => 'a track entry that is not an object',
  TRACK_WITHOUT_NAME: () => 'a track without a name',
  TRACK_COLOUR_INVALID: (p) => `colour ${p.colourJson} is not '#rrggbb'; dropped`,
  TEXT_CUT: (p) => `${p.field} cut to ${p.max} characters`,
  PERSON_NOT_OBJECT: () => 'a person entry that is not an object',
  SPEAKER_WITHOUT_NAME: () => 'person without a name cannot become a speaker',
  PUBLIC_NAME_USED: (p) => `no 'name' and not a frab person (id ${p.idJson} is no integer); public_name "${p.name}" used as the name`,
  PERSON_ID_SHARED: (p) => `person id ${p.id} also names "${p.first}"; "${p.name}" is kept as a different person`,
  PERSONS_NOT_LIST: () => "'persons' is not a list; nobody imported",
  TOO_MANY_PERSONS: (p) => `more than ${p.max} persons; the rest dropped`,
  EVENT_NOT_OBJECT: () => 'not an object',
  EVENT_WITHOUT_START: () => "no start: neither a 'date' with offset nor a day date with 'start'",
  START_FROM_DAY: (p) => `no usable 'date'; start read as ${p.date} ${p.time} in ${p.zone}`,
  START_IN_GAP: (p) => `${p.date} ${p.time} does not exist in ${p.zone} (the clocks go forward); moved to ${p.moved}`,
  DURATION_FROM_END: () => "no usable 'duration'; taken from 'end'",
  DURATION_MISSING: (p) => `no usable duration; assumed ${p.minutes} minutes`,
  DURATION_ZERO: (p) => `duration is zero; assumed ${p.minutes} minutes`,
  EVENT_TOO_LONG: (p) => `lasts ${p.minutes} minutes, more than the ${p.max} a session may`,
  ROOM_MISMATCH: (p) => `listed under room "${p.listed}" but names room "${p.named}"; "${p.named}" is used`,
  EVENT_TWICE: (p, s) => `listed twice: ${other(p, s)} has the same guid, time and room`,
  GUID_REUSED: (p, s) => `guid also used by ${other(p, s)}; kept as a repeat, a new guid is derived on export`,
  ID_TEXT: (p) => `id ${p.idJson} is text; read as the number ${p.number}`,
  ID_INVALID: (p) => `id ${p.idJson} is not a positive integer; a new one is assigned on export`,
  ID_TOO_LARGE: (p) => `id ${p.id} is larger than ${p.max}, the largest Podium keeps; a new one is assigned on export`,
  ID_TAKEN: (p) => `id ${p.id} is used by another event; a new one is assigned on export`,
  TITLE_MISSING: () => 'no title; called "(ohne Titel)"',
  TITLE_CUT: (p) => `title cut to ${p.max} characters`,
  TITLE_CLEANED: () => 'title cleaned of control characters and line breaks',
  LANGUAGE_INVALID: (p) => `language ${p.languageJson} is not a language tag; '${p.assumed}' assumed`,
  SLUG_REPLACED: (p) => `slug ${p.slugJson} does not fit the format; "${p.used}" used`,
  SLUG_DROPPED: (p) => `slug ${p.slugJson} does not fit the format; dropped`,
  LINK_INVALID: (p) => `${p.field} ${p.urlJson} is not an absolute http(s) URL; dropped`,
  MEMBERS_DROPPED: (p) => `members not in the format dropped: ${p.members}`,
  TOP_LEVEL_DROPPED: (p) => `top-level members not in the format dropped: ${p.members}`,
  NOT_KEPT: (p) => `not kept by Podium: ${Object.entries(p).map(([key, n]) => `${key} (${n} event${n === 1 ? '' : 's'})`).join(', ')}`,
  OFFSET_MISMATCH: (p) => `${p.count} event(s) give a 'start' that differs from their 'date' read in ${p.zone}; the 'date' with its offset was used`,
  ZONE_MISSING: (p) => `no time_zone_name; ${p.assumed} assumed`,
  ZONE_INVALID: (p) => `time_zone_name ${p.zoneJson} is not an IANA zone; ${p.assumed} assumed`,
  ROOMS_UNDER_SCHEDULE: () => "rooms listed under 'schedule' instead of 'schedule.conference'; read from there",
  DAY_WITHOUT_ROOMS: () => "not a day with 'rooms'",
  EVENTS_NOT_LIST: () => 'its events are not a list',
  NIGHT_EVENTS: (p) => `${p.count} event(s) after midnight belong to the day before (the source's days run until ${p.until}); kept on their day`,
  CONFERENCE_WITHOUT_TITLE: (p) => `no title; "${p.title}" used`,
  ACRONYM_SLUG: (p) => `acronym ${p.acronymJson} became the slug "${p.slug}"`,
  DATES_FROM_EVENTS: () => 'no conference dates; taken from the events',
  DATES_SWAPPED: (p) => `end ${p.end} before start ${p.start}; swapped`,
  DAYS_WIDENED: (p) => `events fall outside ${p.start} to ${p.end}; the conference days were widened to ${p.from} to ${p.to}`,
  SLUG_CHANGED: (p) => `slug "${p.from}" became "${p.to}"`,
};

/** A report entry: code and params for the web, the same in English for the api and the CLI. */
export function reportEntry<C extends ImportReportCode>(subject: ImportSubject, action: ImportAction, code: C, params: ImportReportParams[C]): ImportReportEntry {
  const message = (ENGLISH[code] as (p: ImportReportParams[C], s: ImportSubject) => string)(params, subject);
  return { item: subjectText(subject), action, message, subject, code, params } as ImportReportEntry;
}
