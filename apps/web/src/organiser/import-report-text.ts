import type { ImportReportCode, ImportReportEntry, ImportSubject } from '@podium/contracts';
import type { Translate } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/types';

// A compile error here means a code of the report has no sentence in the dictionaries.
const codeKey = (code: ImportReportCode): MessageKey => `org.import.code.${code}`;

/** The members the report names, as the dictionaries name them ('room name' -> org.import.field.room). */
const FIELD_KEYS: Record<string, MessageKey> = {
  'room name': 'org.import.field.room',
  'track name': 'org.import.field.track',
  'recording link': 'org.import.field.recording',
};
const fieldText = (field: string, t: Translate) => t(FIELD_KEYS[field] ?? (`org.import.field.${field}` as MessageKey));

/** 'YYYY-MM-DD HH:MM' as the language writes a date and time. */
function atText(at: string, t: Translate): string {
  const [date, time = ''] = at.split(' ');
  const [y, m, d] = date.split('-');
  return t('org.import.at', { y, m, d, time });
}

/** What an entry is about, by name or title and time; never by a UUID. */
export function importSubjectText(s: ImportSubject, t: Translate): string {
  switch (s.kind) {
    case 'schedule':
      return t('org.import.subject.schedule');
    case 'conference':
      return t('org.import.subject.conference');
    case 'room':
      return t('org.import.subject.room', { name: s.name });
    case 'roomEntry':
      return t(s.list === 'schedule' ? 'org.import.subject.roomEntrySchedule' : 'org.import.subject.roomEntry', { n: s.n });
    case 'track':
      return t('org.import.subject.track', { name: s.name });
    case 'trackEntry':
      return t('org.import.subject.trackEntry', { n: s.n });
    case 'day':
      return s.room === undefined ? t('org.import.subject.day', { day: s.day }) : t('org.import.subject.dayRoom', { day: s.day, room: s.room });
    case 'eventEntry':
      return t('org.import.subject.place', { ...s.place });
    case 'event': {
      const when = s.at ? atText(s.at, t) : s.place ? t('org.import.subject.place', { ...s.place }) : '';
      const event = s.title ? t('org.import.subject.event', { title: s.title, when }) : t('org.import.subject.eventUntitled', { when });
      return s.person ? t('org.import.subject.person', { event, n: s.person.n }) : event;
    }
  }
}

/** The entry's sentence in the interface language, from its code and params. */
export function importEntryText(entry: ImportReportEntry, t: Translate): string {
  switch (entry.code) {
    case 'TEXT_CUT':
    case 'LINK_INVALID': {
      const field = fieldText(entry.params.field, t);
      return t(codeKey(entry.code), { ...entry.params, field });
    }
    case 'NOT_KEPT': {
      const members = Object.entries(entry.params)
        .map(([member, n]) => t(n === 1 ? 'org.import.notKept.one' : 'org.import.notKept.many', { member, n }))
        .join(', ');
      return t(codeKey(entry.code), { members });
    }
    case 'EVENT_TWICE':
    case 'GUID_REUSED': {
      const other = importSubjectText({ kind: 'event', title: entry.params.otherTitle || undefined, at: entry.params.otherAt }, t);
      return t(codeKey(entry.code), { other });
    }
    default:
      return t(codeKey(entry.code), entry.params);
  }
}
