import type { PersonRole, PersonView, ProgrammeView, RoomView, SessionKind, SessionPersonView, SessionStatus, SessionView, TrackView } from '@podium/contracts';
import { enc, get } from './http';

export type { PersonRole, PersonView, ProgrammeView, RoomView, SessionKind, SessionPersonView, SessionStatus, SessionView, TrackView };

/** What the pages keep of `GET /api/conferences/:slug/programme`: the flat lists (the by-day tree is rebuilt locally). */
export type ProgrammeData = Pick<ProgrammeView, 'conference' | 'rooms' | 'tracks' | 'sessions' | 'people'>;

const base = (slug: string) => `/api/conferences/${enc(slug)}`;

/** The whole programme of a conference in one request. */
export async function loadProgramme(slug: string, signal?: AbortSignal): Promise<ProgrammeData> {
  const { conference, rooms, tracks, sessions, people } = await get<ProgrammeView>(`${base(slug)}/programme`, signal);
  return { conference, rooms: [...rooms].sort(byPosition), tracks, sessions, people };
}

const byPosition = (a: RoomView, b: RoomView) => a.position - b.position || a.name.localeCompare(b.name);

export const calendarUrl = (slug: string) => `${base(slug)}/calendar.ics`;
export const scheduleJsonUrl = (slug: string) => `${base(slug)}/schedule.json`;
export const scheduleXmlUrl = (slug: string) => `${base(slug)}/schedule.xml`;
