import type { ConflictInfo } from '../api/organiser';
import type { MessageKey } from '../i18n/types';

export interface ConflictNames {
  person(id: string): string | undefined;
  room(id: string): string | undefined;
  conferenceDays?: { start: string; end: string };
}

/** A conflict as a translatable sentence, with names instead of ids; the api's English text only as a last resort. */
export function conflictText(c: ConflictInfo, names: ConflictNames): { key: MessageKey; vars: Record<string, string | number> } {
  const a = c.session.title;
  const b = 'other' in c ? c.other.title : '';
  switch (c.kind) {
    case 'room-overlap': {
      const room = names.room(c.roomId) ?? '';
      const vars = { a, b, room, minutes: c.changeoverMinutes };
      return { key: c.changeoverMinutes ? 'org.conflicts.text.roomBuffer' : 'org.conflicts.text.room', vars };
    }
    case 'person-overlap': {
      const person = names.person(c.personId);
      return person ? { key: 'org.conflicts.text.person', vars: { a, b, person } } : { key: 'org.conflicts.text.someone', vars: { a, b } };
    }
    case 'outside-conference':
      return names.conferenceDays
        ? { key: 'org.conflicts.text.outside', vars: { a, start: names.conferenceDays.start, end: names.conferenceDays.end } }
        : { key: 'org.conflicts.text.outsidePlain', vars: { a } };
    case 'capacity-exceeded':
      return { key: 'org.conflicts.text.capacity', vars: { a, registrations: c.registrations, capacity: c.capacity } };
  }
}
