import type { PersonRole, SessionKind, SessionStatus } from '@podium/contracts';
import { ApiError, enc, get } from './http';
import { getConference, type ConferenceSummary } from './conferences';

export type { PersonRole, SessionKind, SessionStatus };

export interface RoomInfo {
  id: string;
  name: string;
  kind?: string;
  capacity?: number | null;
  position?: number;
}

export interface TrackInfo {
  id: string;
  name: string;
  color?: string | null;
}

export interface PersonInfo {
  id: string;
  name: string;
  function?: string | null;
  organisation?: string | null;
  biography?: string | null;
}

export interface SessionPersonInfo {
  personId: string;
  role: PersonRole;
  /** Some answers embed the name; otherwise it is looked up in `people`. */
  name?: string;
  displayName?: string;
}

export interface SessionInfo {
  id: string;
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
  people: SessionPersonInfo[];
  capacity?: number | null;
  livestream: boolean;
  status: SessionStatus;
  delayMinutes: number;
}

export interface ProgrammeData {
  conference: ConferenceSummary;
  rooms: RoomInfo[];
  tracks: TrackInfo[];
  sessions: SessionInfo[];
  people: PersonInfo[];
}

const base = (slug: string) => `/api/conferences/${enc(slug)}`;

/** Reads a list that may come bare or wrapped (`{ items }`, `{ sessions }`...). */
function list<T>(value: unknown, key: string): T[] {
  if (Array.isArray(value)) return value as T[];
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const k of [key, 'items', 'data']) if (Array.isArray(record[k])) return record[k] as T[];
  }
  return [];
}

async function optional<T>(load: Promise<T>, fallback: T): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 405)) return fallback;
    throw error;
  }
}

/** The whole programme of a conference: one request when the api offers it, else by resource. */
export async function loadProgramme(slug: string, signal?: AbortSignal): Promise<ProgrammeData> {
  const whole = await optional(get<Partial<ProgrammeData>>(`${base(slug)}/programme`, signal), null);
  if (whole && Array.isArray(whole.sessions)) {
    const conference = whole.conference ?? (await getConference(slug, signal));
    return normalise({ conference, rooms: whole.rooms ?? [], tracks: whole.tracks ?? [], sessions: whole.sessions, people: whole.people ?? [] });
  }
  const [conference, sessions, rooms, tracks, people] = await Promise.all([
    getConference(slug, signal),
    optional(get<unknown>(`${base(slug)}/sessions`, signal), []),
    optional(get<unknown>(`${base(slug)}/rooms`, signal), []),
    optional(get<unknown>(`${base(slug)}/tracks`, signal), []),
    optional(get<unknown>(`${base(slug)}/people`, signal), []),
  ]);
  return normalise({
    conference,
    sessions: list<SessionInfo>(sessions, 'sessions'),
    rooms: list<RoomInfo>(rooms, 'rooms'),
    tracks: list<TrackInfo>(tracks, 'tracks'),
    people: list<PersonInfo>(people, 'people'),
  });
}

function normalise(p: ProgrammeData): ProgrammeData {
  return {
    ...p,
    rooms: [...p.rooms].sort((a, b) => (a.position ?? 0) - (b.position ?? 0) || a.name.localeCompare(b.name)),
    sessions: p.sessions.map((s) => ({ ...s, people: s.people ?? [], delayMinutes: s.delayMinutes ?? 0, status: s.status ?? 'scheduled', livestream: s.livestream ?? true })),
  };
}

export const calendarUrl = (slug: string) => `${base(slug)}/calendar.ics`;
export const scheduleJsonUrl = (slug: string) => `${base(slug)}/schedule.json`;
export const scheduleXmlUrl = (slug: string) => `${base(slug)}/schedule.xml`;
