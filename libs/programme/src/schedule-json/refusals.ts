/**
 * Why an import is refused whole: one English sentence per code (the api's and the CLI's message, unchanged
 * since before the codes) and the error it is thrown as; the web writes its own German and English from
 * `details.refusal` (apps/web/src/i18n).
 */
import { DomainError, type ErrorCode, type ErrorDetails, type ImportBodyRefusalCode, type ImportRefusal, type ImportRefusalCode, type ImportRefusalParams } from '@podium/contracts';

/** The importer's own refusals: body refusals answer with the body parser's message (apps/api). */
type ImporterCode = Exclude<ImportRefusalCode, ImportBodyRefusalCode>;
type English = { [C in ImporterCode]: (p: ImportRefusalParams[C]) => string };

const ENGLISH: English = {
  NOT_JSON: (p) => `not a schedule.json: the text is not JSON (${p.detail})`,
  NOT_AN_OBJECT: () => 'not a schedule.json: expected a JSON object with a "schedule" member',
  NO_SCHEDULE: () => 'not a schedule.json: the "schedule" member is missing or not an object',
  SCHEDULE_2: (p) =>
    `not a ${p.format} Podium reads: this is "schedule 2" (version ${p.versionJson}, events under "schedule.events"); ` +
    'Podium imports version 1, with events under "schedule.conference.days[].rooms"',
  NO_CONFERENCE: (p) => `not a ${p.format}: "schedule.conference" is missing or not an object`,
  NO_DAYS: (p) => `not a ${p.format}: "schedule.conference.days" is missing or not a list`,
  NO_DATES: (p) => `not a ${p.format}: it names no dates (conference start and end, day dates) and has no events`,
  TOO_MANY_DAYS: (p) => `not a ${p.format}: it spans ${p.start} to ${p.end}, more than ${p.max} days`,
  TOO_MANY_EVENTS: (p) => `schedule has ${p.events} events; at most ${p.max} are taken`,
  XML_ENTITIES: () => 'not a schedule.xml: it declares entities (<!ENTITY), which Podium does not read',
  XML_TOO_DEEP: () => 'not a schedule.xml: elements are nested too deeply',
  XML_UNREADABLE: (p) => `not a schedule.xml: the XML cannot be read (${p.detail})`,
  XML_NOT_WELL_FORMED: (p) => `not a schedule.xml: the text is not well-formed XML (line ${p.line}, column ${p.column}: ${p.detail})`,
  XML_ROOT: (p) => `not a schedule.xml: the root element is <${p.root}>, not <schedule>`,
  XML_NO_CONFERENCE: () => 'not a schedule.xml: <conference> is missing',
  SLUG_INVALID: () => 'slug: must be lower-case letters, digits and -, at most 63 characters',
  SLUG_TAKEN: (p) => `slug: a conference "${p.slug}" already exists; pass ?slug= to import under another name`,
  PUBLISH_INVALID: () => "publish: 'true' or 'false'",
};

/** The error code each refusal is answered with; VALIDATION (400) unless named here. */
const ERROR_CODES: Partial<Record<ImporterCode, ErrorCode>> = { TOO_MANY_EVENTS: 'PAYLOAD_TOO_LARGE', SLUG_TAKEN: 'CONFLICT' };

/** The error a refused import is thrown as: its English message, and the code and params in `details.refusal`. */
export function importRefusal<C extends ImporterCode>(code: C, params: ImportRefusalParams[C], details: ErrorDetails = { field: 'schedule' }): DomainError {
  const message = (ENGLISH[code] as (p: ImportRefusalParams[C]) => string)(params);
  return new DomainError(ERROR_CODES[code] ?? 'VALIDATION', message, { ...details, refusal: { code, params } as ImportRefusal });
}
