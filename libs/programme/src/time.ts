/**
 * Timezone arithmetic with `Intl` only: UTC instants to wall times in an IANA zone and back,
 * exact across daylight-saving switches (the repeated hour in October, the missing hour in March).
 */
import type { Conference, Instant, LocalDate, TimeInput } from './model';

const MINUTE = 60_000;
const DAY = 86_400_000;

const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

/** Milliseconds since the epoch, or NaN for anything that is not an ISO instant with a zone. */
export function toMs(time: TimeInput): number {
  if (typeof time === 'number') return time;
  if (time instanceof Date) return time.getTime();
  if (typeof time !== 'string' || !INSTANT_PATTERN.test(time)) return NaN;
  return Date.parse(time);
}

export function toInstant(ms: number): Instant {
  return new Date(ms).toISOString();
}

/** True for an ISO 8601 instant that names its zone ('Z' or an offset); local times are refused. */
export function isInstant(value: unknown): value is Instant {
  return typeof value === 'string' && !Number.isNaN(toMs(value));
}

export function addMinutes(instant: Instant, minutes: number): Instant {
  return toInstant(toMs(instant) + minutes * MINUTE);
}

export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const m = LOCAL_DATE_PATTERN.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

export function isLocalTime(value: unknown): value is string {
  return typeof value === 'string' && LOCAL_TIME_PATTERN.test(value);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

// Building a DateTimeFormat costs far more than using one, so one per zone is kept.
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** An IANA zone name that Intl knows ('Europe/Berlin', 'UTC'); offsets and unknown names are not. */
export function isValidTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone.length === 0 || timeZone.length > 64) return false;
  try {
    partsFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClockAt(ms: number, timeZone: string): WallClock {
  const out: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(ms)) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return { year: out.year, month: out.month, day: out.day, hour: out.hour, minute: out.minute, second: out.second };
}

function offsetFromIntl(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const w = wallClockAt(whole, timeZone);
  return Math.round((Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - whole) / MINUTE);
}

// Intl is the slow part, so one offset per zone and quarter hour (UTC) is kept and serves every
// instant in it; a quarter hour whose two ends differ holds a switch and is read per instant.
const QUARTER_HOUR = 15 * MINUTE;
const offsetCache = new Map<string, number | null>();

/** Offset of the zone from UTC at that instant, in minutes (Berlin summer: 120). */
export function offsetMinutesAt(time: TimeInput, timeZone: string): number {
  const ms = toMs(time);
  const bucket = Math.floor(ms / QUARTER_HOUR);
  const key = `${timeZone}|${bucket}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    const first = offsetFromIntl(bucket * QUARTER_HOUR, timeZone);
    offset = first === offsetFromIntl((bucket + 1) * QUARTER_HOUR - 1000, timeZone) ? first : null;
    if (offsetCache.size >= 100_000) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return offset ?? offsetFromIntl(ms, timeZone);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export interface ZonedTime {
  date: LocalDate;
  /** 'HH:MM:SS', 24-hour. */
  time: string;
  offsetMinutes: number;
}

/** The wall-clock date and time an instant shows in a zone. */
export function utcToZoned(time: TimeInput, timeZone: string): ZonedTime {
  const whole = Math.floor(toMs(time) / 1000) * 1000;
  const offsetMinutes = offsetMinutesAt(whole, timeZone);
  // The wall clock is the UTC clock moved by the offset.
  const w = new Date(whole + offsetMinutes * MINUTE);
  return {
    date: `${pad(w.getUTCFullYear(), 4)}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}`,
    time: `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:${pad(w.getUTCSeconds())}`,
    offsetMinutes,
  };
}

export function localDateOf(time: TimeInput, timeZone: string): LocalDate {
  return utcToZoned(time, timeZone).date;
}

/** 'HH:MM' wall time of an instant in a zone. */
export function localTimeOf(time: TimeInput, timeZone: string): string {
  return utcToZoned(time, timeZone).time.slice(0, 5);
}

export interface ZonedToUtcOptions {
  /** A wall time that occurs twice (autumn): the first occurrence (default) or the second. */
  ambiguous?: 'earlier' | 'later' | 'reject';
  /** A wall time that never occurs (spring): move it forward by the gap (default) or refuse. */
  nonexistent?: 'forward' | 'reject';
}

/** Thrown (as a plain RangeError) when asked to reject an ambiguous or missing wall time. */
export class WallTimeError extends RangeError {}

/**
 * The UTC instant of a wall-clock time in a zone. Tries every offset the zone has near that
 * day and keeps those that map back to the same wall time: two in the repeated hour, none in the gap.
 */
export function zonedToUtc(date: LocalDate, time: string, timeZone: string, options: ZonedToUtcOptions = {}): Instant {
  const dm = LOCAL_DATE_PATTERN.exec(date);
  const tm = LOCAL_TIME_PATTERN.exec(time);
  if (!dm || !isLocalDate(date)) throw new RangeError(`not a date 'YYYY-MM-DD': ${date}`);
  if (!tm) throw new RangeError(`not a time 'HH:MM[:SS]': ${time}`);
  const wallAsUtc = Date.UTC(+dm[1], +dm[2] - 1, +dm[3], +tm[1], +tm[2], tm[3] ? +tm[3] : 0);
  const before = offsetMinutesAt(wallAsUtc - DAY, timeZone);
  const after = offsetMinutesAt(wallAsUtc + DAY, timeZone);
  const offsets = [...new Set([before, offsetMinutesAt(wallAsUtc, timeZone), after])];
  const candidates = offsets
    .map((offset) => wallAsUtc - offset * MINUTE)
    .filter((ms) => offsetMinutesAt(ms, timeZone) * MINUTE === wallAsUtc - ms)
    .sort((a, b) => a - b);
  const unique = [...new Set(candidates)];
  if (unique.length === 1) return toInstant(unique[0]);
  if (unique.length > 1) {
    if (options.ambiguous === 'reject') throw new WallTimeError(`${date} ${time} occurs twice in ${timeZone}`);
    return toInstant(options.ambiguous === 'later' ? unique[unique.length - 1] : unique[0]);
  }
  if (options.nonexistent === 'reject') throw new WallTimeError(`${date} ${time} does not exist in ${timeZone}`);
  // Read with the offset in force before the gap, the wall time lands after it by the gap's length.
  return toInstant(wallAsUtc - before * MINUTE);
}

/** Calendar arithmetic on local dates (no zone involved). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const m = LOCAL_DATE_PATTERN.exec(date);
  if (!m) throw new RangeError(`not a date 'YYYY-MM-DD': ${date}`);
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3] + days));
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Every date from first to last inclusive; empty when last is before first. */
export function datesBetween(first: LocalDate, last: LocalDate): LocalDate[] {
  const out: LocalDate[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) out.push(d);
  return out;
}

export function conferenceDays(conference: Pick<Conference, 'startDate' | 'endDate'>): LocalDate[] {
  return datesBetween(conference.startDate, conference.endDate);
}

/** The instants a local day spans in a zone: [start, end), 23 or 25 hours on switch days. */
export function dayBounds(date: LocalDate, timeZone: string, dayChange = '00:00'): { start: Instant; end: Instant } {
  return { start: zonedToUtc(date, dayChange, timeZone), end: zonedToUtc(addDays(date, 1), dayChange, timeZone) };
}

/** A conference's day change ('HH:MM', before noon): at most 11:59, '00:00' when absent. */
export const DAY_CHANGE_PATTERN = /^(0\d|1[01]):[0-5]\d$/;

/**
 * The conference day an instant belongs to: its local date, or the day before while the local
 * time is before `dayChange` (frab days that run until 04:00 keep their night sessions).
 */
export function programmeDateOf(time: TimeInput, timeZone: string, dayChange = '00:00'): LocalDate {
  const { date, time: wall } = utcToZoned(time, timeZone);
  return wall.slice(0, 5) < dayChange ? addDays(date, -1) : date;
}

/** '+02:00' style offset. */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** ISO 8601 with the zone's offset at that instant, seconds precision: '2018-08-27T12:00:00+02:00'. */
export function toZonedIso(time: TimeInput, timeZone: string): string {
  const z = utcToZoned(time, timeZone);
  return `${z.date}T${z.time}${formatOffset(z.offsetMinutes)}`;
}

export interface FormatOptions {
  locale?: string;
  /** 'datetime' (default), 'date' or 'time'. */
  style?: 'datetime' | 'date' | 'time';
  /** Append the zone's short name ('MESZ', 'CEST'). */
  withZone?: boolean;
}

/** Human-readable time in a zone, German by default: '27.08.2018, 12:00'. */
export function formatInZone(time: TimeInput, timeZone: string, options: FormatOptions = {}): string {
  const style = options.style ?? 'datetime';
  const fields: Intl.DateTimeFormatOptions = { timeZone, hourCycle: 'h23' };
  if (style !== 'time') Object.assign(fields, { year: 'numeric', month: '2-digit', day: '2-digit' });
  if (style !== 'date') Object.assign(fields, { hour: '2-digit', minute: '2-digit' });
  if (options.withZone) fields.timeZoneName = 'short';
  return new Intl.DateTimeFormat(options.locale ?? 'de-DE', fields).format(toMs(time));
}
