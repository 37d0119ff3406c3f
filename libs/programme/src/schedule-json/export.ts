/**
 * Programme -> schedule.json (frab/pretalx exchange format), always valid against the published
 * schema: every constrained value is built to its pattern, and the finished document is checked
 * by our own rules before it leaves (a failure there is our bug, reported as INTERNAL).
 */
import { DomainError } from '@podium/contracts';
import { shownEndMs, shownStartMs } from '../delay';
import type { Person, Programme, Room, RoomKind, Session } from '../model';
import { conferenceDays, dayBounds, programmeDateOf, toMs, toZonedIso, utcToZoned } from '../time';
import { RECORDING_TITLE, STREAM_TITLE, TRANSCRIPT_TITLE } from './links';
import { sha1, toHex, uuidV5 } from '../uuid';
import { validateProgramme } from '../validate';
import { formatDuration, isUri, isUuid, scheduleProblems, SLUG_PATTERN, TIME_ZONE_NAME_PATTERN, toAcronym, toSlug, toUri } from './rules';
import type { ScheduleDay, ScheduleDocument, ScheduleEvent, SchedulePerson, ScheduleRoom } from './types';

export const SCHEDULE_SCHEMA_ID = 'https://c3voc.de/schedule/schema.json';

export type UuidKind = 'session' | 'room' | 'person';

export interface ExportOptions {
  /** Absolute http(s) URL of the conference's public pages; base_url, and session URLs under it. */
  baseUrl: string;
  /**
   * schedule.version. Consumers compare it to spot a changed programme, so by default it is a digest
   * (12 hex digits) of the programme and the document: it changes with every change of either.
   */
  version?: string;
  /**
   * guid of a session, room or person that has none stored. Default: a version-5 UUID of
   * '<conference id>/<kind>/<id>' in the Podium namespace, so the same item gets the same guid on every export.
   */
  uuidFor?: (kind: UuidKind, id: string) => string;
  /**
   * Public page of a session; '<baseUrl>sessions/<id>' by default. When given, it is the event's `url`,
   * or (where the session keeps another system's url from an import) listed in `links` as 'web'.
   */
  sessionUrl?: (session: Session) => string | undefined;
  /** Stream page of a session with a livestream, listed in `links` as 'media'; no stream links by default. */
  streamUrl?: (session: Session) => string | undefined;
  /**
   * Extension point for captions: the transcript page of a session, when a transcript exists
   * (undefined otherwise); listed in `links` as 'related', titled 'Transcript'. None by default.
   */
  transcriptUrl?: (session: Session) => string | undefined;
  /** Room under which sessions without a room are listed (breaks without a room are left out). */
  unplacedRoomName?: string;
  /** timeslot_duration in minutes; 5 by default. */
  timeslotMinutes?: number;
  generator?: { name: string; version?: string };
}

const ROOM_TYPE: Record<RoomKind, string> = { 'virtual-stage': 'online', 'forum-room': 'workshop', hall: 'lecturehall' };
const UNPLACED = '__unplaced__';

/**
 * 12 hex digits that change with any change of the text: two 32-bit multiply-xor hashes mixed at the end.
 * Not cryptographic (nothing is secret here), but some 25 times faster than our SHA-1 on a 2 MB programme.
 */
export function digest(text: string): string {
  let a = 0xdeadbeef;
  let b = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 2654435761);
    b = Math.imul(b ^ c, 1597334677);
  }
  a = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
  b = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  return `${(b >>> 0).toString(16).padStart(8, '0')}${(a >>> 0).toString(16).padStart(8, '0')}`.slice(0, 12);
}

/** Integer ids (schema: integer >= 1) that stay put: kept from import, else the numeric id, else a hash of the id. */
function assignScheduleIds(sessions: readonly Session[]): Map<string, number> {
  const ids = new Map<string, number>();
  const used = new Set<number>();
  for (const s of sessions) {
    if (s.scheduleId !== undefined && Number.isSafeInteger(s.scheduleId) && s.scheduleId >= 1 && !used.has(s.scheduleId)) {
      ids.set(s.id, s.scheduleId);
      used.add(s.scheduleId);
    }
  }
  const rest = sessions.filter((s) => !ids.has(s.id)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const s of rest) {
    let n = /^[1-9]\d{0,8}$/.test(s.id) ? Number(s.id) : parseInt(toHex(sha1(s.id)).slice(0, 7), 16) + 1;
    while (used.has(n)) n++; // a clash is rare; moving on keeps ids unique and still deterministic
    ids.set(s.id, n);
    used.add(n);
  }
  return ids;
}

/** Room names are keys in the format, so two rooms with one name are told apart ('Saal', 'Saal (2)'). */
function uniqueRoomNames(rooms: readonly Room[], unplaced: string | undefined): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  const claim = (id: string, name: string) => {
    let candidate = name;
    for (let n = 2; taken.has(candidate); n++) candidate = `${name} (${n})`;
    names.set(id, candidate);
    taken.add(candidate);
  };
  for (const r of rooms) claim(r.id, r.name);
  if (unplaced !== undefined) claim(UNPLACED, unplaced);
  return names;
}

function person(p: Person, role: string, guid: string): SchedulePerson {
  const out: SchedulePerson = { name: p.name, guid, role };
  if (p.function) out.function = p.function;
  if (p.organisation) out.organisation = p.organisation;
  if (p.biography) out.biography = p.biography;
  return out;
}

/** The schedule.json document of a programme (cancelled sessions and breaks without a room are not listed). */
export function exportSchedule(input: Programme, options: ExportOptions): ScheduleDocument {
  const baseUrl = toUri(options.baseUrl);
  if (!baseUrl || !/^https?:/.test(baseUrl)) throw new DomainError('VALIDATION', 'baseUrl: must be an absolute http(s) URL', { field: 'baseUrl' });
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const programme = validateProgramme(input);
  const { conference } = programme;
  const tz = conference.timezone;
  const uuidFor = options.uuidFor ?? ((kind: UuidKind, id: string) => uuidV5(`${conference.id}/${kind}/${id}`));
  const guids = new Map<string, string>();
  const guid = (stored: string | undefined, kind: UuidKind, id: string): string => {
    const key = `${kind}/${id}`;
    const known = guids.get(key);
    if (known) return known;
    const made = isUuid(stored) ? stored : uuidFor(kind, id);
    if (!isUuid(made)) throw new DomainError('VALIDATION', `uuidFor returned no UUID for ${kind} ${id}`, { field: 'uuidFor' });
    guids.set(key, made.toLowerCase());
    return made.toLowerCase();
  };
  const acronym = toAcronym(conference.slug);

  const listed = programme.sessions.filter((s) => s.status !== 'cancelled' && !(s.kind === 'break' && !s.roomId));
  const unplaced = listed.some((s) => !s.roomId) ? (options.unplacedRoomName ?? 'Ohne Raum') : undefined;
  const rooms = [...programme.rooms].sort((a, b) => a.position - b.position);
  const roomNames = uniqueRoomNames(rooms, unplaced);
  const tracks = new Map(programme.tracks.map((t) => [t.id, t]));
  const people = new Map(programme.people.map((p) => [p.id, p]));
  const scheduleIds = assignScheduleIds(listed);

  const toEvent = (s: Session): ScheduleEvent => {
    const start = shownStartMs(s);
    const end = shownEndMs(s);
    const id = scheduleIds.get(s.id) as number;
    const page = toUri(options.sessionUrl?.(s));
    const url = toUri(s.url) ?? page ?? new URL(`sessions/${encodeURIComponent(s.id)}`, base).href;
    const stream = s.livestream ? toUri(options.streamUrl?.(s)) : undefined;
    const links: ScheduleEvent['links'] = [];
    if (page && page !== url && isUri(page)) links.push({ url: page, title: 'Podium', type: 'web' });
    if (stream && isUri(stream)) links.push({ url: stream, title: STREAM_TITLE, type: 'media' });
    const recording = toUri(s.recordingUrl);
    if (recording && isUri(recording)) links.push({ url: recording, title: RECORDING_TITLE, type: 'media' });
    const transcript = toUri(options.transcriptUrl?.(s));
    if (transcript && isUri(transcript)) links.push({ url: transcript, title: TRANSCRIPT_TITLE, type: 'related' });
    const feedback = toUri(s.feedbackUrl);
    return {
      guid: guid(s.guid, 'session', s.id),
      id,
      date: toZonedIso(start, tz),
      start: utcToZoned(start, tz).time.slice(0, 5),
      end: toZonedIso(end, tz),
      duration: formatDuration((end - start) / 60_000),
      room: roomNames.get(s.roomId ?? UNPLACED) as string,
      slug: s.slug && SLUG_PATTERN.test(s.slug) ? s.slug : toSlug(`${acronym}-${id}-${s.title}`, `${acronym}-${id}`),
      url: isUri(url) ? url : `${base}sessions/${id}`,
      title: s.title,
      subtitle: s.subtitle ?? '',
      track: s.trackId ? (tracks.get(s.trackId)?.name ?? null) : null,
      type: s.eventType ?? s.kind,
      language: s.language,
      abstract: s.abstract ?? '',
      description: s.description ?? '',
      do_not_record: !s.recordingConsent,
      do_not_stream: !s.livestream,
      persons: s.people.flatMap(({ personId, role }) => {
        const p = people.get(personId);
        return p ? [person(p, role, guid(p.guid, 'person', p.id))] : [];
      }),
      links,
      ...(feedback && isUri(feedback) ? { feedback_url: feedback } : {}),
    };
  };

  // Days: every conference day, plus any other day a session starts on (a night before the day change belongs to the day before).
  const byDate = new Map<string, Session[]>(conferenceDays(conference).map((d) => [d, []]));
  for (const s of listed) {
    const date = programmeDateOf(shownStartMs(s), tz, conference.dayChange);
    const list = byDate.get(date);
    if (list) list.push(s);
    else byDate.set(date, [s]);
  }
  const dates = [...byDate.keys()].sort();
  const roomKeys = [...roomNames.entries()];
  const days: ScheduleDay[] = dates.map((date, i) => {
    const sessions = (byDate.get(date) as Session[]).sort((a, b) => shownStartMs(a) - shownStartMs(b) || (a.id < b.id ? -1 : 1));
    const bounds = dayBounds(date, tz, conference.dayChange);
    const dayStart = Math.min(toMs(bounds.start), ...sessions.map(shownStartMs));
    const dayEnd = Math.max(toMs(bounds.end), ...sessions.map(shownEndMs));
    const roomEvents: Record<string, ScheduleEvent[]> = Object.fromEntries(roomKeys.map(([, name]) => [name, []]));
    for (const s of sessions) {
      const event = toEvent(s);
      roomEvents[event.room].push(event);
    }
    return { index: i + 1, date, day_start: toZonedIso(dayStart, tz), day_end: toZonedIso(dayEnd, tz), rooms: roomEvents };
  });

  const meta: Record<string, unknown> = { format: conference.format, allow_guests: conference.allowGuests };
  if (conference.venue) meta.venue = conference.venue;
  // frab's day change has no member in the format; the days' bounds show it, meta says it exactly.
  if (conference.dayChange) meta.day_change = conference.dayChange;
  // The schema's zone pattern refuses some real zones ('Etc/GMT+1'); those travel in meta instead.
  const zoneFits = TIME_ZONE_NAME_PATTERN.test(tz);
  if (!zoneFits) meta.time_zone_name = tz;
  const scheduleRooms: ScheduleRoom[] = rooms.map((r, i) => ({
    name: roomNames.get(r.id) as string,
    slug: toSlug(r.name, `room-${i + 1}`),
    type: ROOM_TYPE[r.kind],
    guid: guid(r.guid, 'room', r.id),
    capacity: r.capacity ?? null,
  }));
  if (unplaced !== undefined) scheduleRooms.push({ name: roomNames.get(UNPLACED) as string, slug: 'unplaced', type: 'other', guid: uuidFor('room', UNPLACED), capacity: null });

  const doc: ScheduleDocument = {
    $schema: SCHEDULE_SCHEMA_ID,
    generator: { name: options.generator?.name ?? 'podium', ...(options.generator?.version ? { version: options.generator.version } : {}) },
    schedule: {
      version: '',
      base_url: base,
      conference: {
        acronym,
        title: conference.title,
        ...(conference.description ? { description: conference.description } : {}),
        start: dates[0],
        end: dates[dates.length - 1],
        daysCount: days.length,
        timeslot_duration: formatDuration(options.timeslotMinutes ?? 5),
        ...(zoneFits ? { time_zone_name: tz } : {}),
        ...(toUri(conference.url) ? { url: toUri(conference.url) } : {}),
        rooms: scheduleRooms,
        tracks: programme.tracks.map((t) => ({ name: t.name, slug: toSlug(t.name, toSlug(t.id, 'track')), ...(t.color ? { color: t.color } : {}) })),
        meta,
        days,
      },
    },
  };
  doc.schedule.version = options.version ?? digest(JSON.stringify([programme, doc]));
  const problems = scheduleProblems(doc);
  if (problems.length) {
    throw new DomainError('INTERNAL', `schedule.json export would break the format: ${problems.slice(0, 3).join('; ')}`, { problems });
  }
  return doc;
}
