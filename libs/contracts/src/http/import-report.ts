/**
 * The schedule import's report (`POST /api/conferences/import`, `podium import`): each entry has a stable
 * `code` with its `params` and what it is about (`subject`), from which the web writes German or English;
 * `item` and `message` are the same in English for the api and the CLI.
 */

/** repaired: taken with a change; skipped: left out; ignored: taken, but some data was dropped. */
export type ImportAction = 'repaired' | 'skipped' | 'ignored';

/** Free-text members that may be cut to the model's length, named as the English message names them. */
export type ImportTextField =
  | 'name' | 'public_name' | 'function' | 'organisation' | 'biography' | 'room name' | 'type' | 'track name' | 'subtitle' | 'abstract' | 'description';

/** Event members the format defines that Podium does not keep (counted per schedule). */
export type ImportNotKeptMember = 'links' | 'attachments' | 'logo' | 'recording_license' | 'origin_url' | 'code';

/** Where an event sits in the file: day number, the room it is listed under, its number in that list (all from 1). */
export interface ImportPlace {
  day: number;
  room: string;
  n: number;
}

/** What an entry is about, by name or title (never by a UUID, except in the English-only `ref`). */
export type ImportSubject =
  | { kind: 'schedule' }
  | { kind: 'conference' }
  | { kind: 'room'; name: string }
  | { kind: 'roomEntry'; list: 'conference' | 'schedule'; n: number }
  | { kind: 'track'; name: string }
  | { kind: 'trackEntry'; n: number }
  | { kind: 'day'; day: number; room?: string }
  | { kind: 'eventEntry'; place: ImportPlace }
  | {
      kind: 'event';
      /** The title (at most 60 characters); absent when the event has none. */
      title?: string;
      /** Local start 'YYYY-MM-DD HH:MM' in the conference's zone; without a start, `place` says where it is. */
      at?: string;
      place?: ImportPlace;
      /** 'guid …' or 'id …', to tell events apart in the English item only. */
      ref?: string;
      /** The n-th person of the event (from 1), with the frab/pretalx id the file gives it. */
      person?: { n: number; id?: string };
    };

/** Values quoted from the file (`…Json`) are JSON text as the file had them: `"abc"`, `12`, `null`. */
export interface ImportReportParams {
  ROOM_NOT_OBJECT: Record<string, never>;
  ROOM_WITHOUT_NAME: Record<string, never>;
  ROOM_TWICE: Record<string, never>;
  ROOM_GUID_TAKEN: Record<string, never>;
  GUID_NOT_UUID: Record<string, never>;
  TRACK_NOT_OBJECT: Record<string, never>;
  TRACK_WITHOUT_NAME: Record<string, never>;
  TRACK_COLOUR_INVALID: { colourJson: string };
  TEXT_CUT: { field: ImportTextField; max: number };
  PERSON_NOT_OBJECT: Record<string, never>;
  SPEAKER_WITHOUT_NAME: Record<string, never>;
  PUBLIC_NAME_USED: { idJson: string; name: string };
  PERSON_ID_SHARED: { id: string; first: string; name: string };
  PERSONS_NOT_LIST: Record<string, never>;
  TOO_MANY_PERSONS: { max: number };
  EVENT_NOT_OBJECT: Record<string, never>;
  EVENT_WITHOUT_START: Record<string, never>;
  START_FROM_DAY: { date: string; time: string; zone: string };
  START_IN_GAP: { date: string; time: string; zone: string; moved: string };
  DURATION_FROM_END: Record<string, never>;
  DURATION_MISSING: { minutes: number };
  DURATION_ZERO: { minutes: number };
  EVENT_TOO_LONG: { minutes: number; max: number };
  ROOM_MISMATCH: { listed: string; named: string };
  /** The other event: its title ('' when it has none) and local start. */
  EVENT_TWICE: { otherTitle: string; otherAt: string };
  GUID_REUSED: { otherTitle: string; otherAt: string };
  ID_TEXT: { idJson: string; number: number };
  ID_INVALID: { idJson: string };
  ID_TOO_LARGE: { id: string; max: number };
  ID_TAKEN: { id: number };
  TITLE_MISSING: Record<string, never>;
  TITLE_CUT: { max: number };
  TITLE_CLEANED: Record<string, never>;
  LANGUAGE_INVALID: { languageJson: string; assumed: string };
  SLUG_REPLACED: { slugJson: string; used: string };
  SLUG_DROPPED: { slugJson: string };
  LINK_INVALID: { field: 'url' | 'feedback_url' | 'recording link'; urlJson: string };
  MEMBERS_DROPPED: { members: string };
  TOP_LEVEL_DROPPED: { members: string };
  NOT_KEPT: Partial<Record<ImportNotKeptMember, number>>;
  OFFSET_MISMATCH: { count: number; zone: string };
  ZONE_MISSING: { assumed: string };
  ZONE_INVALID: { zoneJson: string; assumed: string };
  ROOMS_UNDER_SCHEDULE: Record<string, never>;
  DAY_WITHOUT_ROOMS: Record<string, never>;
  EVENTS_NOT_LIST: Record<string, never>;
  NIGHT_EVENTS: { count: number; until: string };
  CONFERENCE_WITHOUT_TITLE: { title: string };
  ACRONYM_SLUG: { acronymJson: string; slug: string };
  DATES_FROM_EVENTS: Record<string, never>;
  DATES_SWAPPED: { start: string; end: string };
  DAYS_WIDENED: { start: string; end: string; from: string; to: string };
  SLUG_CHANGED: { from: string; to: string };
}

export type ImportReportCode = keyof ImportReportParams;

/** One entry; `code` decides the shape of `params`. */
export type ImportReportEntry = {
  [C in ImportReportCode]: { item: string; action: ImportAction; message: string; subject: ImportSubject; code: C; params: ImportReportParams[C] };
}[ImportReportCode];
