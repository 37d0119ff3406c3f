import type { PollResultsTableWire } from '@podium/contracts';
import { resultsTable, toPollMarkdown, type Poll, type PollsState } from '@podium/polls';

/** The polls the audience saw (opened at some point), in creation order: what minutes and CSV list. */
export const opened = (state: PollsState): Poll[] => state.order.map((p) => state.polls.get(p)!).filter((p) => p.status !== 'draft');

/** The minutes' polls section; empty when there were none. */
export function pollsMarkdown(polls: Poll[], lang: 'de' | 'en'): string {
  if (polls.length === 0) return '';
  return [lang === 'en' ? '## Polls' : '## Umfragen und Abstimmungen', '', ...polls.map((p) => toPollMarkdown(p, lang))].join('\n');
}

/** The session record's polls (JSON): one results table per poll, every status; names stay in the per-poll export. */
export function pollsRecord(state: PollsState): { pollId: string; question: string; kind: string; formal: boolean; anonymous: boolean; status: string; results: PollResultsTableWire }[] {
  return state.order.map((id) => {
    const p = state.polls.get(id)!;
    return { pollId: p.id, question: p.question, kind: p.kind, formal: p.formal, anonymous: p.anonymous, status: p.status, results: resultsTable(p) };
  });
}
