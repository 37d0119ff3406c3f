/**
 * Why the schedule import (`POST /api/conferences/import`, `podium import`) refused a whole file: the error's
 * `details.refusal` carries a stable `code` with its `params`, from which the web writes German or English;
 * the error's `message` stays the English sentence the api and the CLI print.
 */

/** The format the file was read as (told apart by its first character). */
export type ScheduleFormat = 'schedule.json' | 'schedule.xml';

/** `detail` is the parser's own English (JSON.parse, the XML validator): kept for the English message only. */
export interface ImportRefusalParams {
  NOT_JSON: { detail: string };
  NOT_AN_OBJECT: Record<string, never>;
  NO_SCHEDULE: Record<string, never>;
  /** `versionJson`: the file's version as JSON text (`"2.0"`, `null`). */
  SCHEDULE_2: { format: ScheduleFormat; versionJson: string };
  NO_CONFERENCE: { format: ScheduleFormat };
  NO_DAYS: { format: ScheduleFormat };
  NO_DATES: { format: ScheduleFormat };
  TOO_MANY_DAYS: { format: ScheduleFormat; start: string; end: string; max: number };
  TOO_MANY_EVENTS: { events: number; max: number };
  XML_ENTITIES: Record<string, never>;
  XML_TOO_DEEP: Record<string, never>;
  XML_UNREADABLE: { detail: string };
  XML_NOT_WELL_FORMED: { line: number; column: number; detail: string };
  XML_ROOT: { root: string };
  XML_NO_CONFERENCE: Record<string, never>;
  /** The body parser's limit for the body's type, in bytes. */
  BODY_TOO_LARGE: { maxBytes: number };
  BODY_NOT_JSON: Record<string, never>;
  BODY_TOO_DEEP: { max: number };
  SLUG_INVALID: Record<string, never>;
  SLUG_TAKEN: { slug: string };
  PUBLISH_INVALID: Record<string, never>;
}

export type ImportRefusalCode = keyof ImportRefusalParams;

/** Refused by the api's body parsers before the importer reads anything; the message is the parser's answer. */
export type ImportBodyRefusalCode = 'BODY_TOO_LARGE' | 'BODY_NOT_JSON' | 'BODY_TOO_DEEP';

/** `details.refusal` of a refused import; `code` decides the shape of `params`. */
export type ImportRefusal = { [C in ImportRefusalCode]: { code: C; params: ImportRefusalParams[C] } }[ImportRefusalCode];
