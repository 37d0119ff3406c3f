import { DomainError } from '@podium/contracts';
import { toChatCsv, toPeopleCsv, toSeatingsCsv } from '@podium/fishbowl';
import { openedPolls, toPollsResultsCsv } from '@podium/polls';
import { buildQuestionRecord, toQuestionsCsv } from '@podium/questions';
import { forumPart, toForumAttendanceCsv } from './forum';
import { fishbowlPart } from './record';
import type { SessionRecordSource } from './source';

const FISHBOWL_TABLES = ['seatings', 'people'] as const;
const SESSION_TABLES = ['questions', 'polls', 'chat'] as const;
const FORUM_TABLES = ['attendance'] as const;
export type CsvTable = (typeof FISHBOWL_TABLES)[number] | (typeof SESSION_TABLES)[number] | (typeof FORUM_TABLES)[number];

/** The CSV tables of a session of this kind; the first is the default (a forum's stays `questions`, as before it had its own). */
export function csvTables(kind: string): readonly CsvTable[] {
  if (kind === 'fishbowl') return [...FISHBOWL_TABLES, ...SESSION_TABLES];
  return kind === 'forum' ? [...SESSION_TABLES, ...FORUM_TABLES] : SESSION_TABLES;
}

/** The table asked for, or VALIDATION naming the tables this kind of session has. */
export function csvTable(kind: string, table: unknown): CsvTable {
  const tables = csvTables(kind);
  if (table === undefined) return tables[0];
  if (typeof table === 'string' && (tables as readonly string[]).includes(table)) return table as CsvTable;
  throw new DomainError('VALIDATION', `table must be one of ${tables.map((t) => `'${t}'`).join(', ')}`, { field: 'table' });
}

/** One CSV table of the session record (RFC 4180, CRLF); questions name their askers (moderators only). */
export function toSessionCsv(source: SessionRecordSource, table: CsvTable): string {
  if (table === 'questions') return toQuestionsCsv(buildQuestionRecord(source.questions, { names: 'moderators' }));
  if (table === 'polls') return toPollsResultsCsv(openedPolls(source.polls));
  if (table === 'chat') return toChatCsv(source.chat);
  if (table === 'attendance') {
    const forum = forumPart(source);
    if (!forum) throw new DomainError('VALIDATION', `table '${table}' exists for forum sessions only`, { field: 'table' });
    return toForumAttendanceCsv(forum);
  }
  const fishbowl = fishbowlPart(source);
  if (!fishbowl) throw new DomainError('VALIDATION', `table '${table}' exists for fishbowl sessions only`, { field: 'table' });
  return table === 'people' ? toPeopleCsv(fishbowl) : toSeatingsCsv(fishbowl);
}
