import type {
  Attendance,
  AttendanceTimelineBody,
  ConferenceSummary,
  ConflictInfo,
  ConflictsView,
  ImportAnswer,
  ImportReportEntry,
  NewConference,
  NewRoom,
  NewSession,
  NewTrack,
  PersonWithSessions,
  RoomKind,
  RoomView,
  RoomWrite,
  SessionWrite,
  SessionWriteAnswer,
  TrackView,
  TrackWrite,
} from '@podium/contracts';
import { ApiError, del, enc, get, patch, post, request } from './http';

const conf = (slug: string) => `/api/conferences/${enc(slug)}`;

export const createConference = (body: NewConference) => post<ConferenceSummary>('/api/conferences', body);

export type { ConflictInfo, ImportAnswer, ImportReportEntry, NewConference, NewRoom, NewSession, NewTrack, PersonWithSessions, RoomKind, RoomWrite, SessionWrite, SessionWriteAnswer, TrackWrite };
export const ROOM_KINDS: readonly RoomKind[] = ['virtual-stage', 'forum-room', 'hall'];
export const createRoom = (slug: string, body: NewRoom) => post<RoomView>(`${conf(slug)}/rooms`, body);
export const updateRoom = (slug: string, id: string, body: RoomWrite) => patch<RoomView>(`${conf(slug)}/rooms/${enc(id)}`, body);
/** Its sessions stay in the programme, without a room. */
export const deleteRoom = (slug: string, id: string) => del<void>(`${conf(slug)}/rooms/${enc(id)}`);

export const createTrack = (slug: string, body: NewTrack) => post<TrackView>(`${conf(slug)}/tracks`, body);
export const updateTrack = (slug: string, id: string, body: TrackWrite) => patch<TrackView>(`${conf(slug)}/tracks/${enc(id)}`, body);
/** Its sessions stay in the programme, without a track. */
export const deleteTrack = (slug: string, id: string) => del<void>(`${conf(slug)}/tracks/${enc(id)}`);

export const createSession = (slug: string, body: NewSession) => post<SessionWriteAnswer>(`${conf(slug)}/sessions`, body);
export const updateSession = (id: string, body: SessionWrite) => patch<SessionWriteAnswer>(`/api/sessions/${enc(id)}`, body);
export const deleteSession = (id: string) => del<void>(`/api/sessions/${enc(id)}`);

/** A frab/pretalx schedule.json; the answer carries the import report. A draft unless `publish` is true. */
/** A schedule.json (as its parsed document) or a schedule.xml (as its text, sent as application/xml). */
export type ScheduleUpload = { json: unknown } | { xml: string };
export const importSchedule = (upload: ScheduleUpload, publish = false) => {
  const path = `/api/conferences/import${publish ? '?publish=true' : ''}`;
  return 'xml' in upload ? request<ImportAnswer>('POST', path, { body: upload.xml, contentType: 'application/xml' }) : post<ImportAnswer>(path, upload.json);
};

/** The conflicts a 409 answer names, or null for any other error. */
export function conflictsOf(error: unknown): ConflictInfo[] | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const list = error.details?.conflicts;
  return Array.isArray(list) && list.length > 0 ? (list as ConflictInfo[]) : null;
}
export const loadConflicts = (slug: string, signal?: AbortSignal) => get<ConflictsView>(`${conf(slug)}/conflicts`, signal);

export type { Attendance };
export const loadAttendance = (sessionId: string, signal?: AbortSignal) => get<Attendance>(`/api/sessions/${enc(sessionId)}/attendance`, signal);

export type AttendanceTimeline = AttendanceTimelineBody;
export const loadAttendanceTimeline = (sessionId: string, minutes: number, signal?: AbortSignal) =>
  get<AttendanceTimeline>(`/api/sessions/${enc(sessionId)}/attendance/timeline?minutes=${minutes}`, signal);

export const loadPeople = (slug: string, signal?: AbortSignal) => get<PersonWithSessions[]>(`${conf(slug)}/people`, signal);
