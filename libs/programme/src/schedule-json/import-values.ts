/** The plain values of the schedule.json import: report entries, text cleaning, event names, kinds, ids. */
import type { ImportPlace, ImportSubject } from '@podium/contracts';
import { LIMITS, SESSION_KINDS, type RoomKind, type SessionKind } from '../model';
import { localDateOf, localTimeOf } from '../time';
import { isUuid } from './rules';

export type { ImportAction, ImportReportEntry } from '@podium/contracts';

export type Json = Record<string, unknown>;
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Free text cut to what the model allows: control characters out, line breaks only where allowed.
 * A cut never leaves a trailing space, so cleaning the result again changes nothing (stable round trips).
 */
export function clean(value: unknown, max: number, multiline = false): { text?: string; changed: boolean; cut: boolean } {
  if (typeof value !== 'string') return { changed: false, cut: false };
  let text = value.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, '');
  if (!multiline) text = text.replace(/\s*[\r\n]+\s*/g, ' ');
  text = text.trim();
  const cut = text.length > max;
  if (cut) text = text.slice(0, max).trimEnd();
  return { text: text || undefined, changed: cut || text !== value.trim(), cut };
}

/** What a report entry about an event names: title, local time (else its place in the file), guid (else id) for the English item. */
export function eventSubject(raw: Json, startMs: number, timeZone: string, place: ImportPlace): ImportSubject & { kind: 'event' } {
  const title = clean(raw.title, 60).text;
  const ref = isUuid(raw.guid) ? `guid ${raw.guid.toLowerCase()}` : ['number', 'string'].includes(typeof raw.id) && raw.id !== '' ? `id ${String(raw.id)}` : undefined;
  const subject: ImportSubject & { kind: 'event' } = { kind: 'event' };
  if (title) subject.title = title;
  if (Number.isNaN(startMs)) subject.place = place;
  else subject.at = `${localDateOf(startMs, timeZone)} ${localTimeOf(startMs, timeZone)}`;
  if (ref) subject.ref = ref;
  return subject;
}

export function kindFor(type: unknown): SessionKind {
  const t = typeof type === 'string' ? type.trim().toLowerCase() : '';
  if ((SESSION_KINDS as readonly string[]).includes(t)) return t as SessionKind;
  if (/keynote/.test(t)) return 'keynote';
  if (/panel|podium|discussion|plenary|plenum/.test(t)) return 'panel';
  if (/fishbowl/.test(t)) return 'fishbowl';
  if (/workshop|forum|meeting|hands-on|session|bof/.test(t)) return 'forum';
  if (/press/.test(t)) return 'press-conference';
  if (/market|project|exhibition|booth|assembly/.test(t)) return 'marketplace';
  if (/welcome|opening|begr/.test(t)) return 'welcome';
  if (/closing|abschluss/.test(t)) return 'closing';
  if (/break|pause/.test(t)) return 'break';
  return 'keynote'; // a talk, lecture or performance before the whole room
}

export function roomKindFor(type: unknown, fallback: RoomKind): RoomKind {
  if (type === 'online' || type === 'bbb') return 'virtual-stage';
  if (type === 'workshop' || type === 'project') return 'forum-room';
  return typeof type === 'string' ? 'hall' : fallback;
}

/** Ids unique within one collection, from whatever the file offers. */
export class IdPool {
  private readonly taken = new Set<string>();
  claim(wanted: string): string {
    const base = wanted.replace(/\s+/g, '-').slice(0, LIMITS.id - 6) || 'item';
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}-${n}`;
    this.taken.add(id);
    return id;
  }
  has(id: string): boolean {
    return this.taken.has(id);
  }
}
