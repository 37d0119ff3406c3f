/**
 * Values inside sentences, written by their type in the interface language: text from a file in the
 * language's quotes, dates and times in words, numbers and lists as the language writes them.
 * Pure functions (no React), so the import report's wording is unit-tested with hand-written strings.
 */
import type { Translate } from './I18nProvider';
import { LOCALES, type Language } from './types';
import { isValidZone } from './zone';

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;
// 'YYYY-MM-DD HH:MM' (a wall time) or an ISO instant with its offset ('…T10:00:00+02:00', '…Z').
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/;

export interface ValueFormat {
  /** Text as the file had it, in quotes: „Plenarsaal“ / “Plenarsaal”. */
  text(value: string): string;
  /** A 'YYYY-MM-DD' day: "2. Juni 2026" / "2 June 2026"; anything else quoted as text. */
  date(localDate: string): string;
  /** A 'HH:MM[:SS]' wall time: "10:00"; anything else quoted as text. */
  time(localTime: string): string;
  /** A 'YYYY-MM-DD HH:MM' wall time, or an ISO instant shown in the zone (else at its own offset). */
  dateTime(value: string): string;
  number(value: number): string;
  /** "a, b und c" / "a, b and c". */
  list(items: readonly string[]): string;
  /** A value quoted from the file as JSON text ('"abc"', '12', 'null'), in words. */
  json(jsonText: string): string;
}

const validZone = (zone: string | undefined): zone is string => !!zone && isValidZone(zone);

/** The writer of values for one language; `zone` is the conference's, for instants (wall times stay as they are). */
export function valueFormat(lang: Language, t: Translate, zone?: string): ValueFormat {
  const locale = LOCALES[lang];
  // Wall times are formatted as if they were UTC, so no zone of the browser can shift them.
  const day = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
  const clock = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const numbers = new Intl.NumberFormat(locale);
  const lists = new Intl.ListFormat(locale, { type: 'conjunction' });
  const text = (value: string) => t('value.quoted', { text: value });
  const date = (value: string) => {
    const m = LOCAL_DATE.exec(value);
    return m ? day.format(Date.UTC(+m[1], +m[2] - 1, +m[3])) : text(value);
  };
  const time = (value: string) => {
    const m = LOCAL_TIME.exec(value);
    return m ? clock.format(Date.UTC(1970, 0, 1, +m[1], +m[2])) : text(value);
  };
  const dateTime = (value: string) => {
    const m = DATE_TIME.exec(value);
    if (!m) return text(value);
    if (!m[3] || !validZone(zone)) return t('value.dateTime', { date: date(m[1]), time: time(m[2].slice(0, 5)) });
    const instant = new Date(`${m[1]}T${m[2]}${m[3]}`);
    if (Number.isNaN(instant.getTime())) return text(value);
    const inZone = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { ...options, timeZone: zone }).format(instant);
    return t('value.dateTime', {
      date: inZone({ day: 'numeric', month: 'long', year: 'numeric' }),
      time: inZone({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    });
  };
  const number = (value: number) => numbers.format(value);
  const list = (items: readonly string[]) => lists.format(items);
  const parsed = (value: unknown): string => {
    if (typeof value === 'string') return value === '' ? t('value.emptyText') : text(value);
    if (typeof value === 'number') return number(value);
    if (typeof value === 'boolean') return t(value ? 'value.true' : 'value.false');
    if (value === null) return t('value.none');
    if (Array.isArray(value)) return value.length ? list(value.map(parsed)) : t('value.emptyList');
    return t('value.object');
  };
  const json = (jsonText: string) => {
    try {
      return parsed(JSON.parse(jsonText));
    } catch {
      return text(jsonText); // not JSON after all: shown as the text it is
    }
  };
  return { text, date, time, dateTime, number, list, json };
}
