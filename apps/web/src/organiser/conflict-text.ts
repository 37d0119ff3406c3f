import type { ConflictInfo } from '../api/organiser';
import type { MessageKey } from '../i18n/types';

/** What the conflicts answer carries beyond the typed fields (the domain's room-overlap has them). */
export type ConflictDetail = ConflictInfo & { roomId?: string; changeoverMinutes?: number };

export interface ConflictNames {
  person(id: string): string | undefined;
  room(id: string): string | undefined;
  conferenceDays?: { start: string; end: string };
}

/** A conflict as a translatable sentence, with names instead of ids; the api's English text only as a last resort. */
export function conflictText(c: ConflictDetail, names: ConflictNames): { key: MessageKey; vars: Record<string, string | number> } {
  const a = c.session.title;
  const b = c.other?.title ?? '';
  switch (c.kind) {
    case 'room-overlap': {
      const room = (c.roomId && names.room(c.roomId)) || '';
      const vars = { a, b, room, minutes: c.changeoverMinutes ?? 0 };
      return { key: c.changeoverMinutes ? 'org.conflicts.text.roomBuffer' : 'org.conflicts.text.room', vars };
    }
    case 'person-overlap': {
      const person = c.personId ? names.person(c.personId) : undefined;
      return person ? { key: 'org.conflicts.text.person', vars: { a, b, person } } : { key: 'org.conflicts.text.someone', vars: { a, b } };
    }
    case 'outside-conference':
      return names.conferenceDays
        ? { key: 'org.conflicts.text.outside', vars: { a, start: names.conferenceDays.start, end: names.conferenceDays.end } }
        : { key: 'org.conflicts.text.outsidePlain', vars: { a } };
    case 'capacity-exceeded':
      return { key: 'org.conflicts.text.capacity', vars: { a, registrations: c.registrations ?? 0, capacity: c.capacity ?? 0 } };
    default:
      return { key: 'error.generic', vars: { message: c.message } };
  }
}
