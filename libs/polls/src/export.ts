import { csvRow, escapeMarkdown } from '@podium/fishbowl';
import { resultsTable, type ResultsTable } from './results';
import type { Poll, PollsState } from './types';

/** CSV and Markdown escaping: the one set of rules in libs/fishbowl/src/format.ts. */
const md = escapeMarkdown;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The exported result of one poll: one row per option; named polls add one row per ballot (never anonymous ones). */
export function toPollCsv(poll: Poll): string {
  const t = resultsTable(poll);
  const lines = [
    csvRow(['pollId', 'question', 'kind', 'formal', 'anonymous', 'status', 'openedAt', 'closedAt', 'ballots', 'ballotsHall', 'ballotsRemote']),
    csvRow([poll.id, poll.question, poll.kind, poll.formal, poll.anonymous, poll.status, iso(poll.openedAt), iso(poll.closedAt), t.totals.total, t.totals.hall, t.totals.remote]),
    '',
    csvRow(['optionId', 'option', 'hall', 'remote', 'total', 'percent']),
    ...t.rows.map((r) => csvRow([r.optionId, r.label, r.hall, r.remote, r.total, r.percent])),
  ];
  if (!poll.anonymous) {
    lines.push('', csvRow(['personId', 'displayName', 'origin', 'choices', 'at']));
    const ballots = [...poll.ballots.values()].sort((a, b) => a.at - b.at || (a.personId < b.personId ? -1 : 1));
    for (const b of ballots) lines.push(csvRow([b.personId, b.displayName, b.origin, b.choices.join(' '), iso(b.at)]));
  }
  return lines.join('\r\n') + '\r\n';
}

/** The minutes' section for one poll, German by default. */
export function toPollMarkdown(poll: Poll, language: 'de' | 'en' = 'de'): string {
  const de = language === 'de';
  const t = resultsTable(poll);
  const title = `### ${poll.formal ? (de ? 'Abstimmung' : 'Vote') : de ? 'Umfrage' : 'Poll'}: ${md(poll.question)}`;
  const head = de ? ['Antwort', 'Saal', 'Online', 'Gesamt', '%'] : ['Option', 'Hall', 'Remote', 'Total', '%'];
  const fmt = (n: number) => (de ? String(n).replace('.', ',') : String(n));
  const rows = t.rows.map((r) => `| ${md(r.label)} | ${r.hall} | ${r.remote} | ${r.total} | ${fmt(r.percent)} |`);
  const sum = de ? `Abgegebene Stimmen: ${t.totals.total} (Saal ${t.totals.hall}, online ${t.totals.remote})` : `Ballots cast: ${t.totals.total} (hall ${t.totals.hall}, remote ${t.totals.remote})`;
  return [title, '', `| ${head.join(' | ')} |`, '| --- | ---: | ---: | ---: | ---: |', ...rows, '', sum, ''].join('\n');
}

/** Every poll of a session in one table for the session's CSV export: one row per option (no names, ever). */
export function toPollsResultsCsv(polls: readonly Poll[]): string {
  const lines = [csvRow(['pollId', 'question', 'kind', 'formal', 'anonymous', 'status', 'optionId', 'option', 'hall', 'remote', 'total', 'percent', 'ballots'])];
  for (const poll of polls) {
    const t = resultsTable(poll);
    for (const r of t.rows) lines.push(csvRow([poll.id, poll.question, poll.kind, poll.formal, poll.anonymous, poll.status, r.optionId, r.label, r.hall, r.remote, r.total, r.percent, t.totals.total]));
  }
  return lines.join('\r\n') + '\r\n';
}

/** The polls the audience saw (opened at some point), in creation order: what minutes and CSV list. */
export const openedPolls = (state: PollsState): Poll[] => state.order.map((id) => state.polls.get(id)!).filter((p) => p.status !== 'draft');

/** The minutes' polls section (opened polls); empty when there were none. */
export function toPollsMarkdown(polls: readonly Poll[], language: 'de' | 'en' = 'de'): string {
  if (polls.length === 0) return '';
  return [language === 'en' ? '## Polls' : '## Umfragen und Abstimmungen', '', ...polls.map((p) => toPollMarkdown(p, language))].join('\n');
}

/** One poll in the session record: its results table, every status; names stay in the per-poll export. */
export interface PollRecord {
  pollId: string;
  question: string;
  kind: Poll['kind'];
  formal: boolean;
  anonymous: boolean;
  status: Poll['status'];
  results: ResultsTable;
}

/** The session record's polls (JSON), drafts included, in creation order. */
export function pollsRecord(state: PollsState): PollRecord[] {
  return state.order.map((id) => {
    const p = state.polls.get(id)!;
    return { pollId: p.id, question: p.question, kind: p.kind, formal: p.formal, anonymous: p.anonymous, status: p.status, results: resultsTable(p) };
  });
}
