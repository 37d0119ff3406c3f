/**
 * schedule.json -> programme, liberal in what it takes: real frab and pretalx exports, including
 * those the schema flags (text ids, odd acronyms and slugs, extra members, persons without a
 * name). Every change it had to make is reported per item. A file that is not a schedule at all
 * is refused whole (`importRefusal`: a code and params for the web, English for the api); nothing is ever half-imported.
 */
import { CONFERENCE_FORMATS, DEFAULT_LANGUAGE, DEFAULT_TIMEZONE, LIMITS, type Conference, type ConferenceFormat, type Programme } from '../model';
import { addDays, DAY_CHANGE_PATTERN, isInstant, isLocalDate, isValidTimeZone, localDateOf, localTimeOf, programmeDateOf, toMs } from '../time';
import { validateProgramme } from '../validate';
import { clean, Importer, isObject, type ImportReportEntry, type Json } from './importer';
import { reportEntry } from './report';
import { importRefusal } from './refusals';
import { looksLikeXml, scheduleXmlToDocument } from './xml-import';
import { isUri, parseDuration, toConferenceSlug } from './rules';

export type { ImportAction, ImportReportEntry } from './importer';
export { reportEntry } from './report';
export { importRefusal } from './refusals';

export interface ImportOptions {
  /** Id of the conference to create; the acronym's slug by default. */
  conferenceId?: string;
  /** Zone used when the file names none that Intl knows; Europe/Berlin by default. */
  defaultTimeZone?: string;
  /** Language used for events that name none; 'de' by default. */
  defaultLanguage?: string;
  /** More events than this are refused (PAYLOAD_TOO_LARGE); 20,000 by default. */
  maxEvents?: number;
}

export interface ImportResult {
  programme: Programme;
  report: ImportReportEntry[];
}

type Format = 'schedule.json' | 'schedule.xml';

const TOP_LEVEL = ['$schema', 'generator', 'schedule'];

/** The one reading of a file for every way in (HTTP body or CLI text): same checks, same messages. */
function parse(json: unknown): { doc: Json; format: Format } {
  let doc = json;
  const format: Format = typeof json === 'string' && looksLikeXml(json) ? 'schedule.xml' : 'schedule.json';
  // schedule.xml (frab and pretalx publish both) becomes the document it describes; the rest is one path.
  if (format === 'schedule.xml') doc = scheduleXmlToDocument(json as string);
  else if (typeof json === 'string') {
    try {
      // A UTF-8 byte order mark is what editors on Windows write; HTTP's JSON parser drops it too.
      doc = JSON.parse(json.replace(/^\uFEFF/, ''));
    } catch (e) {
      throw importRefusal('NOT_JSON', { detail: (e as Error).message });
    }
  }
  if (!isObject(doc)) throw importRefusal('NOT_AN_OBJECT', {});
  if (!isObject(doc.schedule)) throw importRefusal('NO_SCHEDULE', {});
  const { version } = doc.schedule;
  // schedule.xml's <version> names the programme's version only; a version 2 there says nothing about the format.
  if (Array.isArray(doc.schedule.events) || (format === 'schedule.json' && typeof version === 'string' && /^2(\.|$)/.test(version.trim()))) {
    throw importRefusal('SCHEDULE_2', { format, versionJson: JSON.stringify(version ?? null) }, { field: 'schedule.version', version: version ?? null });
  }
  if (!isObject(doc.schedule.conference)) throw importRefusal('NO_CONFERENCE', { format });
  if (!Array.isArray(doc.schedule.conference.days)) throw importRefusal('NO_DAYS', { format });
  return { doc, format };
}

function readDate(value: unknown, timeZone: string): string | undefined {
  if (isLocalDate(value)) return value;
  if (typeof value === 'string' && isInstant(value)) return localDateOf(value, timeZone);
  return undefined;
}

function countEvents(days: unknown[]): number {
  let n = 0;
  for (const day of days) if (isObject(day) && isObject(day.rooms)) for (const list of Object.values(day.rooms)) if (Array.isArray(list)) n += list.length;
  return n;
}

/**
 * The source's day change: meta.day_change as we write it, else from its night sessions (listed
 * under the day before): that day's end when it comes after them, else the hour after the last.
 */
function dayChangeOf(stated: unknown, nights: Array<{ start: string; dayEnd?: string }>, importer: Importer): string | undefined {
  if (typeof stated === 'string' && DAY_CHANGE_PATTERN.test(stated)) return stated === '00:00' ? undefined : stated;
  if (!nights.length) return undefined;
  const latest = nights.map((n) => n.start).sort().at(-1) as string;
  const ends = nights.map((n) => n.dayEnd).filter((e): e is string => !!e && e > latest && DAY_CHANGE_PATTERN.test(e)).sort();
  const hour = Number(latest.slice(0, 2)) + 1;
  const change = ends[0] ?? (hour < 12 ? `${String(hour).padStart(2, '0')}:00` : '11:59');
  importer.note({ kind: 'conference' }, 'repaired', 'NIGHT_EVENTS', { count: nights.length, until: change });
  return change;
}

/** Reads a schedule.json (object or JSON text) into a programme, with a report of every repair. */
export function importSchedule(json: unknown, options: ImportOptions = {}): ImportResult {
  const { doc, format: kind } = parse(json);
  const schedule = doc.schedule as Json;
  const c = schedule.conference as Json;
  const days = c.days as unknown[];
  const maxEvents = options.maxEvents ?? 20_000;
  const total = countEvents(days);
  if (total > maxEvents) throw importRefusal('TOO_MANY_EVENTS', { events: total, max: maxEvents }, { events: total });

  const report: ImportReportEntry[] = [];
  const strangers = Object.keys(doc).filter((k) => !TOP_LEVEL.includes(k));
  if (strangers.length) report.push(reportEntry({ kind: 'schedule' }, 'ignored', 'TOP_LEVEL_DROPPED', { members: strangers.join(', ') }));
  const meta = isObject(c.meta) ? c.meta : {};
  const fallbackZone = options.defaultTimeZone ?? DEFAULT_TIMEZONE;
  const named = [c.time_zone_name, meta.time_zone_name].find((z) => typeof z === 'string' && z.trim());
  let timeZone = fallbackZone;
  if (isValidTimeZone(named)) timeZone = named;
  else if (named === undefined) report.push(reportEntry({ kind: 'conference' }, 'repaired', 'ZONE_MISSING', { assumed: fallbackZone }));
  else report.push(reportEntry({ kind: 'conference' }, 'repaired', 'ZONE_INVALID', { zoneJson: JSON.stringify(named), assumed: fallbackZone }));

  const roomTypes = [...(Array.isArray(c.rooms) ? c.rooms : []), ...(Array.isArray(schedule.rooms) ? schedule.rooms : [])].map((r) => (isObject(r) ? r.type : undefined));
  const format: ConferenceFormat | undefined = (CONFERENCE_FORMATS as readonly unknown[]).includes(meta.format) ? (meta.format as ConferenceFormat) : undefined;
  const online = roomTypes.filter((t) => t === 'online' || t === 'bbb').length;
  const derivedFormat: ConferenceFormat = format ?? (roomTypes.length && online === roomTypes.length ? 'digital' : online ? 'hybrid' : 'in-person');
  const timeslot = parseDuration(c.timeslot_duration);
  const importer = new Importer(
    timeZone,
    (options.defaultLanguage ?? DEFAULT_LANGUAGE).toLowerCase(),
    derivedFormat === 'digital' ? 'virtual-stage' : 'hall',
    timeslot && timeslot > 0 && timeslot <= 240 ? timeslot : 30,
  );
  importer.report.push(...report);

  if (Array.isArray(c.rooms)) c.rooms.forEach((r, i) => importer.defineRoom(r, { kind: 'roomEntry', list: 'conference', n: i + 1 }, i));
  if (Array.isArray(schedule.rooms)) {
    importer.note({ kind: 'schedule' }, 'repaired', 'ROOMS_UNDER_SCHEDULE', {});
    schedule.rooms.forEach((r, i) => importer.defineRoom(r, { kind: 'roomEntry', list: 'schedule', n: i + 1 }, importer.rooms.size + i));
  }
  if (Array.isArray(c.tracks)) c.tracks.forEach((t, i) => importer.defineTrack(t, { kind: 'trackEntry', n: i + 1 }));

  // Night sessions: listed under a day but starting after midnight (before noon) of the next date.
  const nights: Array<{ start: string; dayEnd?: string }> = [];
  days.forEach((day, d) => {
    if (!isObject(day) || !isObject(day.rooms)) return importer.note({ kind: 'day', day: d + 1 }, 'skipped', 'DAY_WITHOUT_ROOMS', {});
    const before = importer.sessions.length;
    for (const [roomKey, events] of Object.entries(day.rooms)) {
      if (!Array.isArray(events)) {
        importer.note({ kind: 'day', day: d + 1, room: roomKey }, 'skipped', 'EVENTS_NOT_LIST', {});
        continue;
      }
      events.forEach((e, i) => importer.event(e, day.date, roomKey, { day: d + 1, room: roomKey, n: i + 1 }));
    }
    const date = readDate(day.date, timeZone) ?? readDate(day.day_start, timeZone);
    if (!date) return;
    const dayEnd = typeof day.day_end === 'string' && isInstant(day.day_end) && localDateOf(day.day_end, timeZone) === addDays(date, 1) ? localTimeOf(day.day_end, timeZone) : undefined;
    for (const s of importer.sessions.slice(before)) {
      const start = localTimeOf(s.start, timeZone);
      if (localDateOf(s.start, timeZone) === addDays(date, 1) && start < '12:00') nights.push({ start, dayEnd });
    }
  });
  const dayChange = dayChangeOf(meta.day_change, nights, importer);
  importer.reportOffsetMismatch();
  importer.reportNotKept();

  const title = clean(c.title, LIMITS.title).text ?? (typeof c.acronym === 'string' ? c.acronym : undefined);
  if (!clean(c.title, LIMITS.title).text) importer.note({ kind: 'conference' }, 'repaired', 'CONFERENCE_WITHOUT_TITLE', { title: title ?? 'Konferenz' });
  const acronym = typeof c.acronym === 'string' ? c.acronym.trim() : '';
  const conferenceSlug = toConferenceSlug(acronym) ?? toConferenceSlug(title ?? '') ?? 'conference';
  if (acronym && conferenceSlug !== acronym) importer.note({ kind: 'conference' }, 'repaired', 'ACRONYM_SLUG', { acronymJson: JSON.stringify(acronym), slug: conferenceSlug });

  const dayDates = days.map((d) => (isObject(d) ? readDate(d.date, timeZone) : undefined)).filter((d): d is string => !!d);
  const sessionDates = importer.sessions.flatMap((s) => [programmeDateOf(s.start, timeZone, dayChange), programmeDateOf(toMs(s.end) - 1, timeZone, dayChange)]);
  let startDate = readDate(c.start, timeZone) ?? [...dayDates].sort()[0];
  let endDate = readDate(c.end, timeZone) ?? [...dayDates].sort().at(-1);
  if (!startDate || !endDate) {
    if (!sessionDates.length) throw importRefusal('NO_DATES', { format: kind });
    importer.note({ kind: 'conference' }, 'repaired', 'DATES_FROM_EVENTS', {});
  }
  const all = [startDate, endDate, ...sessionDates].filter((d): d is string => !!d).sort();
  if (startDate && endDate && endDate < startDate) importer.note({ kind: 'conference' }, 'repaired', 'DATES_SWAPPED', { start: startDate, end: endDate });
  if (startDate && endDate && (all[0] < [startDate, endDate].sort()[0] || all[all.length - 1] > [startDate, endDate].sort()[1])) {
    importer.note({ kind: 'conference' }, 'repaired', 'DAYS_WIDENED', { start: startDate, end: endDate, from: all[0], to: all[all.length - 1] });
  }
  startDate = all[0];
  endDate = all[all.length - 1];
  if (addDays(startDate, LIMITS.conferenceDays - 1) < endDate) throw importRefusal('TOO_MANY_DAYS', { format: kind, start: startDate, end: endDate, max: LIMITS.conferenceDays });

  const conference: Conference = {
    id: options.conferenceId ?? conferenceSlug,
    slug: conferenceSlug,
    title: title ?? 'Konferenz',
    timezone: timeZone,
    startDate,
    endDate,
    format: derivedFormat,
    allowGuests: meta.allow_guests === true,
  };
  if (dayChange) conference.dayChange = dayChange;
  const venue = clean(meta.venue, LIMITS.venue).text;
  if (venue) conference.venue = venue;
  const description = clean(c.description, LIMITS.description, true).text;
  if (description) conference.description = description;
  if (isUri(c.url) && /^https?:/i.test(c.url)) conference.url = c.url;

  const programme: Programme = {
    conference,
    rooms: [...importer.rooms.values()],
    tracks: [...importer.tracks.values()],
    sessions: importer.sessions,
    people: [...importer.people.values()],
  };
  return { programme: validateProgramme(programme), report: importer.report };
}
