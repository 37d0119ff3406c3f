/** CSV and Markdown escaping: one set of rules for every export, kept in libs/fishbowl/src/format.ts. */
export { counted, csvCell, csvRow, escapeMarkdown, isoTime } from '@podium/fishbowl';
