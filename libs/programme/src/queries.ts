/** Read-side views of a programme: by day, room and track, now-and-next per room, a personal agenda. */
import { shownEndMs, shownStartMs } from './delay';
import { lifecycleAt } from './lifecycle';
import { DEFAULT_BACKSTAGE_MINUTES, type Conference, type LocalDate, type Room, type Session, type TimeInput } from './model';
import { overlappingPairs } from './overlap';
import { conferenceDays, programmeDateOf } from './time';

/** Shown start, then title: the order a programme is read in. */
export function byShownStart(a: Session, b: Session): number {
  return shownStartMs(a) - shownStartMs(b) || a.title.localeCompare(b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Sessions of one conference day; with a `dayChange` ('04:00') the night after it belongs to it. */
export function sessionsOnDay(sessions: readonly Session[], date: LocalDate, timeZone: string, dayChange?: string): Session[] {
  return sessions.filter((s) => programmeDateOf(s.start, timeZone, dayChange) === date).sort(byShownStart);
}

export interface ProgrammeDay {
  date: LocalDate;
  sessions: Session[];
}

/**
 * Sessions grouped by the conference day of their planned start in the conference timezone (the
 * local date, or the day before until the conference's `dayChange`): every conference day (empty
 * ones too) in order, then any other dates sessions fall on.
 */
export function sessionsByDay(sessions: readonly Session[], conference: Pick<Conference, 'startDate' | 'endDate' | 'timezone' | 'dayChange'>): ProgrammeDay[] {
  const days = new Map<LocalDate, Session[]>(conferenceDays(conference).map((d) => [d, []]));
  for (const s of sessions) {
    const date = programmeDateOf(s.start, conference.timezone, conference.dayChange);
    const list = days.get(date);
    if (list) list.push(s);
    else days.set(date, [s]);
  }
  return [...days.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, list]) => ({ date, sessions: list.sort(byShownStart) }));
}

export function sessionsInRoom(sessions: readonly Session[], roomId: string): Session[] {
  return sessions.filter((s) => s.roomId === roomId).sort(byShownStart);
}

export function sessionsInTrack(sessions: readonly Session[], trackId: string): Session[] {
  return sessions.filter((s) => s.trackId === trackId).sort(byShownStart);
}

export interface RoomNowAndNext {
  room: Room;
  now?: Session;
  next?: Session;
}

/**
 * Per room (in display order): the session live now and the next one to come, by the lifecycle,
 * so a session started early shows as now and one ended early does not.
 */
export function nowAndNext(
  sessions: readonly Session[],
  rooms: readonly Room[],
  now: TimeInput,
  backstageMinutes = DEFAULT_BACKSTAGE_MINUTES,
): RoomNowAndNext[] {
  const byRoom = new Map<string, RoomNowAndNext>();
  const ordered = [...rooms].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  for (const room of ordered) byRoom.set(room.id, { room });
  for (const s of sessions) {
    const entry = s.roomId ? byRoom.get(s.roomId) : undefined;
    if (!entry) continue;
    const status = lifecycleAt(s, now, backstageMinutes);
    if (status === 'live' && (!entry.now || byShownStart(s, entry.now) < 0)) entry.now = s;
    if ((status === 'scheduled' || status === 'backstage') && (!entry.next || byShownStart(s, entry.next) < 0)) entry.next = s;
  }
  return [...byRoom.values()];
}

export interface AgendaWarning {
  kind: 'overlap' | 'cancelled';
  sessionId: string;
  otherSessionId?: string;
  message: string;
}

export interface Agenda {
  /** The bookmarked sessions in programme order. */
  sessions: Session[];
  warnings: AgendaWarning[];
  /** Bookmarks that name no session (deleted since). */
  missing: string[];
}

/** A person's bookmarks as an agenda, warning where two bookmarked sessions overlap (shown times). */
export function agenda(sessions: readonly Session[], bookmarks: readonly string[]): Agenda {
  const wanted = new Set(bookmarks);
  const picked = sessions.filter((s) => wanted.has(s.id)).sort(byShownStart);
  const found = new Set(picked.map((s) => s.id));
  const warnings: AgendaWarning[] = [];
  for (const s of picked) {
    if (s.status === 'cancelled') warnings.push({ kind: 'cancelled', sessionId: s.id, message: `"${s.title}" is cancelled` });
  }
  const live = picked.filter((s) => s.status !== 'cancelled').map((s) => ({ start: shownStartMs(s), end: shownEndMs(s), item: s }));
  for (const [a, b] of overlappingPairs(live)) {
    warnings.push({ kind: 'overlap', sessionId: a.id, otherSessionId: b.id, message: `"${a.title}" overlaps "${b.title}"` });
  }
  return { sessions: picked, warnings, missing: [...wanted].filter((id) => !found.has(id)) };
}
