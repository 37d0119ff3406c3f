import { csvRow, escapeMarkdown, isoTime } from './format';
import type { Origin, QuestionsState, QuestionStatus } from './types';

/** One question in the session record. */
export interface QuestionRecord {
  id: string;
  askedAt: number;
  /** null when anonymous and the record is for the public (`names: 'public'`). */
  askerName: string | null;
  anonymous: boolean;
  origin: Origin;
  readAloud: boolean;
  status: QuestionStatus;
  votes: number;
  text: string;
  /** The text as asked when a moderator fixed it, else null. */
  originalText: string | null;
  mergedInto: string | null;
  toPodium: boolean;
}

export interface RecordOptions {
  /** `public` (default): anonymous askers unnamed, for minutes that attendees read; `moderators`: all named. */
  names?: 'public' | 'moderators';
}

/** Every question ever asked (withdrawn ones too: the record is complete), in the order they were asked. */
export function buildQuestionRecord(state: QuestionsState, options: RecordOptions = {}): QuestionRecord[] {
  const named = options.names === 'moderators';
  return [...state.questions.values()]
    .sort((a, b) => a.askedAt - b.askedAt || state.order.indexOf(a.id) - state.order.indexOf(b.id))
    .map((q) => ({
      id: q.id,
      askedAt: q.askedAt,
      askerName: q.anonymous && !named ? null : q.askerName,
      anonymous: q.anonymous,
      origin: q.origin,
      readAloud: q.readAloud,
      status: q.status,
      votes: q.voters.length,
      text: q.text,
      originalText: q.edits.length > 0 ? q.originalText : null,
      mergedInto: q.mergedInto,
      toPodium: q.invitedToPodiumAt !== null,
    }));
}

const CSV_HEADER = ['id', 'askedAt', 'askerName', 'anonymous', 'origin', 'readAloud', 'status', 'votes', 'text', 'originalText', 'mergedInto', 'toPodium'];

/** One row per question (English column names, ISO times in UTC), CRLF line ends as RFC 4180. */
export function toQuestionsCsv(records: readonly QuestionRecord[]): string {
  const rows = records.map((r) => csvRow([r.id, isoTime(r.askedAt), r.askerName, r.anonymous, r.origin, r.readAloud, r.status, r.votes, r.text, r.originalText, r.mergedInto, r.toPodium]));
  return [csvRow(CSV_HEADER), ...rows].join('\r\n') + '\r\n';
}

const STATUS_DE: Record<QuestionStatus, string> = { pending: 'offen', approved: 'freigegeben', rejected: 'abgelehnt', answered: 'beantwortet', withdrawn: 'zurückgezogen', merged: 'zusammengeführt' };
const STATUS_EN: Record<QuestionStatus, string> = { pending: 'pending', approved: 'approved', rejected: 'rejected', answered: 'answered', withdrawn: 'withdrawn', merged: 'merged' };

/** The questions section of the minutes: a table, German by default; rejected and withdrawn ones left out. */
export function toQuestionsMarkdown(records: readonly QuestionRecord[], language: 'de' | 'en' = 'de'): string {
  const de = language === 'de';
  const shown = records.filter((r) => r.status === 'approved' || r.status === 'answered' || r.status === 'pending');
  const head = de ? ['Nr.', 'Frage', 'Von', 'Ort', 'Stimmen', 'Status'] : ['No.', 'Question', 'From', 'Where', 'Votes', 'Status'];
  const anonymous = de ? '(anonym)' : '(anonymous)';
  const where = (o: Origin) => (o === 'hall' ? (de ? 'Saal' : 'hall') : de ? 'online' : 'remote');
  const lines = [`## ${de ? 'Fragen' : 'Questions'}`, '', `| ${head.join(' | ')} |`, `| ${head.map((h, i) => (i === 0 || i === 4 ? '---:' : '---')).join(' | ')} |`];
  shown.forEach((r, i) => {
    const text = escapeMarkdown(r.text) + (r.readAloud ? (de ? ' (bitte vorlesen)' : ' (please read out)') : '');
    lines.push(`| ${i + 1} | ${text} | ${r.askerName === null ? anonymous : escapeMarkdown(r.askerName)} | ${where(r.origin)} | ${r.votes} | ${(de ? STATUS_DE : STATUS_EN)[r.status]} |`);
  });
  if (shown.length === 0) lines.push('', de ? 'Keine Fragen.' : 'No questions.');
  return lines.join('\n') + '\n';
}
