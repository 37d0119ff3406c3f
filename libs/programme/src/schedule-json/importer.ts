/**
 * The item-by-item part of the schedule.json import: rooms, tracks, persons and events, each
 * taken as liberally as it can be and every change noted for the report.
 */
import { LIMITS, PERSON_ROLES, type Person, type PersonRole, type Room, type RoomKind, type Session, type Track } from '../model';
import { isInstant, isLocalDate, isLocalTime, localTimeOf, toInstant, toMs, zonedToUtc } from '../time';
import type { ImportNotKeptMember, ImportPlace, ImportReportCode, ImportReportParams, ImportSubject, ImportTextField } from '@podium/contracts';
import { clean, eventSubject, IdPool, isObject, kindFor, roomKindFor, type ImportAction, type ImportReportEntry } from './import-values';
import { placeText, reportEntry } from './report';
import { isRecordingLink } from './links';
import { isUri, isUuid, KNOWN_EVENT_KEYS, parseDuration, slugify, SLUG_PATTERN, toSlug } from './rules';

export { clean, isObject, type ImportAction, type ImportReportEntry, type Json } from './import-values';

const MINUTE = 60_000;
const LANGUAGE = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/;
const COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
const ROLES: readonly string[] = PERSON_ROLES;
const NOT_KEPT: readonly ImportNotKeptMember[] = ['links', 'attachments', 'logo', 'recording_license', 'origin_url', 'code'];


export class Importer {
  readonly report: ImportReportEntry[] = [];
  readonly rooms = new Map<string, Room>();
  readonly tracks = new Map<string, Track>();
  readonly people = new Map<string, Person>();
  readonly sessions: Session[] = [];
  private readonly roomIds = new IdPool();
  private readonly trackIds = new IdPool();
  private readonly personIds = new IdPool();
  private readonly sessionIds = new IdPool();
  private readonly roomGuids = new Set<string>();
  // guid -> where it was first used, to tell a repeat (kept) from the same event listed twice (skipped).
  private readonly sessionGuids = new Map<string, { start: number; room: string; title: string; at: string }>();
  // frab person id -> the first name seen with it; merged exports reuse ids for different people.
  private readonly personIdNames = new Map<string, string>();
  private readonly scheduleIds = new Set<number>();
  private offsetMismatches = 0;
  // Members the format defines that the model does not keep, counted for one summary line.
  private readonly notKept = new Map<ImportNotKeptMember, number>();

  constructor(
    readonly timeZone: string,
    readonly language: string,
    readonly defaultRoomKind: RoomKind,
    readonly timeslotMinutes: number,
  ) {}

  note<C extends ImportReportCode>(subject: ImportSubject, action: ImportAction, code: C, params: ImportReportParams[C]): void {
    this.report.push(reportEntry(subject, action, code, params));
  }

  /** Free text the model keeps, with a report entry when it had to be cut. */
  text(value: unknown, max: number, field: ImportTextField, subject: ImportSubject, multiline = false): string | undefined {
    const { text, cut } = clean(value, max, multiline);
    if (cut) this.note(subject, 'repaired', 'TEXT_CUT', { field, max });
    return text;
  }

  defineRoom(raw: unknown, where: ImportSubject, position: number): void {
    if (!isObject(raw)) return this.note(where, 'skipped', 'ROOM_NOT_OBJECT', {});
    const name = this.text(raw.name, LIMITS.name, 'name', where);
    if (!name) return this.note(where, 'skipped', 'ROOM_WITHOUT_NAME', {});
    const item: ImportSubject = { kind: 'room', name };
    if (this.rooms.has(name)) return this.note(item, 'ignored', 'ROOM_TWICE', {});
    const room: Room = { id: this.roomIds.claim(`room-${toSlug(name, 'room')}`), name, kind: roomKindFor(raw.type, this.defaultRoomKind), changeoverMinutes: 0, position };
    if (isUuid(raw.guid) && !this.roomGuids.has(raw.guid.toLowerCase())) {
      room.guid = raw.guid.toLowerCase();
      this.roomGuids.add(room.guid);
    } else if (raw.guid !== undefined) {
      this.note(item, 'repaired', isUuid(raw.guid) ? 'ROOM_GUID_TAKEN' : 'GUID_NOT_UUID', {});
    }
    if (typeof raw.capacity === 'number' && raw.capacity >= 1 && raw.capacity <= 1_000_000) room.capacity = Math.round(raw.capacity);
    this.rooms.set(name, room);
  }

  roomFor(name: string): Room {
    let room = this.rooms.get(name);
    if (!room) {
      room = { id: this.roomIds.claim(`room-${toSlug(name, 'room')}`), name, kind: this.defaultRoomKind, changeoverMinutes: 0, position: this.rooms.size };
      this.rooms.set(name, room);
    }
    return room;
  }

  defineTrack(raw: unknown, where: ImportSubject): void {
    if (!isObject(raw)) return this.note(where, 'skipped', 'TRACK_NOT_OBJECT', {});
    const name = this.text(raw.name, LIMITS.name, 'name', where);
    if (!name) return this.note(where, 'skipped', 'TRACK_WITHOUT_NAME', {});
    if (this.tracks.has(name)) return;
    const track = this.trackFor(name, typeof raw.slug === 'string' ? raw.slug : undefined);
    if (typeof raw.color === 'string' && COLOR.test(raw.color)) {
      const hex = raw.color.slice(1);
      track.color = `#${hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex}`.toLowerCase();
    } else if (raw.color !== undefined && raw.color !== null) {
      this.note({ kind: 'track', name }, 'ignored', 'TRACK_COLOUR_INVALID', { colourJson: JSON.stringify(raw.color) });
    }
  }

  trackFor(name: string, slug?: string): Track {
    let track = this.tracks.get(name);
    if (!track) {
      track = { id: this.trackIds.claim(toSlug(slug ?? name, 'track')), name };
      this.tracks.set(name, track);
    }
    return track;
  }

  person(raw: unknown, item: ImportSubject): Person | undefined {
    if (!isObject(raw)) return void this.note(item, 'skipped', 'PERSON_NOT_OBJECT', {});
    const name = this.text(raw.name, LIMITS.name, 'name', item) ?? this.text(raw.public_name, LIMITS.name, 'public_name', item);
    if (!name) return void this.note(item, 'skipped', 'SPEAKER_WITHOUT_NAME', {});
    // frab's public_name is a name, but only a frab person (integer id) may go without 'name'.
    if (!clean(raw.name, LIMITS.name).text && !Number.isInteger(raw.id)) {
      this.note(item, 'repaired', 'PUBLIC_NAME_USED', { idJson: JSON.stringify(raw.id ?? null), name });
    }
    const code = typeof raw.code === 'string' && raw.code.trim() ? raw.code.trim() : undefined;
    const frabId = typeof raw.id === 'number' || (typeof raw.id === 'string' && raw.id.trim()) ? String(raw.id).trim() : undefined;
    // An id alone is no identity: merged frab exports give hundreds of people id 0, so id and name together are.
    const key = isUuid(raw.guid) ? `guid:${raw.guid.toLowerCase()}` : code ? `code:${code}` : frabId !== undefined ? `id:${frabId}/${name}` : `name:${name}`;
    const known = this.people.get(key);
    if (known) return known;
    if (key.startsWith('id:') && frabId !== undefined) {
      const first = this.personIdNames.get(frabId);
      if (first === undefined) this.personIdNames.set(frabId, name);
      else this.note(item, 'repaired', 'PERSON_ID_SHARED', { id: frabId, first, name });
    }
    const idHint = key.startsWith('guid:') ? key.slice(5) : code ? `person-${code}` : frabId !== undefined ? `person-${frabId}` : `person-${toSlug(name, 'person')}`;
    const person: Person = { id: this.personIds.claim(idHint), name };
    if (isUuid(raw.guid)) person.guid = raw.guid.toLowerCase();
    const fn = this.text(raw.function, LIMITS.function, 'function', item);
    const org = this.text(raw.organisation ?? raw.organization, LIMITS.organisation, 'organisation', item);
    const bio = this.text(raw.biography, LIMITS.biography, 'biography', item, true);
    if (fn) person.function = fn;
    if (org) person.organisation = org;
    if (bio) person.biography = bio;
    this.people.set(key, person);
    return person;
  }

  event(raw: unknown, dayDate: unknown, roomKey: string, place: ImportPlace): void {
    if (!isObject(raw)) return this.note({ kind: 'eventEntry', place }, 'skipped', 'EVENT_NOT_OBJECT', {});
    // The start comes first: report entries name the event by its title, time and guid.
    let start = typeof raw.date === 'string' && isInstant(raw.date) ? toMs(raw.date) : NaN;
    let fromDay: ImportReportParams['START_FROM_DAY'] | undefined;
    let gap: ImportReportParams['START_IN_GAP'] | undefined;
    if (Number.isNaN(start)) {
      if (!isLocalDate(dayDate) || !isLocalTime(raw.start)) return this.note(eventSubject(raw, NaN, this.timeZone, place), 'skipped', 'EVENT_WITHOUT_START', {});
      start = toMs(zonedToUtc(dayDate, raw.start, this.timeZone));
      fromDay = { date: dayDate, time: raw.start, zone: this.timeZone };
      const wall = localTimeOf(start, this.timeZone);
      if (wall !== raw.start.slice(0, 5)) gap = { date: dayDate, time: raw.start.slice(0, 5), zone: this.timeZone, moved: wall };
    } else if (isLocalTime(raw.start) && localTimeOf(start, this.timeZone) !== raw.start.slice(0, 5)) {
      this.offsetMismatches++;
    }
    const item = eventSubject(raw, start, this.timeZone, place);
    const note = <C extends ImportReportCode>(action: ImportAction, code: C, params: ImportReportParams[C]) => this.note(item, action, code, params);
    if (fromDay) note('repaired', 'START_FROM_DAY', fromDay);
    if (gap) note('repaired', 'START_IN_GAP', gap);

    let minutes = parseDuration(raw.duration);
    if (minutes === undefined && typeof raw.end === 'string' && isInstant(raw.end)) {
      minutes = Math.round((toMs(raw.end) - start) / MINUTE);
      note('repaired', 'DURATION_FROM_END', {});
    }
    if (minutes === undefined || minutes <= 0) {
      note('repaired', minutes === undefined ? 'DURATION_MISSING' : 'DURATION_ZERO', { minutes: this.timeslotMinutes });
      minutes = this.timeslotMinutes;
    }
    if (minutes > LIMITS.sessionDuration) return note('skipped', 'EVENT_TOO_LONG', { minutes, max: LIMITS.sessionDuration });

    const roomName = this.text(raw.room, LIMITS.name, 'room name', item) ?? roomKey;
    if (roomName !== roomKey) note('repaired', 'ROOM_MISMATCH', { listed: roomKey, named: roomName });

    let guid = isUuid(raw.guid) ? raw.guid.toLowerCase() : undefined;
    const first = guid ? this.sessionGuids.get(guid) : undefined;
    if (first && first.start === start && first.room === roomName) return note('skipped', 'EVENT_TWICE', { otherTitle: first.title, otherAt: first.at });
    if (first) {
      // The same workshop at two times: both are kept, the repeat under a guid of its own.
      note('repaired', 'GUID_REUSED', { otherTitle: first.title, otherAt: first.at });
      guid = undefined;
    }
    if (raw.guid !== undefined && raw.guid !== null && !isUuid(raw.guid)) note('repaired', 'GUID_NOT_UUID', {});

    let scheduleId: number | undefined;
    if (typeof raw.id === 'number' && Number.isInteger(raw.id) && raw.id >= 1) scheduleId = raw.id;
    else if (typeof raw.id === 'string' && /^\d+$/.test(raw.id.trim()) && Number(raw.id) >= 1) {
      scheduleId = Number(raw.id);
      note('repaired', 'ID_TEXT', { idJson: JSON.stringify(raw.id), number: scheduleId });
    } else if (raw.id !== undefined && raw.id !== null) note('repaired', 'ID_INVALID', { idJson: JSON.stringify(raw.id) });
    if (scheduleId !== undefined && scheduleId > LIMITS.scheduleId) {
      note('repaired', 'ID_TOO_LARGE', { id: String(raw.id).trim(), max: LIMITS.scheduleId });
      scheduleId = undefined;
    }
    if (scheduleId !== undefined && this.scheduleIds.has(scheduleId)) {
      note('repaired', 'ID_TAKEN', { id: scheduleId });
      scheduleId = undefined;
    }

    const textId = typeof raw.id === 'string' && raw.id.trim() && !/^\d+$/.test(raw.id.trim()) ? raw.id.trim() : undefined;
    const wantedId = scheduleId !== undefined ? String(scheduleId) : textId ?? guid ?? `event-${placeText(place)}`;
    const id = this.sessionIds.has(wantedId) && guid ? this.sessionIds.claim(guid) : this.sessionIds.claim(wantedId);

    const title = clean(raw.title, LIMITS.title);
    if (!title.text) note('repaired', 'TITLE_MISSING', {});
    else if (title.cut) note('repaired', 'TITLE_CUT', { max: LIMITS.title });
    else if (title.changed) note('repaired', 'TITLE_CLEANED', {});

    let language = this.language;
    if (typeof raw.language === 'string' && LANGUAGE.test(raw.language.trim().toLowerCase())) language = raw.language.trim().toLowerCase();
    else note('repaired', 'LANGUAGE_INVALID', { languageJson: JSON.stringify(raw.language ?? null), assumed: this.language });

    const session: Session = {
      id,
      kind: kindFor(raw.type),
      title: title.text ?? '(ohne Titel)',
      language,
      start: toInstant(start),
      end: toInstant(start + minutes * MINUTE),
      roomId: this.roomFor(roomName).id,
      people: [],
      livestream: !(raw.do_not_stream === true || raw.do_not_stream === 'true'),
      recordingConsent: raw.do_not_record !== true,
      status: 'scheduled',
      delayMinutes: 0,
    };
    if (guid) session.guid = guid;
    if (scheduleId !== undefined) session.scheduleId = scheduleId;
    const type = this.text(raw.type, LIMITS.eventType, 'type', item);
    if (type && type !== session.kind) session.eventType = type;
    const track = this.text(raw.track, LIMITS.name, 'track name', item);
    if (track) session.trackId = this.trackFor(track).id;
    for (const [field, max, multiline] of [['subtitle', LIMITS.subtitle, false], ['abstract', LIMITS.abstract, true], ['description', LIMITS.description, true]] as const) {
      const value = this.text(raw[field], max, field, item, multiline);
      if (value) session[field] = value;
    }
    const slug = typeof raw.slug === 'string' ? raw.slug.trim() : undefined;
    if (slug && SLUG_PATTERN.test(slug) && slug.length <= LIMITS.sessionSlug) session.slug = slug;
    else if (slug) {
      const fixed = slugify(slug, LIMITS.sessionSlug);
      if (fixed) session.slug = fixed;
      if (session.slug) note('repaired', 'SLUG_REPLACED', { slugJson: JSON.stringify(slug), used: session.slug });
      else note('repaired', 'SLUG_DROPPED', { slugJson: JSON.stringify(slug) });
    }
    if (typeof raw.url === 'string' && raw.url) {
      if (isUri(raw.url) && /^https?:/i.test(raw.url) && raw.url.length <= LIMITS.url) session.url = raw.url;
      else note('ignored', 'LINK_INVALID', { field: 'url', urlJson: JSON.stringify(raw.url.slice(0, 100)) });
    }

    const feedback = this.link(raw.feedback_url, 'feedback_url', item);
    if (feedback) session.feedbackUrl = feedback;
    const recording = Array.isArray(raw.links) ? raw.links.find((l) => isObject(l) && isRecordingLink(l)) : undefined;
    const recordingUrl = isObject(recording) ? this.link(recording.url, 'recording link', item) : undefined;
    if (recordingUrl) session.recordingUrl = recordingUrl;

    if (raw.persons !== undefined && !Array.isArray(raw.persons)) note('ignored', 'PERSONS_NOT_LIST', {});
    const persons = Array.isArray(raw.persons) ? raw.persons : [];
    const seen = new Set<string>();
    persons.forEach((p, i) => {
      const person = this.person(p, { ...item, person: { n: i + 1, ...(isObject(p) && typeof p.id !== 'object' && p.id !== undefined ? { id: String(p.id) } : {}) } });
      if (!person) return;
      const role: PersonRole = isObject(p) && typeof p.role === 'string' && ROLES.includes(p.role) ? (p.role as PersonRole) : 'speaker';
      if (seen.has(`${person.id}/${role}`)) return;
      if (session.people.length >= LIMITS.peoplePerSession) return note('ignored', 'TOO_MANY_PERSONS', { max: LIMITS.peoplePerSession });
      seen.add(`${person.id}/${role}`);
      session.people.push({ personId: person.id, role });
    });

    for (const key of NOT_KEPT) {
      const value = raw[key];
      if (value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0)) this.notKept.set(key, (this.notKept.get(key) ?? 0) + 1);
    }
    const extra = Object.keys(raw).filter((k) => !KNOWN_EVENT_KEYS.has(k));
    if (extra.length) note('ignored', 'MEMBERS_DROPPED', { members: extra.join(', ') });

    if (guid) this.sessionGuids.set(guid, { start, room: roomName, title: item.title ?? '', at: item.at ?? '' });
    if (scheduleId !== undefined) this.scheduleIds.add(scheduleId);
    this.sessions.push(session);
  }

  /** An absolute http(s) URL the model keeps, else undefined (and a report entry when there was something). */
  private link(value: unknown, field: 'feedback_url' | 'recording link', subject: ImportSubject): string | undefined {
    if (typeof value !== 'string' || !value) return undefined;
    if (isUri(value) && /^https?:/i.test(value) && value.length <= LIMITS.url) return value;
    this.note(subject, 'ignored', 'LINK_INVALID', { field, urlJson: JSON.stringify(value.slice(0, 100)) });
    return undefined;
  }

  reportNotKept(): void {
    if (this.notKept.size) this.note({ kind: 'schedule' }, 'ignored', 'NOT_KEPT', Object.fromEntries(this.notKept));
  }

  reportOffsetMismatch(): void {
    if (this.offsetMismatches) {
      this.note({ kind: 'conference' }, 'repaired', 'OFFSET_MISMATCH', { count: this.offsetMismatches, zone: this.timeZone });
    }
  }
}

