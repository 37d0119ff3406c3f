/**
 * Validation at the door of the domain: every write is checked here, with messages that name
 * the field, and comes back normalised (defaults filled, instants canonical). Throws
 * DomainError('VALIDATION', message, { field, rule, params }) on the first problem (rules: @podium/contracts ValidationRule).
 */
import { DomainError, type ValidationRule, type ValidationRuleParams } from '@podium/contracts';
import {
  CONFERENCE_FORMATS,
  DEFAULT_LANGUAGE,
  DEFAULT_TIMEZONE,
  LIMITS,
  PERSON_ROLES,
  ROOM_KINDS,
  SESSION_KINDS,
  SESSION_STATUSES,
  type Conference,
  type Instant,
  type Person,
  type Programme,
  type Room,
  type Session,
  type SessionPerson,
  type Track,
} from './model';
import { conferenceDays, DAY_CHANGE_PATTERN, isInstant, isLocalDate, isLocalTime, isValidTimeZone, toInstant, toMs, zonedToUtc } from './time';

const MINUTE = 60_000;
const ID_PATTERN = /^[^\s\x00-\x1f\x7f]+$/u;
const SLUG_PATTERN = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
// Session slugs follow schedule.json's rule, so every slug a real export carries is kept.
const SESSION_SLUG_PATTERN = /^[a-z0-9_-]+[a-z0-9]$/;
const LANGUAGE_PATTERN = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;
// Control characters other than tab and newlines never belong in programme text.
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;
const LINE_BREAK = /[\r\n]/;

/** Refuses a field: the English `message` for the api and the CLI, the rule and its params for clients to word it. */
function fail<R extends ValidationRule>(field: string, message: string, rule: R, ...params: ValidationRuleParams[R] extends Record<string, never> ? [] : [ValidationRuleParams[R]]): never {
  throw new DomainError('VALIDATION', `${field}: ${message}`, { field, rule, params: params[0] ?? {} });
}

function text(value: unknown, field: string, max: number, options: { required?: boolean; multiline?: boolean } = {}): string | undefined {
  if (value === undefined || value === null || value === '') {
    if (options.required) fail(field, 'is required', 'required');
    return undefined;
  }
  if (typeof value !== 'string') fail(field, 'must be a string', 'not-text');
  if (options.required && value.trim() === '') fail(field, 'must not be blank', 'blank');
  if (value.length > max) fail(field, `must be at most ${max} characters (got ${value.length})`, 'too-long', { max, length: value.length });
  if (CONTROL.test(value) || (!options.multiline && LINE_BREAK.test(value))) fail(field, 'contains control characters', 'control-characters');
  return value;
}

function required(value: unknown, field: string, max: number, multiline = false): string {
  return text(value, field, max, { required: true, multiline }) as string;
}

function id(value: unknown, field: string): string {
  const v = required(value, field, LIMITS.id);
  if (!ID_PATTERN.test(v)) fail(field, 'must not contain spaces or control characters', 'id-format');
  return v;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string, fallback?: T): T {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) fail(field, `must be one of ${allowed.join(', ')}`, 'one-of', { allowed: [...allowed] });
  return value as T;
}

function integer(value: unknown, field: string, min: number, max: number, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(field, `must be a whole number from ${min} to ${max}`, 'whole-number', { min, max });
  }
  return value;
}

function optionalInteger(value: unknown, field: string, min: number, max: number): number | undefined {
  return value === undefined || value === null ? undefined : integer(value, field, min, max);
}

function bool(value: unknown, field: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') fail(field, 'must be true or false', 'boolean');
  return value;
}

function guid(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !UUID_PATTERN.test(value)) fail(field, 'must be a UUID', 'uuid');
  return value.toLowerCase();
}

function url(value: unknown, field: string): string | undefined {
  const v = text(value, field, LIMITS.url);
  if (v === undefined) return undefined;
  if (!/^https?:\/\/[^\s]+$/i.test(v) || !URL.canParse(v)) fail(field, 'must be an absolute http(s) URL', 'url');
  return v;
}

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)$/;

/**
 * A time as a client sends it: an ISO instant with a zone ('2020-10-25T01:30:00+02:00'), or a
 * wall time without one ('2020-10-25T01:30') read in the conference zone, where a repeated hour
 * means its first occurrence and a missing one moves forward by the gap (see zonedToUtc).
 */
export function instantFromInput(value: unknown, timeZone: string, field: string): Instant {
  if (isInstant(value)) return toInstant(toMs(value));
  const m = typeof value === 'string' ? LOCAL_DATE_TIME.exec(value) : null;
  if (!m || !isLocalDate(m[1]) || !isLocalTime(m[2])) {
    fail(field, `must be an ISO 8601 instant with a zone (2020-10-25T01:30:00+02:00) or a local time in ${timeZone} (2020-10-25T01:30)`, 'time-input', { zone: timeZone });
  }
  return zonedToUtc(m[1], m[2], timeZone);
}

/** Drops keys whose value is undefined, so normalised objects compare and serialise cleanly. */
function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) if (value[key] === undefined) delete value[key];
  return value;
}

export function validateConference(input: Conference, field = 'conference'): Conference {
  const timezone = input.timezone ?? DEFAULT_TIMEZONE;
  if (!isValidTimeZone(timezone)) fail(`${field}.timezone`, `"${String(timezone)}" is not an IANA timezone`, 'timezone', { value: String(timezone) });
  if (!isLocalDate(input.startDate)) fail(`${field}.startDate`, "must be a date 'YYYY-MM-DD'", 'date');
  if (!isLocalDate(input.endDate)) fail(`${field}.endDate`, "must be a date 'YYYY-MM-DD'", 'date');
  if (input.endDate < input.startDate) fail(`${field}.endDate`, 'must not be before startDate', 'end-date-before-start');
  if (conferenceDays(input).length > LIMITS.conferenceDays) fail(`${field}.endDate`, `a conference lasts at most ${LIMITS.conferenceDays} days`, 'too-many-days', { max: LIMITS.conferenceDays });
  const slug = required(input.slug, `${field}.slug`, LIMITS.slug);
  if (!SLUG_PATTERN.test(slug)) fail(`${field}.slug`, 'must be lower-case letters and digits, joined by - or _', 'conference-slug');
  return compact({
    id: id(input.id, `${field}.id`),
    slug,
    title: required(input.title, `${field}.title`, LIMITS.title),
    timezone,
    startDate: input.startDate,
    endDate: input.endDate,
    format: oneOf(input.format, CONFERENCE_FORMATS, `${field}.format`),
    venue: text(input.venue, `${field}.venue`, LIMITS.venue),
    allowGuests: bool(input.allowGuests, `${field}.allowGuests`, false),
    description: text(input.description, `${field}.description`, LIMITS.description, { multiline: true }),
    url: url(input.url, `${field}.url`),
    dayChange: dayChange(input.dayChange, `${field}.dayChange`),
  });
}

/** '00:00' is the same as none, so it is not kept (one way to say "days end at midnight"). */
function dayChange(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null || value === '00:00') return undefined;
  if (typeof value !== 'string' || !DAY_CHANGE_PATTERN.test(value)) fail(field, "must be a time 'HH:MM' before noon, e.g. '04:00'", 'day-change');
  return value;
}

export function validateRoom(input: Room, field = 'room'): Room {
  return compact({
    id: id(input.id, `${field}.id`),
    name: required(input.name, `${field}.name`, LIMITS.name),
    kind: oneOf(input.kind, ROOM_KINDS, `${field}.kind`),
    capacity: optionalInteger(input.capacity, `${field}.capacity`, 1, 1_000_000),
    changeoverMinutes: integer(input.changeoverMinutes, `${field}.changeoverMinutes`, 0, LIMITS.changeoverMinutes, 0),
    position: integer(input.position, `${field}.position`, -1_000_000, 1_000_000, 0),
    guid: guid(input.guid, `${field}.guid`),
  });
}

export function validateTrack(input: Track, field = 'track'): Track {
  if (input.color !== undefined && (typeof input.color !== 'string' || !COLOR_PATTERN.test(input.color))) {
    fail(`${field}.color`, "must be a colour '#rrggbb'", 'colour');
  }
  return compact({ id: id(input.id, `${field}.id`), name: required(input.name, `${field}.name`, LIMITS.name), color: input.color });
}

export function validatePerson(input: Person, field = 'person'): Person {
  return compact({
    id: id(input.id, `${field}.id`),
    name: required(input.name, `${field}.name`, LIMITS.name),
    function: text(input.function, `${field}.function`, LIMITS.function),
    organisation: text(input.organisation, `${field}.organisation`, LIMITS.organisation),
    biography: text(input.biography, `${field}.biography`, LIMITS.biography, { multiline: true }),
    guid: guid(input.guid, `${field}.guid`),
  });
}

/** A session as a client may send it: the fields with a default may be left out. */
export type SessionInput = Omit<Session, 'language' | 'people' | 'livestream' | 'recordingConsent' | 'status' | 'delayMinutes'> &
  Partial<Pick<Session, 'language' | 'people' | 'livestream' | 'recordingConsent' | 'status' | 'delayMinutes'>>;

export interface SessionWriteOptions {
  /** 'create' refuses an id in use, 'update' an unknown id; 'upsert' (default) takes either. */
  mode?: 'create' | 'update' | 'upsert';
  /** Field prefix for messages, e.g. 'sessions[3]'. */
  field?: string;
}

/** The ids a session may refer to; built once when many sessions are checked together. */
export interface ReferenceIndex {
  rooms: ReadonlySet<string>;
  tracks: ReadonlySet<string>;
  people: ReadonlySet<string>;
  sessions: ReadonlySet<string>;
}

export function referenceIndex(programme: Pick<Programme, 'rooms' | 'tracks' | 'people' | 'sessions'>): ReferenceIndex {
  return {
    rooms: new Set(programme.rooms.map((r) => r.id)),
    tracks: new Set(programme.tracks.map((t) => t.id)),
    people: new Set(programme.people.map((p) => p.id)),
    sessions: new Set(programme.sessions.map((s) => s.id)),
  };
}

function people(value: unknown, known: ReadonlySet<string>, field: string): SessionPerson[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(field, 'must be a list', 'list');
  if (value.length > LIMITS.peoplePerSession) fail(field, `at most ${LIMITS.peoplePerSession} people per session`, 'too-many-people', { max: LIMITS.peoplePerSession });
  const seen = new Set<string>();
  return value.map((p: SessionPerson, i) => {
    const personId = id(p?.personId, `${field}[${i}].personId`);
    if (!known.has(personId)) fail(`${field}[${i}].personId`, `unknown person ${personId}`, 'unknown-person', { id: personId });
    const role = oneOf(p.role, PERSON_ROLES, `${field}[${i}].role`);
    if (seen.has(`${personId}/${role}`)) fail(`${field}[${i}]`, `person ${personId} is listed twice as ${role}`, 'person-twice', { id: personId, role });
    seen.add(`${personId}/${role}`);
    return { personId, role };
  });
}

/** Checks a session before it is written into the programme; returns it normalised. */
export function validateSessionWrite(
  programme: Pick<Programme, 'rooms' | 'tracks' | 'people' | 'sessions'> | ReferenceIndex,
  input: SessionInput,
  options: SessionWriteOptions = {},
): Session {
  const known = programme.rooms instanceof Set ? (programme as ReferenceIndex) : referenceIndex(programme as Programme);
  const f = (name: string) => (options.field ? `${options.field}.${name}` : name);
  const sessionId = id(input.id, f('id'));
  const mode = options.mode ?? 'upsert';
  const exists = known.sessions.has(sessionId);
  if (mode === 'create' && exists) fail(f('id'), `a session with id ${sessionId} already exists`, 'id-taken', { id: sessionId });
  if (mode === 'update' && !exists) throw new DomainError('NOT_FOUND', `no session with id ${sessionId}`, { field: f('id') });
  if (!isInstant(input.start)) fail(f('start'), 'must be an ISO 8601 instant with a zone, e.g. 2018-08-27T10:00:00Z', 'instant');
  if (!isInstant(input.end)) fail(f('end'), 'must be an ISO 8601 instant with a zone, e.g. 2018-08-27T11:00:00Z', 'instant');
  const start = toMs(input.start);
  const end = toMs(input.end);
  if (end <= start) fail(f('end'), 'must be after start', 'end-not-after-start');
  if (end - start > LIMITS.sessionDuration * MINUTE) fail(f('end'), `a session may last at most ${LIMITS.sessionDuration} minutes`, 'too-long-session', { maxMinutes: LIMITS.sessionDuration });
  if (input.roomId !== undefined && !known.rooms.has(input.roomId)) fail(f('roomId'), `unknown room ${String(input.roomId)}`, 'unknown-room', { id: String(input.roomId) });
  if (input.trackId !== undefined && !known.tracks.has(input.trackId)) fail(f('trackId'), `unknown track ${String(input.trackId)}`, 'unknown-track', { id: String(input.trackId) });
  const language = typeof input.language === 'string' ? input.language.toLowerCase() : input.language ?? DEFAULT_LANGUAGE;
  if (typeof language !== 'string' || language.length > 35 || !LANGUAGE_PATTERN.test(language)) fail(f('language'), "must be a language tag such as 'de' or 'en'", 'language-tag');
  const slug = text(input.slug, f('slug'), LIMITS.sessionSlug);
  if (slug !== undefined && !SESSION_SLUG_PATTERN.test(slug)) fail(f('slug'), 'must be lower-case letters, digits, - and _, ending in a letter or digit', 'session-slug');
  return compact({
    id: sessionId,
    kind: oneOf(input.kind, SESSION_KINDS, f('kind')),
    title: required(input.title, f('title'), LIMITS.title),
    subtitle: text(input.subtitle, f('subtitle'), LIMITS.subtitle),
    abstract: text(input.abstract, f('abstract'), LIMITS.abstract, { multiline: true }),
    description: text(input.description, f('description'), LIMITS.description, { multiline: true }),
    language,
    start: toInstant(start),
    end: toInstant(end),
    roomId: input.roomId,
    trackId: input.trackId,
    people: people(input.people, known.people, f('people')),
    capacity: optionalInteger(input.capacity, f('capacity'), 1, 1_000_000),
    livestream: bool(input.livestream, f('livestream'), false),
    recordingConsent: bool(input.recordingConsent, f('recordingConsent'), false),
    status: oneOf(input.status, SESSION_STATUSES, f('status'), 'scheduled'),
    delayMinutes: integer(input.delayMinutes, f('delayMinutes'), 0, LIMITS.delayMinutes, 0),
    guid: guid(input.guid, f('guid')),
    scheduleId: optionalInteger(input.scheduleId, f('scheduleId'), 1, LIMITS.scheduleId),
    slug,
    url: url(input.url, f('url')),
    eventType: text(input.eventType, f('eventType'), LIMITS.eventType),
    recordingUrl: url(input.recordingUrl, f('recordingUrl')),
    feedbackUrl: url(input.feedbackUrl, f('feedbackUrl')),
  });
}

function unique<T>(items: readonly T[], key: (item: T) => string | undefined, field: string, what: string): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const k = key(item);
    if (k === undefined) return;
    if (seen.has(k)) fail(`${field}[${i}].${what}`, `duplicate ${what} ${k}`, 'duplicate', { what, value: k });
    seen.add(k);
  });
}

/** A whole programme (e.g. after import or before export): every part valid, ids unique, references known. */
export function validateProgramme(programme: Programme): Programme {
  const conference = validateConference(programme.conference);
  const rooms = programme.rooms.map((r, i) => validateRoom(r, `rooms[${i}]`));
  const tracks = programme.tracks.map((t, i) => validateTrack(t, `tracks[${i}]`));
  const people = programme.people.map((p, i) => validatePerson(p, `people[${i}]`));
  unique(rooms, (r) => r.id, 'rooms', 'id');
  unique(rooms, (r) => r.guid, 'rooms', 'guid');
  unique(tracks, (t) => t.id, 'tracks', 'id');
  unique(people, (p) => p.id, 'people', 'id');
  unique(programme.sessions, (s) => s.id, 'sessions', 'id');
  unique(programme.sessions, (s) => s.guid?.toLowerCase(), 'sessions', 'guid');
  const index = referenceIndex({ rooms, tracks, people, sessions: [] });
  const sessions = programme.sessions.map((s, i) => validateSessionWrite(index, s, { field: `sessions[${i}]` }));
  return { conference, rooms, tracks, sessions, people };
}
