/**
 * CSV and Markdown escaping, the same rules as libs/fishbowl/src/format.ts (not exported there yet; one
 * shared place belongs with the store extraction of issue 13).
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  // A leading = + - @ is neutralised so spreadsheets do not run it.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (cells: (string | number | boolean | null)[]): string => cells.map(csvCell).join(',');

/** User text in a Markdown table: one line, no links, HTML or table breaks. */
export const escapeMarkdown = (text: string): string => text.replace(/[\r\n]+/g, ' ').replace(/([\\`*_{}[\]()<>#+!|~])/g, '\\$1');

export const isoTime = (ms: number): string => new Date(ms).toISOString();
