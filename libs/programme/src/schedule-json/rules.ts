/**
 * The rules of schedule.json that decide whether a consumer accepts a file, written down by us
 * from the published schema (C3VOC validator): patterns, required members, members allowed.
 * Export builds values that satisfy them and checks the result with `scheduleProblems`, so a
 * document that breaks one is never handed out. Import uses the same converters to repair.
 */

export const ACRONYM_PATTERN = /^[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?$/;
export const SLUG_PATTERN = /^[a-z0-9_-]+[a-z0-9]$/;
export const DURATION_PATTERN = /^[0-9]+:[0-9]{2}$/;
export const START_PATTERN = /^(0[0-9]|1[0-9]|2[0-3]):[0-5][0-9]$/;
// As the schema has it: the alternation binds loosely, so 'America/New_York' passes and 'Etc/GMT+1' fails.
export const TIME_ZONE_NAME_PATTERN = /^([A-Z][a-z]+\/[A-Z][a-z]+)|UTC$/;
export const CODE_PATTERN = /^[A-Z0-9]+$/;
export const ROOM_TYPES = ['lecturehall', 'stage', 'workshop', 'outside', 'online', 'project', 'bbb', 'hangar', 'other'] as const;
export const REFERENCE_TYPES = ['slides', 'paper', 'web', 'blog', 'article', 'media', 'related', 'activitypub'] as const;

const UUID = /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[Tt ]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:[Zz]|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/;
// Absolute URI of RFC 3986 characters only: what strict 'uri' format checkers accept.
const URI = /^[a-z][a-z0-9+.-]*:(?:[a-z0-9\-._~!$&'()*+,;=:@/?#[\]]|%[0-9a-f]{2})+$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

export function isDate(value: unknown): value is string {
  const m = typeof value === 'string' ? DATE.exec(value) : null;
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

export function isDateTime(value: unknown): value is string {
  const m = typeof value === 'string' ? DATE_TIME.exec(value) : null;
  return !!m && isDate(m[1]) && !Number.isNaN(Date.parse(value as string));
}

export function isUri(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 2000 && URI.test(value) && URL.canParse(value);
}

/** An absolute URI the schema accepts, or undefined: WHATWG-normalised, then checked. */
export function toUri(value: unknown): string | undefined {
  if (typeof value !== 'string' || !URL.canParse(value)) return undefined;
  const href = new URL(value).href;
  return isUri(href) ? href : undefined;
}

/** Folds text to the ASCII letters, digits, '_' and '-' slugs are made of ('Grüße, Kassel' -> 'grusse-kassel'). */
function asciiWords(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '-');
}

/** A slug the schema accepts made from any text, or undefined when nothing usable is left. */
export function slugify(text: string, maxLength = 120): string | undefined {
  const slug = asciiWords(text).replace(/-+/g, '-').slice(0, maxLength).replace(/^[-_]+|[-_]+$/g, '');
  return SLUG_PATTERN.test(slug) ? slug : undefined;
}

/** A slug the schema accepts, made from any text; from `fallback` when nothing usable is left. */
export function toSlug(text: string, fallback = 'item', maxLength = 120): string {
  return slugify(text, maxLength) ?? slugify(fallback, maxLength) ?? 'item';
}

/** A conference slug for Podium URLs: lower-case letters and digits joined by single '-' or '_'. */
export function toConferenceSlug(text: string, maxLength = 64): string | undefined {
  const slug = asciiWords(text)
    .replace(/[-_]{2,}/g, (run) => (run.includes('-') ? '-' : '_'))
    .slice(0, maxLength)
    .replace(/^[-_]+|[-_]+$/g, '');
  return slug || undefined;
}

/** An acronym the schema accepts: lower-case letters, digits and '_', at least four. */
export function toAcronym(text: string): string {
  if (ACRONYM_PATTERN.test(text)) return text;
  const acronym = asciiWords(text).replace(/-+/g, '_').replace(/^_+|_+$/g, '').slice(0, 64) || 'conf';
  return acronym.padEnd(4, '_');
}

/** 'HH:MM' for a number of minutes; hours may pass 24 as the schema allows. */
export function formatDuration(minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  return `${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
}

/** Minutes from 'HH:MM', 'HH:MM:SS' or frab's 'D:HH:MM'; undefined when it is none of them. */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(?:(\d+):)??(\d+):([0-5]\d)(?::([0-5]\d))?$/.exec(value.trim());
  if (!m) return undefined;
  const [days, hours, minutes, seconds] = [m[1], m[2], m[3], m[4]].map((x) => (x ? Number(x) : 0));
  return days * 1440 + hours * 60 + minutes + Math.round(seconds / 60);
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringOrNull = (v: unknown) => v === null || typeof v === 'string';

const TOP_KEYS = ['schedule', '$schema', 'generator'];
const CONFERENCE_KEYS = [
  'acronym', 'title', 'description', 'start', 'end', 'daysCount', 'timeslot_duration', 'time_zone_name',
  'logo', 'colors', 'keywords', 'url', 'tracks', 'rooms', 'meta', 'days',
];
const DAY_KEYS = ['index', 'date', 'day_start', 'day_end', 'rooms'];
const EVENT_KEYS = [
  'guid', 'code', 'id', 'logo', 'date', 'start', 'end', 'duration', 'room', 'slug', 'url', 'title', 'subtitle',
  'track', 'type', 'language', 'abstract', 'description', 'recording_license', 'do_not_record', 'do_not_stream',
  'persons', 'links', 'feedback_url', 'origin_url', 'attachments',
];
const EVENT_REQUIRED = [
  'abstract', 'date', 'duration', 'guid', 'id', 'language', 'links', 'persons', 'room', 'slug', 'start', 'subtitle',
  'title', 'track', 'type', 'url',
];
const ROOM_KEYS = ['name', 'slug', 'type', 'guid', 'stream_id', 'description', 'capacity', 'url', 'features', 'assembly'];

/** Members of an event object the format defines; anything else is a stranger to consumers. */
export const KNOWN_EVENT_KEYS: ReadonlySet<string> = new Set(EVENT_KEYS);

function extraKeys(value: Json, allowed: readonly string[], path: string, out: string[], pattern?: RegExp): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key) && !(pattern && pattern.test(key))) out.push(`${path}.${key}: not allowed here`);
  }
}

function references(value: unknown, path: string, out: string[]): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) return void out.push(`${path}: must be an array`);
  value.forEach((ref, i) => {
    if (!isObject(ref)) return void out.push(`${path}[${i}]: must be an object`);
    extraKeys(ref, ['type', 'url', 'title'], `${path}[${i}]`, out);
    if (!isUri(ref.url)) out.push(`${path}[${i}].url: must be a URI`);
    if (ref.type !== undefined && !(REFERENCE_TYPES as readonly unknown[]).includes(ref.type)) out.push(`${path}[${i}].type: unknown`);
    if (ref.title !== undefined && typeof ref.title !== 'string') out.push(`${path}[${i}].title: must be a string`);
  });
}

function person(value: unknown, path: string, out: string[]): void {
  if (!isObject(value)) return void out.push(`${path}: must be an object`);
  if (value.name !== undefined && typeof value.name !== 'string') out.push(`${path}.name: must be a string`);
  if (value.public_name !== undefined && typeof value.public_name !== 'string') out.push(`${path}.public_name: must be a string`);
  if (value.guid !== undefined && !isUuid(value.guid)) out.push(`${path}.guid: must be a UUID`);
  if (value.id !== undefined && !Number.isInteger(value.id)) out.push(`${path}.id: must be an integer`);
  if (value.url !== undefined && !isUri(value.url)) out.push(`${path}.url: must be a URI`);
  references(value.links, `${path}.links`, out);
  // Exactly one of the two person shapes must match: frab's (public_name and integer id) or pretalx's (name).
  const frab = typeof value.public_name === 'string' && Number.isInteger(value.id);
  const pretalx =
    typeof value.name === 'string' &&
    (value.code === undefined || (typeof value.code === 'string' && CODE_PATTERN.test(value.code))) &&
    (value.avatar === undefined || value.avatar === null || isUri(value.avatar)) &&
    (value.biography === undefined || isStringOrNull(value.biography));
  if (frab === pretalx) out.push(`${path}: must be either a frab person (public_name, integer id) or a pretalx person (name), not ${frab ? 'both' : 'neither'}`);
}

function event(value: unknown, path: string, out: string[]): void {
  if (!isObject(value)) return void out.push(`${path}: must be an object`);
  extraKeys(value, EVENT_KEYS, path, out);
  for (const key of EVENT_REQUIRED) if (!(key in value)) out.push(`${path}.${key}: required`);
  if (!isUuid(value.guid)) out.push(`${path}.guid: must be a UUID`);
  if (!Number.isInteger(value.id) || (value.id as number) < 1) out.push(`${path}.id: must be an integer >= 1`);
  if (!isDateTime(value.date)) out.push(`${path}.date: must be a date-time with offset`);
  if (value.end !== undefined && !isDateTime(value.end)) out.push(`${path}.end: must be a date-time with offset`);
  if (typeof value.start !== 'string' || !START_PATTERN.test(value.start)) out.push(`${path}.start: must be 'HH:MM'`);
  if (typeof value.duration !== 'string' || !DURATION_PATTERN.test(value.duration)) out.push(`${path}.duration: must be 'HH:MM'`);
  if (typeof value.room !== 'string') out.push(`${path}.room: must be a string`);
  if (typeof value.slug !== 'string' || !SLUG_PATTERN.test(value.slug)) out.push(`${path}.slug: must match ${SLUG_PATTERN}`);
  if (value.code !== undefined && (typeof value.code !== 'string' || !CODE_PATTERN.test(value.code))) out.push(`${path}.code: must match ${CODE_PATTERN}`);
  for (const key of ['url', 'feedback_url', 'origin_url']) {
    if ((key === 'url' || value[key] !== undefined) && !isUri(value[key])) out.push(`${path}.${key}: must be a URI`);
  }
  if (typeof value.title !== 'string') out.push(`${path}.title: must be a string`);
  if (typeof value.type !== 'string') out.push(`${path}.type: must be a string`);
  for (const key of ['subtitle', 'track', 'language', 'abstract']) if (!isStringOrNull(value[key])) out.push(`${path}.${key}: must be a string or null`);
  if (value.description !== undefined && !isStringOrNull(value.description)) out.push(`${path}.description: must be a string or null`);
  if (value.recording_license !== undefined && typeof value.recording_license !== 'string') out.push(`${path}.recording_license: must be a string`);
  if (value.do_not_record !== undefined && value.do_not_record !== null && typeof value.do_not_record !== 'boolean') out.push(`${path}.do_not_record: must be a boolean`);
  if (value.do_not_stream !== undefined && !['boolean', 'string'].includes(typeof value.do_not_stream) && value.do_not_stream !== null) out.push(`${path}.do_not_stream: must be a boolean`);
  if (!Array.isArray(value.persons)) out.push(`${path}.persons: must be an array`);
  else value.persons.forEach((p, i) => person(p, `${path}.persons[${i}]`, out));
  if (!Array.isArray(value.links)) out.push(`${path}.links: must be an array`);
  references(value.links, `${path}.links`, out);
  references(value.attachments, `${path}.attachments`, out);
}

function room(value: unknown, path: string, out: string[]): void {
  if (!isObject(value)) return void out.push(`${path}: must be an object`);
  extraKeys(value, ROOM_KEYS, path, out, /^description_.+/);
  if (typeof value.name !== 'string') out.push(`${path}.name: required string`);
  if (!isUuid(value.guid)) out.push(`${path}.guid: must be a UUID`);
  if (value.slug !== undefined && (typeof value.slug !== 'string' || !SLUG_PATTERN.test(value.slug))) out.push(`${path}.slug: must match ${SLUG_PATTERN}`);
  if (value.type !== undefined && !(ROOM_TYPES as readonly unknown[]).includes(value.type)) out.push(`${path}.type: must be one of ${ROOM_TYPES.join(', ')}`);
  if (value.capacity !== undefined && value.capacity !== null && typeof value.capacity !== 'number') out.push(`${path}.capacity: must be a number or null`);
  if (value.url !== undefined && !isUri(value.url)) out.push(`${path}.url: must be a URI`);
}

function day(value: unknown, path: string, out: string[]): void {
  if (!isObject(value)) return void out.push(`${path}: must be an object`);
  extraKeys(value, DAY_KEYS, path, out);
  if (!Number.isInteger(value.index)) out.push(`${path}.index: must be an integer`);
  if (!isDate(value.date)) out.push(`${path}.date: must be a date`);
  if (!isDateTime(value.day_start)) out.push(`${path}.day_start: must be a date-time`);
  if (!isDateTime(value.day_end)) out.push(`${path}.day_end: must be a date-time`);
  if (!isObject(value.rooms)) return void out.push(`${path}.rooms: must be an object`);
  for (const [name, events] of Object.entries(value.rooms)) {
    if (!Array.isArray(events)) out.push(`${path}.rooms.${name}: must be an array`);
    else events.forEach((e, i) => event(e, `${path}.rooms[${JSON.stringify(name)}][${i}]`, out));
  }
}

/** Every way a document breaks the schedule.json rules, as 'path: problem'; empty when it keeps them all. */
export function scheduleProblems(doc: unknown): string[] {
  const out: string[] = [];
  if (!isObject(doc)) return ['(root): must be an object'];
  extraKeys(doc, TOP_KEYS, '(root)', out);
  if (doc.$schema !== undefined && typeof doc.$schema !== 'string') out.push('$schema: must be a string');
  if (doc.generator !== undefined) {
    if (!isObject(doc.generator)) out.push('generator: must be an object');
    else if (doc.generator.url !== undefined && !isUri(doc.generator.url)) out.push('generator.url: must be a URI');
  }
  const schedule = doc.schedule;
  if (!isObject(schedule)) return [...out, 'schedule: required object'];
  if (typeof schedule.version !== 'string') out.push('schedule.version: required string');
  if ('rooms' in schedule) out.push('schedule.rooms: not allowed (rooms belong to the conference)');
  if (schedule.base_url !== undefined && !isUri(schedule.base_url)) out.push('schedule.base_url: must be a URI');
  const c = schedule.conference;
  if (!isObject(c)) return [...out, 'schedule.conference: required object'];
  const path = 'schedule.conference';
  extraKeys(c, CONFERENCE_KEYS, path, out);
  for (const key of ['title', 'acronym', 'days', 'daysCount', 'start', 'end', 'timeslot_duration']) if (!(key in c)) out.push(`${path}.${key}: required`);
  if (typeof c.acronym !== 'string' || !ACRONYM_PATTERN.test(c.acronym)) out.push(`${path}.acronym: must match ${ACRONYM_PATTERN}`);
  for (const key of ['title', 'start', 'end', 'timeslot_duration']) if (typeof c[key] !== 'string') out.push(`${path}.${key}: must be a string`);
  if (c.description !== undefined && typeof c.description !== 'string') out.push(`${path}.description: must be a string`);
  if (!Number.isInteger(c.daysCount)) out.push(`${path}.daysCount: must be an integer`);
  if (c.time_zone_name !== undefined && (typeof c.time_zone_name !== 'string' || !TIME_ZONE_NAME_PATTERN.test(c.time_zone_name))) {
    out.push(`${path}.time_zone_name: must match ${TIME_ZONE_NAME_PATTERN}`);
  }
  for (const key of ['url', 'logo']) if (c[key] !== undefined && !isUri(c[key])) out.push(`${path}.${key}: must be a URI`);
  if (c.meta !== undefined && !isObject(c.meta)) out.push(`${path}.meta: must be an object`);
  if (c.tracks !== undefined) {
    if (!Array.isArray(c.tracks)) out.push(`${path}.tracks: must be an array`);
    else
      c.tracks.forEach((t, i) => {
        if (!isObject(t)) return void out.push(`${path}.tracks[${i}]: must be an object`);
        if (t.name !== undefined && typeof t.name !== 'string') out.push(`${path}.tracks[${i}].name: must be a string`);
        if (t.slug !== undefined && (typeof t.slug !== 'string' || !SLUG_PATTERN.test(t.slug))) out.push(`${path}.tracks[${i}].slug: must match ${SLUG_PATTERN}`);
        if (t.color !== undefined && typeof t.color !== 'string') out.push(`${path}.tracks[${i}].color: must be a string`);
      });
  }
  if (c.rooms !== undefined) {
    if (!Array.isArray(c.rooms)) out.push(`${path}.rooms: must be an array`);
    else c.rooms.forEach((r, i) => room(r, `${path}.rooms[${i}]`, out));
  }
  if (!Array.isArray(c.days)) out.push(`${path}.days: must be an array`);
  else c.days.forEach((d, i) => day(d, `${path}.days[${i}]`, out));
  return out;
}
