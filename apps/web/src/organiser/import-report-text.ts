import type { ImportReportCode, ImportReportEntry, ImportSubject } from '@podium/contracts';
import type { Translate } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/types';
import type { ValueFormat } from '../i18n/values';
import { entryParams } from './import-params';

// A compile error here means a code of the report has no sentence in the dictionaries.
const codeKey = (code: ImportReportCode): MessageKey => `org.import.code.${code}`;

/** The members the report names, as the dictionaries name them ('room name' -> org.import.field.room). */
const FIELD_KEYS: Record<string, MessageKey> = {
  'room name': 'org.import.field.room',
  'track name': 'org.import.field.track',
  'recording link': 'org.import.field.recording',
};
const fieldText = (field: string, t: Translate) => t(FIELD_KEYS[field] ?? (`org.import.field.${field}` as MessageKey));

/** What an entry is about, by name or title and time; never by a UUID. */
export function importSubjectText(s: ImportSubject, t: Translate, f: ValueFormat): string {
  switch (s.kind) {
    case 'schedule':
      return t('org.import.subject.schedule');
    case 'conference':
      return t('org.import.subject.conference');
    case 'room':
      return t('org.import.subject.room', { name: f.text(s.name) });
    case 'roomEntry':
      return t(s.list === 'schedule' ? 'org.import.subject.roomEntrySchedule' : 'org.import.subject.roomEntry', { n: s.n });
    case 'track':
      return t('org.import.subject.track', { name: f.text(s.name) });
    case 'trackEntry':
      return t('org.import.subject.trackEntry', { n: s.n });
    case 'day':
      return s.room === undefined ? t('org.import.subject.day', { day: s.day }) : t('org.import.subject.dayRoom', { day: s.day, room: f.text(s.room) });
    case 'eventEntry':
      return t('org.import.subject.place', { ...s.place, room: f.text(s.place.room) });
    case 'event': {
      const when = s.at ? f.dateTime(s.at) : s.place ? t('org.import.subject.place', { ...s.place, room: f.text(s.place.room) }) : '';
      const event = s.title ? t('org.import.subject.event', { title: f.text(s.title), when }) : t('org.import.subject.eventUntitled', { when });
      return s.person ? t('org.import.subject.person', { event, n: s.person.n }) : event;
    }
  }
}

/** The entry's sentence in the interface language, from its code and params, each written by its type. */
export function importEntryText(entry: ImportReportEntry, t: Translate, f: ValueFormat): string {
  switch (entry.code) {
    case 'NOT_KEPT': {
      const members = Object.entries(entry.params).map(([member, n]) =>
        t(n === 1 ? 'org.import.notKept.one' : 'org.import.notKept.many', { member: f.text(member), n: f.number(n) }),
      );
      return t(codeKey(entry.code), { members: f.list(members) });
    }
    case 'EVENT_TWICE':
    case 'GUID_REUSED': {
      const other = importSubjectText({ kind: 'event', title: entry.params.otherTitle || undefined, at: entry.params.otherAt }, t, f);
      return t(codeKey(entry.code), { other });
    }
    default:
      return t(codeKey(entry.code), entryParams(entry, f, (field) => fieldText(field, t)));
  }
}
