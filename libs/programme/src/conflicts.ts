/**
 * Conflict rules of a programme: a room used twice (with its changeover buffer), a person in two
 * places, a session outside the conference days, a full session. Sweeps per room and per person
 * keep a whole-programme check at n log n; a single write is checked in one linear pass.
 */
import { DomainError } from '@podium/contracts';
import type { Programme, Room, Session } from './model';
import { intervalsClash, overlappingPairs, type Interval } from './overlap';
import { dayBounds, toMs } from './time';

const MINUTE = 60_000;

export type ConflictKind = 'room-overlap' | 'person-overlap' | 'outside-conference' | 'capacity-exceeded';

export interface SessionRef {
  id: string;
  title: string;
}

export type Conflict =
  | { kind: 'room-overlap'; session: SessionRef; other: SessionRef; roomId: string; changeoverMinutes: number; message: string }
  | { kind: 'person-overlap'; session: SessionRef; other: SessionRef; personId: string; message: string }
  | { kind: 'outside-conference'; session: SessionRef; message: string }
  | { kind: 'capacity-exceeded'; session: SessionRef; capacity: number; registrations: number; message: string };

export type ConflictInput = Pick<Programme, 'conference' | 'rooms' | 'sessions'>;

const ref = (s: Session): SessionRef => ({ id: s.id, title: s.title });

/** Cancelled sessions and breaks without a room take no room, person or day. */
export function takesPart(s: Session): boolean {
  return s.status !== 'cancelled' && !(s.kind === 'break' && !s.roomId);
}

function span(s: Session): { start: number; end: number } | null {
  const start = toMs(s.start);
  const end = toMs(s.end);
  return Number.isFinite(start) && Number.isFinite(end) ? { start, end } : null;
}

function roomOverlap(a: Session, b: Session, room: Room | undefined): Conflict {
  const changeoverMinutes = room?.changeoverMinutes ?? 0;
  const buffer = changeoverMinutes ? ` (with ${changeoverMinutes} min changeover)` : '';
  return {
    kind: 'room-overlap',
    session: ref(a),
    other: ref(b),
    roomId: a.roomId as string,
    changeoverMinutes,
    message: `"${a.title}" and "${b.title}" overlap in room ${room?.name ?? a.roomId}${buffer}`,
  };
}

function personOverlap(a: Session, b: Session, personId: string): Conflict {
  return {
    kind: 'person-overlap',
    session: ref(a),
    other: ref(b),
    personId,
    message: `person ${personId} is on "${a.title}" and "${b.title}" at the same time`,
  };
}

/** The conference's span in instants: the first day's start to the last day's end (local midnight, or its day change). */
function conferenceWindow(conference: Programme['conference']): { start: number; end: number } {
  return {
    start: toMs(dayBounds(conference.startDate, conference.timezone, conference.dayChange).start),
    end: toMs(dayBounds(conference.endDate, conference.timezone, conference.dayChange).end),
  };
}

function outsideConference(s: Session, window: { start: number; end: number }, conference: Programme['conference']): Conflict | null {
  const t = span(s);
  if (!t || (t.start >= window.start && t.end <= window.end)) return null;
  return {
    kind: 'outside-conference',
    session: ref(s),
    message: `"${s.title}" lies outside the conference days ${conference.startDate} to ${conference.endDate} (${conference.timezone})`,
  };
}

function personIds(s: Session): Set<string> {
  return new Set(s.people.map((p) => p.personId));
}

/** Every conflict in a programme, each pair once (the earlier-starting session first). */
export function allConflicts(programme: ConflictInput): Conflict[] {
  const rooms = new Map(programme.rooms.map((r) => [r.id, r]));
  const byRoom = new Map<string, Interval<Session>[]>();
  const byPerson = new Map<string, Interval<Session>[]>();
  const window = conferenceWindow(programme.conference);
  const conflicts: Conflict[] = [];
  for (const s of programme.sessions) {
    const t = span(s);
    if (!t || !takesPart(s)) continue;
    const interval = { ...t, item: s };
    if (s.roomId) {
      const list = byRoom.get(s.roomId);
      if (list) list.push(interval);
      else byRoom.set(s.roomId, [interval]);
    }
    for (const personId of personIds(s)) {
      const list = byPerson.get(personId);
      if (list) list.push(interval);
      else byPerson.set(personId, [interval]);
    }
    const outside = outsideConference(s, window, programme.conference);
    if (outside) conflicts.push(outside);
  }
  for (const [roomId, intervals] of byRoom) {
    const room = rooms.get(roomId);
    for (const [a, b] of overlappingPairs(intervals, (room?.changeoverMinutes ?? 0) * MINUTE)) conflicts.push(roomOverlap(a, b, room));
  }
  for (const [personId, intervals] of byPerson) {
    for (const [a, b] of overlappingPairs(intervals)) conflicts.push(personOverlap(a, b, personId));
  }
  return conflicts;
}

/**
 * The conflicts that writing `candidate` (new, or replacing the session with its id) would create,
 * with the candidate as `session` and the existing session as `other`; empty when it fits.
 */
export function checkSessionWrite(programme: ConflictInput, candidate: Session): Conflict[] {
  if (!takesPart(candidate)) return [];
  const t = span(candidate);
  if (!t) return [];
  const room = candidate.roomId ? programme.rooms.find((r) => r.id === candidate.roomId) : undefined;
  const gap = (room?.changeoverMinutes ?? 0) * MINUTE;
  const people = personIds(candidate);
  const conflicts: Conflict[] = [];
  const outside = outsideConference(candidate, conferenceWindow(programme.conference), programme.conference);
  if (outside) conflicts.push(outside);
  for (const other of programme.sessions) {
    if (other.id === candidate.id || !takesPart(other)) continue;
    const o = span(other);
    if (!o) continue;
    if (candidate.roomId && other.roomId === candidate.roomId && intervalsClash(t, o, gap)) {
      conflicts.push(roomOverlap(candidate, other, room));
    }
    if (people.size === 0 || !intervalsClash(t, o)) continue;
    for (const personId of personIds(other)) if (people.has(personId)) conflicts.push(personOverlap(candidate, other, personId));
  }
  return conflicts;
}

/** Seats of a session: its own capacity, else its room's; undefined means unlimited. */
export function effectiveCapacity(session: Pick<Session, 'capacity'>, room?: Pick<Room, 'capacity'>): number | undefined {
  return session.capacity ?? room?.capacity;
}

/**
 * Whether one more registration fits, given how many are registered and the seats there are.
 * Returns the conflict when it would exceed the capacity (e.g. a full forum), else null.
 */
export function checkRegistration(
  session: Pick<Session, 'id' | 'title'>,
  registrations: number,
  capacity: number | undefined,
): Conflict | null {
  if (capacity === undefined || registrations + 1 <= capacity) return null;
  return {
    kind: 'capacity-exceeded',
    session: { id: session.id, title: session.title },
    capacity,
    registrations,
    message: `"${session.title}" is full: ${registrations} of ${capacity} places taken`,
  };
}

/** For the edge: refuse a write that creates conflicts (409) unless the organiser forces it. */
export function assertNoConflicts(conflicts: readonly Conflict[], options: { force?: boolean } = {}): void {
  if (conflicts.length === 0 || options.force) return;
  const first = conflicts[0].message;
  const more = conflicts.length > 1 ? ` (and ${conflicts.length - 1} more)` : '';
  throw new DomainError('CONFLICT', `${first}${more}`, { conflicts });
}
