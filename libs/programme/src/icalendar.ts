/**
 * iCalendar (RFC 5545) feed of sessions: one VEVENT per session with times in UTC ('Z'), so no
 * VTIMEZONE is needed; X-WR-TIMEZONE tells clients which zone to show. Text is escaped, lines are
 * folded at 75 octets without splitting a UTF-8 character, and every line ends in CRLF.
 */
import { shownEndMs, shownStartMs } from './delay';
import type { Conference, Person, PersonRole, Room, Session, TimeInput, Track } from './model';
import { toMs } from './time';

export interface ICalendarInput {
  conference: Conference;
  sessions: readonly Session[];
  rooms: readonly Room[];
  people: readonly Person[];
  tracks?: readonly Track[];
}

export interface ICalendarOptions {
  /** Domain part of every UID ('<session id>@<domain>'), so UIDs stay stable across feeds. */
  domain: string;
  /** DTSTAMP of every event; the current time when left out. */
  dtstamp?: TimeInput;
  /** Link to a session's page, if there is one. */
  sessionUrl?: (session: Session) => string | undefined;
  /** X-WR-CALNAME; the conference title by default. */
  calendarName?: string;
  /** Language of the few labels the feed writes ('Moderation: ...'); German by default. */
  locale?: 'de' | 'en';
}

const LABELS: Record<'de' | 'en', Record<PersonRole, string>> = {
  de: { moderator: 'Moderation', speaker: 'Mit', interpreter: 'Dolmetschung', captioner: 'Schriftdolmetschung' },
  en: { moderator: 'Moderation', speaker: 'With', interpreter: 'Interpretation', captioner: 'Live captions' },
};

/** Every way text can say "new line": CRLF, CR, LF, NEL and the Unicode line and paragraph separators. */
const LINE_BREAK = /\r\n|[\r\n\u0085\u2028\u2029]/g;
/** Controls RFC 5545 forbids in TEXT (tab stays), and C1 controls that parsers drop or split lines on. */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]/g;

/** TEXT value escaping (RFC 5545 3.3.11): line breaks become \n, other controls go, then \ ; , are escaped. */
export function escapeText(value: string): string {
  return value
    .replace(LINE_BREAK, '\n')
    .replace(CONTROL, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** Folds one content line into chunks of at most 75 octets; continuation lines start with a space. */
export function foldLine(line: string): string {
  const chunks: string[] = [];
  let chunk = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) as number);
    if (octets + size > limit) {
      chunks.push(chunk);
      chunk = '';
      octets = 0;
      limit = 74; // the leading space of a continuation line counts towards its 75 octets
    }
    chunk += char;
    octets += size;
  }
  chunks.push(chunk);
  return chunks.join('\r\n ');
}

/** 'YYYYMMDDTHHMMSSZ'. */
export function formatUtc(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function isUri(value: string | undefined): value is string {
  return !!value && /^[a-z][a-z0-9+.-]*:[^\s]+$/i.test(value) && URL.canParse(value);
}

function description(session: Session, people: ReadonlyMap<string, Person>, locale: 'de' | 'en'): string {
  const parts: string[] = [];
  if (session.subtitle) parts.push(session.subtitle);
  if (session.abstract) parts.push(session.abstract);
  const lines: string[] = [];
  for (const role of ['moderator', 'speaker', 'interpreter'] as const) {
    const names = session.people
      .filter((p) => p.role === role)
      .map((p) => people.get(p.personId))
      .filter((p): p is Person => !!p)
      .map((p) => (p.function || p.organisation ? `${p.name} (${[p.function, p.organisation].filter(Boolean).join(', ')})` : p.name));
    if (names.length) lines.push(`${LABELS[locale][role]}: ${names.join('; ')}`);
  }
  if (lines.length) parts.push(lines.join('\n'));
  return parts.join('\n\n');
}

function event(session: Session, input: ICalendarInput, maps: Maps, options: ICalendarOptions, dtstamp: string): string[] {
  const room = session.roomId ? maps.rooms.get(session.roomId) : undefined;
  const track = session.trackId ? maps.tracks.get(session.trackId) : undefined;
  const venue = input.conference.format === 'digital' ? undefined : input.conference.venue;
  const location = [room?.name, venue].filter(Boolean).join(', ');
  const text = description(session, maps.people, options.locale ?? 'de');
  const url = options.sessionUrl?.(session);
  const categories = [session.kind, track?.name].filter((c): c is string => !!c).map(escapeText).join(',');
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(`${session.id}@${options.domain}`)}`,
    `DTSTAMP:${dtstamp}`,
    `DTSTART:${formatUtc(shownStartMs(session))}`,
    `DTEND:${formatUtc(shownEndMs(session))}`,
    `SUMMARY:${escapeText(session.title)}`,
  ];
  if (text) lines.push(`DESCRIPTION:${escapeText(text)}`);
  if (location) lines.push(`LOCATION:${escapeText(location)}`);
  if (isUri(url)) lines.push(`URL:${url}`);
  lines.push(`CATEGORIES:${categories}`);
  lines.push(`STATUS:${session.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`);
  lines.push('END:VEVENT');
  return lines;
}

interface Maps {
  rooms: ReadonlyMap<string, Room>;
  tracks: ReadonlyMap<string, Track>;
  people: ReadonlyMap<string, Person>;
}

/** The whole VCALENDAR text for these sessions, in start order. */
export function toICalendar(input: ICalendarInput, options: ICalendarOptions): string {
  return toICalendarFeed([input], { ...options, calendarName: options.calendarName ?? input.conference.title, timeZone: input.conference.timezone });
}

/**
 * One calendar over the sessions of several conferences (a person's bookmarks across events):
 * every conference's events, in start order, under one name.
 */
export function toICalendarFeed(inputs: readonly ICalendarInput[], options: ICalendarOptions & { calendarName: string; timeZone?: string }): string {
  const dtstamp = formatUtc(options.dtstamp === undefined ? Date.now() : toMs(options.dtstamp));
  const events = inputs.flatMap((input) => {
    const maps: Maps = {
      rooms: new Map(input.rooms.map((r) => [r.id, r])),
      tracks: new Map((input.tracks ?? []).map((t) => [t.id, t])),
      people: new Map(input.people.map((p) => [p.id, p])),
    };
    return input.sessions.map((session) => ({ session, lines: () => event(session, input, maps, options, dtstamp) }));
  });
  events.sort((a, b) => shownStartMs(a.session) - shownStartMs(b.session) || (a.session.id < b.session.id ? -1 : 1));
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Podium//Programme//DE',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.calendarName)}`,
    ...(options.timeZone ? [`X-WR-TIMEZONE:${options.timeZone}`] : []),
    ...events.flatMap((e) => e.lines()),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
