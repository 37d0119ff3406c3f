/** HTTP answers of the programme reads: conferences, rooms, tracks, people, sessions, the whole programme. */
import type { ConferenceFormat, PersonRole, RoomKind, SessionKind, SessionStatus } from '../programme';

/** `GET /api/conferences[/:slug]`: dates are local 'YYYY-MM-DD' in `timezone`. */
export interface ConferenceSummary {
  id: string;
  slug: string;
  title: string;
  description: string | null;
  timezone: string;
  startDate: string;
  endDate: string;
  format: ConferenceFormat;
  venue: string | null;
  allowGuests: boolean;
  published: boolean;
  url: string | null;
  /** Every local date from startDate to endDate. */
  days: string[];
  /** 'HH:MM' at which a conference day ends (frab's day change: a 01:00 concert belongs to the evening before); '00:00' by default. */
  dayChange: string;
}

export interface RoomView {
  id: string;
  name: string;
  kind: RoomKind;
  capacity: number | null;
  /** Minutes the room needs between two sessions. */
  changeoverMinutes: number;
  position: number;
}

export interface TrackView {
  id: string;
  name: string;
  /** '#rrggbb' or none. */
  color: string | null;
}

export interface PersonView {
  id: string;
  name: string;
  function: string | null;
  organisation: string | null;
  biography: string | null;
}

/** A person on a session, with the name the programme shows. */
export interface SessionPersonView {
  personId: string;
  role: PersonRole;
  name: string | null;
  function: string | null;
  organisation: string | null;
}

/** One session: planned (start/end) and shown times (with the delay) in UTC, local times with the conference offset. */
export interface SessionView {
  id: string;
  kind: SessionKind;
  title: string;
  subtitle: string | null;
  abstract: string | null;
  description: string | null;
  language: string;
  start: string;
  end: string;
  shownStart: string;
  shownEnd: string;
  localStart: string;
  localEnd: string;
  durationMinutes: number;
  delayMinutes: number;
  /** As of now: a stored status the scheduler has not caught up with yet is not shown. */
  status: SessionStatus;
  roomId: string | null;
  trackId: string | null;
  capacity: number | null;
  livestream: boolean;
  recordingConsent: boolean;
  /** Where the recording can be watched, once there is one (organisers set it). */
  recordingUrl: string | null;
  /** Where attendees give feedback on the session (organisers set it). */
  feedbackUrl: string | null;
  people: SessionPersonView[];
}

/** One day of `GET /api/conferences/:slug/programme`: rooms with their sessions, and sessions without a room. */
export interface ProgrammeDay {
  date: string;
  rooms: Array<RoomView & { sessions: SessionView[] }>;
  unplaced: SessionView[];
}

/** `GET /api/conferences/:slug/programme` (filters ?day, ?room, ?track narrow days and sessions). */
export interface ProgrammeView {
  conference: ConferenceSummary;
  timezone: string;
  days: ProgrammeDay[];
  rooms: RoomView[];
  tracks: TrackView[];
  people: PersonView[];
  sessions: SessionView[];
}

/** `GET /api/conferences/:slug/now-next`: per room, the live session and the next one. */
export interface NowNextView {
  at: string;
  rooms: Array<{ room: RoomView; now: SessionView | null; next: SessionView | null }>;
}

/** `GET /api/[conferences/:slug/]sessions/:id`: a session with its room, track and registrations. */
export interface SessionDetails extends SessionView {
  conference: { id: string; slug: string; title: string; timezone: string };
  room: RoomView | null;
  track: TrackView | null;
  registrations: { count: number; capacity: number | null };
}

/** `GET /api/conferences/:slug/people`: a person with the sessions they are on. */
export interface PersonWithSessions extends PersonView {
  sessions: Array<{ sessionId: string; role: PersonRole }>;
}
