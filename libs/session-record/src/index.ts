/** @podium/session-record: the record, minutes and CSV tables of a session of any kind. Plain TypeScript, no framework. */
export type { SessionRecordSource, MinutesLanguage } from './source';
export { buildSessionRecord } from './record';
export type { SessionRecord, SessionRecordParts } from './record';
export type { ForumPart } from './forum';
export { toSessionMinutes } from './minutes';
export { csvTable, csvTables, toSessionCsv } from './csv';
export type { CsvTable } from './csv';
