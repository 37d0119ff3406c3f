import type { PersonView, ProgrammeData, SessionView } from '../api/programme';

const MINUTE = 60_000;

/** Planned times plus the announced delay. */
export const shownStart = (s: SessionView) => Date.parse(s.start) + s.delayMinutes * MINUTE;
export const shownEnd = (s: SessionView) => Date.parse(s.end) + s.delayMinutes * MINUTE;

export function isLive(s: SessionView, now: number): boolean {
  if (s.status === 'live') return true;
  if (s.status === 'ended' || s.status === 'cancelled') return false;
  return shownStart(s) <= now && now < shownEnd(s);
}

export function isOver(s: SessionView, now: number): boolean {
  return s.status === 'ended' || (s.status !== 'live' && shownEnd(s) <= now);
}

export function byStart(a: SessionView, b: SessionView): number {
  return shownStart(a) - shownStart(b) || a.title.localeCompare(b.title);
}

/** Pairs of sessions whose shown times overlap (bookmarks in "Mein Programm"). */
export function overlaps(sessions: SessionView[]): [SessionView, SessionView][] {
  const sorted = sessions.filter((s) => s.status !== 'cancelled').sort(byStart);
  const pairs: [SessionView, SessionView][] = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && shownStart(sorted[j]) < shownEnd(sorted[i]); j++) pairs.push([sorted[i], sorted[j]]);
  }
  return pairs;
}

/** Minutes after midnight of a day change 'HH:MM' (0 for none or anything else). */
export function dayChangeMinutes(dayChange: string | undefined): number {
  const m = /^(\d{2}):(\d{2})$/.exec(dayChange ?? '');
  return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
}

/**
 * Sessions grouped by their local date in `localDate`'s zone, days in order. With a day change
 * ('04:00') a session before it belongs to the day before, as on the server (off by the DST hour
 * only for a session within an hour of the day change on the night the clocks change).
 */
export function groupByDay(sessions: SessionView[], localDate: (ms: number) => string, dayChange?: string): { date: string; sessions: SessionView[] }[] {
  const days = new Map<string, SessionView[]>();
  const shift = dayChangeMinutes(dayChange) * 60_000;
  for (const s of [...sessions].sort(byStart)) {
    const d = localDate(shownStart(s) - shift);
    days.set(d, [...(days.get(d) ?? []), s]);
  }
  return [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, list]) => ({ date, sessions: list }));
}

/** Sessions that start at the same time, side by side (parallel forums). */
export function groupBySlot(sessions: SessionView[]): { start: number; sessions: SessionView[] }[] {
  const slots = new Map<number, SessionView[]>();
  for (const s of [...sessions].sort(byStart)) slots.set(shownStart(s), [...(slots.get(shownStart(s)) ?? []), s]);
  return [...slots.entries()].map(([start, list]) => ({ start, sessions: list }));
}

export interface NamedPerson {
  personId: string;
  role: string;
  name: string;
  person?: PersonView;
}

export function peopleOf(s: SessionView, programme: ProgrammeData): NamedPerson[] {
  const byId = new Map(programme.people.map((p) => [p.id, p]));
  return s.people.map((sp) => {
    const person = byId.get(sp.personId);
    return { personId: sp.personId, role: sp.role, person, name: person?.name ?? sp.name ?? '' };
  });
}

export function roomName(s: SessionView, programme: ProgrammeData): string | undefined {
  return programme.rooms.find((r) => r.id === s.roomId)?.name;
}

/** Per room: the session on now and the next one. */
export function nowAndNext(programme: ProgrammeData, now: number) {
  return programme.rooms
    .map((room) => {
      const inRoom = programme.sessions.filter((s) => s.roomId === room.id && s.status !== 'cancelled').sort(byStart);
      return { room, now: inRoom.find((s) => isLive(s, now)), next: inRoom.find((s) => !isLive(s, now) && !isOver(s, now) && shownStart(s) > now) };
    })
    .filter((r) => r.now || r.next);
}

/** A speaker of a fishbowl or a panel sits on the panel: label them so, not as giving a talk. */
export function roleLabel(role: string, kind: string): `role.${string}` {
  if (role === 'speaker' && (kind === 'fishbowl' || kind === 'panel')) return 'role.panelist';
  return `role.${role}` as `role.${string}`;
}
