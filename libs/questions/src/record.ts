import type { QuestionRecordEntry } from '@podium/contracts';
import { counted, csvRow, escapeMarkdown, isoTime } from './format';
import type { QuestionsState, QuestionStatus } from './types';

/** One question in the session record: the wire's shape (askerName null when anonymous and the record is for the public). */
export type QuestionRecord = QuestionRecordEntry;

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
      pinned: q.pinned,
      votes: q.voters.length,
      text: q.text,
      originalText: q.edits.length > 0 ? q.originalText : null,
      edits: q.edits.map((e) => ({ ...e })),
      mergedInto: q.mergedInto,
      toPodium: q.invitedToPodiumAt !== null,
    }));
}

const CSV_HEADER = ['id', 'askedAt', 'askerName', 'anonymous', 'origin', 'readAloud', 'status', 'pinned', 'votes', 'text', 'originalText', 'edits', 'mergedInto', 'toPodium'];

/** One row per question (English column names, ISO times in UTC, `edits` = how often fixed), CRLF line ends as RFC 4180. */
export function toQuestionsCsv(records: readonly QuestionRecord[]): string {
  const rows = records.map((r) =>
    csvRow([r.id, isoTime(r.askedAt), r.askerName, r.anonymous, r.origin, r.readAloud, r.status, r.pinned, r.votes, r.text, r.originalText, r.edits.length, r.mergedInto, r.toPodium]),
  );
  return [csvRow(CSV_HEADER), ...rows].join('\r\n') + '\r\n';
}

const WORDS = {
  de: {
    title: 'Fragen',
    head: ['Nr.', 'Frage', 'Von', 'Ort', 'Stimmen', 'Status'],
    status: { pending: 'offen', approved: 'freigegeben', rejected: 'abgelehnt', answered: 'beantwortet', withdrawn: 'zurückgezogen', merged: 'zusammengeführt' },
    question: { one: 'Frage', other: 'Fragen' },
    vote: { one: 'Stimme', other: 'Stimmen' },
    notListed: 'Nicht aufgeführt',
    anonymous: '(anonym)',
    where: { hall: 'Saal', remote: 'online' },
    readAloud: '(bitte vorlesen)',
    edited: '(bearbeitet)',
    pinned: 'angeheftet',
    toPodium: 'aufs Podium eingeladen',
    mergedInto: (n: number) => `zusammengeführt in Nr. ${n}`,
    none: 'Keine Fragen.',
  },
  en: {
    title: 'Questions',
    head: ['No.', 'Question', 'From', 'Where', 'Votes', 'Status'],
    status: { pending: 'pending', approved: 'approved', rejected: 'rejected', answered: 'answered', withdrawn: 'withdrawn', merged: 'merged' },
    question: { one: 'question', other: 'questions' },
    vote: { one: 'vote', other: 'votes' },
    notListed: 'Not listed',
    anonymous: '(anonymous)',
    where: { hall: 'hall', remote: 'remote' },
    readAloud: '(please read out)',
    edited: '(edited)',
    pinned: 'pinned',
    toPodium: 'invited to the podium',
    mergedInto: (n: number) => `merged into no. ${n}`,
    none: 'No questions.',
  },
} as const;

/** What the minutes list: questions the audience saw or that were merged into one; rejected and withdrawn ones only counted. */
const LISTED: ReadonlySet<QuestionStatus> = new Set(['pending', 'approved', 'answered', 'merged']);

/**
 * The questions section of the minutes, German by default: a count with votes, then one row per listed question
 * (read-aloud, fixed text, pin, podium and merge target marked). The original of a fixed text stays in the JSON
 * and CSV record only: a fix may have taken something out on purpose.
 */
export function toQuestionsMarkdown(records: readonly QuestionRecord[], language: 'de' | 'en' = 'de'): string {
  const w = WORDS[language];
  const shown = records.filter((r) => LISTED.has(r.status));
  const number = new Map(shown.map((r, i) => [r.id, i + 1]));
  const votes = records.reduce((sum, r) => sum + r.votes, 0);
  const hidden = (['rejected', 'withdrawn'] as const).map((s) => [s, records.filter((r) => r.status === s).length] as const).filter(([, n]) => n > 0);
  const summary = `${counted(language, records.length, w.question)}, ${counted(language, votes, w.vote)}.` + (hidden.length ? ` ${w.notListed}: ${hidden.map(([s, n]) => `${n} ${w.status[s]}`).join(', ')}.` : '');
  const lines = [`## ${w.title}`, '', summary, '', `| ${w.head.join(' | ')} |`, `| ${w.head.map((_, i) => (i === 0 || i === 4 ? '---:' : '---')).join(' | ')} |`];
  for (const r of shown) {
    const text = [escapeMarkdown(r.text), r.readAloud ? w.readAloud : '', r.edits.length ? w.edited : ''].filter(Boolean).join(' ');
    const target = r.mergedInto === null ? undefined : number.get(r.mergedInto);
    const status = [target === undefined ? w.status[r.status] : w.mergedInto(target), r.pinned ? w.pinned : '', r.toPodium ? w.toPodium : ''].filter(Boolean).join(', ');
    lines.push(`| ${number.get(r.id)} | ${text} | ${r.askerName === null ? w.anonymous : escapeMarkdown(r.askerName)} | ${w.where[r.origin]} | ${r.votes} | ${status} |`);
  }
  if (shown.length === 0) lines.push('', w.none);
  return lines.join('\n') + '\n';
}
