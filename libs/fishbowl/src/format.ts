import { DomainError } from '@podium/contracts';

/** Formatting shared by the minutes and the CSV export. */

/** 75_000 -> "1:15", 3_723_000 -> "1:02:03". */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** Wall-clock formatter in the conference's IANA timezone; an unknown zone is a VALIDATION error. */
export function clockFormatter(locale: string, timeZone: string): { time: (ms: number) => string; dateTime: (ms: number) => string } {
  try {
    const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    const dateTime = new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    return { time: (ms) => time.format(ms), dateTime: (ms) => dateTime.format(ms) };
  } catch {
    throw new DomainError('VALIDATION', `timeZone: unknown time zone '${timeZone}'`, { field: 'timeZone' });
  }
}

/** Escapes user text (names, topics) so it cannot break a Markdown table or inject links/HTML. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/([\\`*_{}[\]()<>#+!|~])/g, '\\$1');
}

/** One CSV cell (RFC 4180 quoting); a leading = + - @ is neutralised so spreadsheets do not run it. */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (cells: (string | number | boolean | null)[]): string => cells.map(csvCell).join(',');

export const isoTime = (ms: number): string => new Date(ms).toISOString();

const PLURAL_RULES = { de: new Intl.PluralRules('de-DE'), en: new Intl.PluralRules('en-GB') } as const;

/** "1 Stimme" / "3 Stimmen": the count and the noun in the form the language's plural rules pick (Intl). */
export function counted(lang: 'de' | 'en', count: number, forms: { one: string; other: string }): string {
  return `${count} ${PLURAL_RULES[lang].select(count) === 'one' ? forms.one : forms.other}`;
}
