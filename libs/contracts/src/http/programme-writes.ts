/** HTTP bodies and answers of the organisers' and moderators' programme writes. */
import type { ConferenceFormat, RoomKind, SessionKind } from '../programme';
import type { ConferenceSummary, SessionView } from './programme';
import type { ImportReportEntry } from './import-report';

export interface SessionRef {
  id: string;
  title: string;
}

/** A conflict in the programme, in 409 details (`details.conflicts`) and in `GET .../conflicts`. */
export type ConflictInfo =
  | { kind: 'room-overlap'; session: SessionRef; other: SessionRef; roomId: string; changeoverMinutes: number; message: string }
  | { kind: 'person-overlap'; session: SessionRef; other: SessionRef; personId: string; message: string }
  | { kind: 'outside-conference'; session: SessionRef; message: string }
  | { kind: 'capacity-exceeded'; session: SessionRef; capacity: number; registrations: number; message: string };

/** `GET /api/conferences/:slug/conflicts`. */
export interface ConflictsView {
  count: number;
  conflicts: ConflictInfo[];
}

// Request bodies: the api's DTO classes implement these, so a field added on one side only is a compile error.

/** `POST /api/conferences`: a new conference lasts one day unless endDate or days say otherwise. */
export interface NewConference {
  slug: string;
  title: string;
  description?: string | null;
  /** IANA zone, 'Europe/Berlin' by default. */
  timezone?: string;
  startDate: string;
  endDate?: string;
  /** Instead of endDate. */
  days?: number;
  format?: ConferenceFormat;
  venue?: string | null;
  allowGuests?: boolean;
  published?: boolean;
  url?: string | null;
}
/** `PATCH /api/conferences/:slug`: only the fields given change; the slug stays. */
export type ConferenceWrite = Partial<Omit<NewConference, 'slug'>>;

/** `POST /api/conferences/:slug/rooms`. */
export interface NewRoom {
  name: string;
  kind?: RoomKind;
  capacity?: number | null;
  changeoverMinutes?: number;
  position?: number;
}
/** `PATCH .../rooms/:id`: only the fields given change; `capacity: null` clears it. */
export type RoomWrite = Partial<NewRoom>;

/** `POST /api/conferences/:slug/tracks`; `color` is '#rrggbb'. */
export interface NewTrack {
  name: string;
  color?: string | null;
}
/** `PATCH .../tracks/:id`: `color: null` clears it. */
export type TrackWrite = Partial<NewTrack>;

/** `POST /api/conferences/:slug/people`. */
export interface NewPerson {
  name: string;
  function?: string | null;
  organisation?: string | null;
  biography?: string | null;
}
export type PersonWrite = Partial<NewPerson>;

/** `POST /api/conferences/:slug/sessions`; times are ISO instants with offset or local times in the conference zone. */
export interface NewSession {
  kind: SessionKind;
  title: string;
  subtitle?: string | null;
  abstract?: string | null;
  description?: string | null;
  language?: string;
  start: string;
  end: string;
  roomId?: string | null;
  trackId?: string | null;
  // The api replaces all four lists as soon as one is given, so they always travel together.
  moderators?: string[];
  speakers?: string[];
  interpreters?: string[];
  captioners?: string[];
  capacity?: number | null;
  livestream?: boolean;
  recordingConsent?: boolean;
  /** http(s) links an organiser sets; `null` clears them. */
  recordingUrl?: string | null;
  feedbackUrl?: string | null;
  /** Write even if it causes conflicts (same as ?force=true). */
  force?: boolean;
}
/** Where a writer saw a session (UTC instants, room or null): sent as `expected`, a moved session refuses the write. */
export interface SessionPlacement {
  start: string;
  end: string;
  roomId: string | null;
}
/**
 * `PATCH /api/sessions/:id`: `null` clears a field, a missing one stays as it is. With `expected`, the write is
 * refused (409 STALE_VERSION, details `changed` and `current`) when the session no longer sits there.
 */
export type SessionWrite = Partial<NewSession> & { expected?: SessionPlacement };

/** `POST .../sessions`, `PATCH /api/sessions/:id`: the session as written, with the conflicts it was forced over. */
export interface SessionWriteAnswer extends SessionView {
  conflicts: ConflictInfo[];
}

/** `POST /api/sessions/:id/{start,end,extend,delay,cancel,reinstate}`: the session and every session that moved. */
export interface LifecycleAnswer {
  session: SessionView;
  changed: SessionView[];
  conflicts: ConflictInfo[];
}

/** `POST /api/conferences/import`: the new conference and what had to be repaired. */
export interface ImportAnswer {
  slug: string;
  conference: ConferenceSummary;
  report: ImportReportEntry[];
  counts: { sessions: number; rooms: number; tracks: number; people: number };
}
