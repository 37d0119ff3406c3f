import { enc, get, post } from './http';

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

export interface NewRoom {
  name: string;
  kind: 'virtual-stage' | 'forum-room' | 'hall';
  capacity?: number;
}
export const createRoom = (slug: string, body: NewRoom) => post<unknown>(`${conf(slug)}/rooms`, body);

export interface NewSession {
  title: string;
  kind: string;
  start: string;
  end: string;
  roomId?: string;
  abstract?: string;
  livestream: boolean;
}
export const createSession = (slug: string, body: NewSession) => post<unknown>(`${conf(slug)}/sessions`, body);

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
  message: string;
}
export const loadConflicts = (slug: string, signal?: AbortSignal) => get<ConflictInfo[] | { conflicts: ConflictInfo[] }>(`${conf(slug)}/conflicts`, signal);

/** Attendance of one session's stage room: live count, peak and unique attendees. */
export interface Attendance {
  sessionId: string;
  live: number;
  peak: number;
  totalUnique: number;
  connections: number;
  backstageLive: number;
}
export const loadAttendance = (sessionId: string, signal?: AbortSignal) => get<Attendance>(`/api/sessions/${enc(sessionId)}/attendance`, signal);

export interface PersonWithRoles {
  id: string;
  displayName?: string;
  name?: string;
  roles?: string[];
  guest?: boolean;
}
export const loadPeople = (slug: string, signal?: AbortSignal) => get<PersonWithRoles[] | { people: PersonWithRoles[] }>(`${conf(slug)}/people`, signal);
