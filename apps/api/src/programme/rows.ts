import type { Conference, Person, PersonRole, Room, RoomKind, Session, SessionKind, SessionStatus, Track } from '@podium/programme';

/** Rows as PostgreSQL returns them, and their mapping to the domain model (ids stay uuids). */
export interface ConferenceRow {
  id: string;
  slug: string;
  title: string;
  description: string | null;
  timezone: string;
  start_date: string;
  end_date: string;
  format: Conference['format'];
  venue: string | null;
  allow_guests: boolean;
  published: boolean;
  url: string | null;
  day_change: string | null;
}

export const CONFERENCE_COLUMNS = `id, slug, title, description, timezone, to_char(start_date, 'YYYY-MM-DD') AS start_date,
  to_char(end_date, 'YYYY-MM-DD') AS end_date, format, venue, allow_guests, published, url, day_change`;

export interface RoomRow {
  id: string;
  name: string;
  kind: RoomKind;
  capacity: number | null;
  changeover_minutes: number;
  position: number;
  guid: string;
}

export interface TrackRow {
  id: string;
  name: string;
  color: string | null;
}

export interface SessionRow {
  id: string;
  conference_id: string;
  guid: string;
  kind: SessionKind;
  title: string;
  subtitle: string | null;
  abstract: string | null;
  description: string | null;
  language: string;
  starts_at: Date;
  ends_at: Date;
  room_id: string | null;
  track_id: string | null;
  capacity: number | null;
  livestream: boolean;
  recording_consent: boolean;
  status: SessionStatus;
  delay_minutes: number;
  slug: string | null;
  url: string | null;
  event_type: string | null;
  schedule_id: number | null;
  recording_url: string | null;
  feedback_url: string | null;
}

export const SESSION_COLUMNS = `id, conference_id, guid, kind, title, subtitle, abstract, description, language, starts_at, ends_at,
  room_id, track_id, capacity, livestream, recording_consent, status, delay_minutes, slug, url, event_type, schedule_id,
  recording_url, feedback_url`;

export interface PersonRow {
  id: string;
  display_name: string;
  function: string | null;
  organisation: string | null;
  biography: string | null;
  guid: string | null;
}

export interface SessionPersonRow {
  session_id: string;
  person_id: string;
  role: PersonRole;
}

const opt = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

export function toConference(r: ConferenceRow): Conference {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    timezone: r.timezone,
    startDate: r.start_date,
    endDate: r.end_date,
    format: r.format,
    venue: opt(r.venue),
    allowGuests: r.allow_guests,
    description: opt(r.description),
    url: opt(r.url),
    dayChange: opt(r.day_change),
  };
}

export function toRoom(r: RoomRow): Room {
  return { id: r.id, name: r.name, kind: r.kind, capacity: opt(r.capacity), changeoverMinutes: r.changeover_minutes, position: r.position, guid: r.guid };
}

export function toTrack(r: TrackRow): Track {
  return { id: r.id, name: r.name, color: opt(r.color) };
}

export function toPerson(r: PersonRow): Person {
  return { id: r.id, name: r.display_name, function: opt(r.function), organisation: opt(r.organisation), biography: opt(r.biography), guid: opt(r.guid) };
}

export function toSession(r: SessionRow, people: Session['people'] = []): Session {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    subtitle: opt(r.subtitle),
    abstract: opt(r.abstract),
    description: opt(r.description),
    language: r.language,
    start: r.starts_at.toISOString(),
    end: r.ends_at.toISOString(),
    roomId: opt(r.room_id),
    trackId: opt(r.track_id),
    people,
    capacity: opt(r.capacity),
    livestream: r.livestream,
    recordingConsent: r.recording_consent,
    status: r.status,
    delayMinutes: r.delay_minutes,
    guid: r.guid,
    scheduleId: opt(r.schedule_id),
    slug: opt(r.slug),
    url: opt(r.url),
    eventType: opt(r.event_type),
    recordingUrl: opt(r.recording_url),
    feedbackUrl: opt(r.feedback_url),
  };
}

/** Session columns in the order `sessionValues` writes them. */
export const SESSION_WRITE_COLUMNS = [
  'id', 'conference_id', 'guid', 'kind', 'title', 'subtitle', 'abstract', 'description', 'language', 'starts_at', 'ends_at', 'room_id', 'track_id',
  'capacity', 'livestream', 'recording_consent', 'status', 'delay_minutes', 'slug', 'url', 'event_type', 'schedule_id',
  'recording_url', 'feedback_url',
];

export function sessionValues(s: Session, conferenceId: string, guid: string): unknown[] {
  return [
    s.id, conferenceId, guid, s.kind, s.title, s.subtitle ?? null, s.abstract ?? null, s.description ?? null, s.language, s.start, s.end,
    s.roomId ?? null, s.trackId ?? null, s.capacity ?? null, s.livestream, s.recordingConsent, s.status, s.delayMinutes, s.slug ?? null,
    s.url ?? null, s.eventType ?? null, s.scheduleId ?? null, s.recordingUrl ?? null, s.feedbackUrl ?? null,
  ];
}
