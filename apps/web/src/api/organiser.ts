import type { Attendance, AttendanceTimelineBody, RoomKind } from '@podium/contracts';
import { ApiError, del, enc, get, patch, post } from './http';

const conf = (slug: string) => `/api/conferences/${enc(slug)}`;

export interface NewConference {
  slug: string;
  title: string;
  timezone: string;
  startDate: string;
  endDate: string;
  format: 'digital' | 'hybrid' | 'in-person';
  venue?: string;
  allowGuests: boolean;
  published: boolean;
}
export const createConference = (body: NewConference) => post<{ slug: string }>('/api/conferences', body);

export type { RoomKind };
export const ROOM_KINDS: readonly RoomKind[] = ['virtual-stage', 'forum-room', 'hall'];
export interface NewRoom {
  name: string;
  kind: RoomKind;
  capacity?: number;
  changeoverMinutes?: number;
}
export const createRoom = (slug: string, body: NewRoom) => post<unknown>(`${conf(slug)}/rooms`, body);
/** A room as the api answers it (the programme's RoomInfo lacks the changeover). */
export interface SavedRoom {
  id: string;
  name: string;
  kind: RoomKind;
  capacity: number | null;
  changeoverMinutes: number;
  position: number;
}
/** Only the fields given change; `capacity: null` clears it. */
export interface RoomWrite {
  name?: string;
  kind?: RoomKind;
  capacity?: number | null;
  changeoverMinutes?: number;
}
export const updateRoom = (slug: string, id: string, body: RoomWrite) => patch<SavedRoom>(`${conf(slug)}/rooms/${enc(id)}`, body);
/** Its sessions stay in the programme, without a room. */
export const deleteRoom = (slug: string, id: string) => del<void>(`${conf(slug)}/rooms/${enc(id)}`);

/** `color` is '#rrggbb'; `null` clears it. */
export interface TrackWrite {
  name?: string;
  color?: string | null;
}
export interface SavedTrack {
  id: string;
  name: string;
  color: string | null;
}
export const createTrack = (slug: string, body: TrackWrite & { name: string }) => post<SavedTrack>(`${conf(slug)}/tracks`, body);
export const updateTrack = (slug: string, id: string, body: TrackWrite) => patch<SavedTrack>(`${conf(slug)}/tracks/${enc(id)}`, body);
/** Its sessions stay in the programme, without a track. */
export const deleteTrack = (slug: string, id: string) => del<void>(`${conf(slug)}/tracks/${enc(id)}`);

/** The fields of a session write; `null` clears a field, a missing one stays as it is. */
export interface SessionWrite {
  kind?: string;
  title?: string;
  abstract?: string | null;
  language?: string;
  start?: string;
  end?: string;
  roomId?: string | null;
  trackId?: string | null;
  capacity?: number | null;
  livestream?: boolean;
  // The api replaces all four lists as soon as one is given, so they always travel together.
  moderators?: string[];
  speakers?: string[];
  interpreters?: string[];
  captioners?: string[];
  /** Write even if it causes conflicts. */
  force?: boolean;
}
export interface NewSession extends SessionWrite {
  title: string;
  kind: string;
  start: string;
  end: string;
}
export interface SavedSession {
  id: string;
  title: string;
}
export const createSession = (slug: string, body: NewSession) => post<SavedSession>(`${conf(slug)}/sessions`, body);
export const updateSession = (id: string, body: SessionWrite) => patch<SavedSession>(`/api/sessions/${enc(id)}`, body);
export const deleteSession = (id: string) => del<void>(`/api/sessions/${enc(id)}`);

export interface ImportReportEntry {
  item: string;
  action: 'repaired' | 'skipped' | 'ignored';
  message: string;
}
export interface ImportAnswer {
  conference?: { slug: string; title?: string };
  slug?: string;
  report?: ImportReportEntry[];
  counts?: Record<string, number>;
}
/** A frab/pretalx schedule.json; the answer carries the import report. */
export const importSchedule = (json: unknown) => post<ImportAnswer>('/api/conferences/import', json);

export interface ConflictInfo {
  kind: 'room-overlap' | 'person-overlap' | 'outside-conference' | 'capacity-exceeded';
  session: { id: string; title: string };
  other?: { id: string; title: string };
  personId?: string;
  capacity?: number;
  registrations?: number;
  message: string;
}

/** The conflicts a 409 answer names, or null for any other error. */
export function conflictsOf(error: unknown): ConflictInfo[] | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const list = error.details?.conflicts;
  return Array.isArray(list) && list.length > 0 ? (list as ConflictInfo[]) : null;
}
export const loadConflicts = (slug: string, signal?: AbortSignal) => get<ConflictInfo[] | { conflicts: ConflictInfo[] }>(`${conf(slug)}/conflicts`, signal);

export type { Attendance };
export const loadAttendance = (sessionId: string, signal?: AbortSignal) => get<Attendance>(`/api/sessions/${enc(sessionId)}/attendance`, signal);

export type AttendanceTimeline = AttendanceTimelineBody;
export const loadAttendanceTimeline = (sessionId: string, minutes: number, signal?: AbortSignal) =>
  get<AttendanceTimeline>(`/api/sessions/${enc(sessionId)}/attendance/timeline?minutes=${minutes}`, signal);

export interface PersonWithRoles {
  id: string;
  displayName?: string;
  name?: string;
  roles?: string[];
  guest?: boolean;
}
export const loadPeople = (slug: string, signal?: AbortSignal) => get<PersonWithRoles[] | { people: PersonWithRoles[] }>(`${conf(slug)}/people`, signal);
