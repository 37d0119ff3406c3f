import type { NewSession, SessionWrite } from '../api/organiser';
import type { PersonRole, SessionKind, SessionView } from '../api/programme';
import { utcToZoned, zonedToUtc } from './zoned';

export const KINDS: SessionKind[] = ['welcome', 'keynote', 'panel', 'fishbowl', 'forum', 'press-conference', 'marketplace', 'closing', 'break'];
const DAY = 86_400_000;
export const ROLES: PersonRole[] = ['moderator', 'speaker', 'interpreter', 'captioner'];

/** What the session form edits: strings as the fields hold them, times as wall clock in the conference zone. */
export interface SessionFormValues {
  title: string;
  kind: SessionKind;
  abstract: string;
  language: string;
  date: string;
  start: string;
  end: string;
  /** Whole days the end lies beyond its first occurrence after the start (sessions over several days). */
  extraDays: number;
  roomId: string;
  trackId: string;
  capacity: string;
  livestream: boolean;
  people: Record<PersonRole, string[]>;
}

export function emptyForm(date: string): SessionFormValues {
  return { title: '', kind: 'fishbowl', abstract: '', language: 'de', date, start: '10:00', end: '11:00', extraDays: 0, roomId: '', trackId: '', capacity: '', livestream: true, people: { moderator: [], speaker: [], interpreter: [], captioner: [] } };
}

export function formOf(s: SessionView, zone: string): SessionFormValues {
  const start = utcToZoned(s.start, zone);
  const end = utcToZoned(s.end, zone);
  const peopleIn = (role: PersonRole) => s.people.filter((p) => p.role === role).map((p) => p.personId);
  return {
    title: s.title,
    kind: s.kind,
    abstract: s.abstract ?? '',
    language: s.language ?? 'de',
    date: start.date,
    start: start.time,
    end: end.time,
    extraDays: Math.max(0, Math.round((Date.parse(end.date) - Date.parse(start.date)) / DAY) - (end.time < start.time ? 1 : 0)),
    roomId: s.roomId ?? '',
    trackId: s.trackId ?? '',
    capacity: s.capacity == null ? '' : String(s.capacity),
    livestream: s.livestream,
    people: { moderator: peopleIn('moderator'), speaker: peopleIn('speaker'), interpreter: peopleIn('interpreter'), captioner: peopleIn('captioner') },
  };
}

const addDays = (date: string, n: number) => (n === 0 ? date : new Date(Date.parse(date) + n * DAY).toISOString().slice(0, 10));

function times(v: SessionFormValues, zone: string): { start: string; end: string } {
  const start = zonedToUtc(v.date, v.start, zone);
  // One date field for both: an end time before the start time means past midnight.
  const days = v.extraDays + (v.end < v.start ? 1 : 0);
  const end = zonedToUtc(addDays(v.date, days), v.end, zone);
  return { start, end };
}

const peopleBody = (v: SessionFormValues) => ({ moderators: v.people.moderator, speakers: v.people.speaker, interpreters: v.people.interpreter, captioners: v.people.captioner });
const capacityOf = (v: SessionFormValues) => (v.capacity.trim() === '' ? null : Number(v.capacity));

export function createBody(v: SessionFormValues, zone: string): NewSession {
  return {
    title: v.title,
    kind: v.kind,
    abstract: v.abstract || undefined,
    language: v.language,
    ...times(v, zone),
    roomId: v.roomId || undefined,
    trackId: v.trackId || undefined,
    capacity: capacityOf(v) ?? undefined,
    livestream: v.livestream,
    ...peopleBody(v),
  };
}

/** Only what differs from the stored session, so an unchanged field is never rewritten. */
export function patchBody(v: SessionFormValues, s: SessionView, zone: string): SessionWrite {
  const body: SessionWrite = {};
  const was = formOf(s, zone);
  if (v.title !== s.title) body.title = v.title;
  if (v.kind !== s.kind) body.kind = v.kind;
  if (v.abstract !== was.abstract) body.abstract = v.abstract || null;
  if (v.language !== was.language) body.language = v.language;
  const t = times(v, zone);
  if (Date.parse(t.start) !== Date.parse(s.start)) body.start = t.start;
  if (Date.parse(t.end) !== Date.parse(s.end)) body.end = t.end;
  if (v.roomId !== was.roomId) body.roomId = v.roomId || null;
  if (v.trackId !== was.trackId) body.trackId = v.trackId || null;
  if (capacityOf(v) !== capacityOf(was)) body.capacity = capacityOf(v);
  if (v.livestream !== s.livestream) body.livestream = v.livestream;
  if (ROLES.some((r) => v.people[r].join() !== was.people[r].join())) Object.assign(body, peopleBody(v));
  return body;
}
