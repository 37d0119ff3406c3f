import { canonical } from '@podium/fishbowl';
import { resultsTable, type ResultsTable } from './results';
import { isModeratorRole } from './rules';
import type { Actor, Poll, PollKind, PollOption, PollsState, PollStatus } from './types';

export interface PollView {
  id: string;
  question: string;
  options: PollOption[];
  kind: PollKind;
  maxChoices: number;
  anonymous: boolean;
  formal: boolean;
  status: PollStatus;
  /** May the viewer vote now (open, eligible, and for a formal vote not yet voted)? */
  canVote: boolean;
  /** The viewer's own choices, null before voting. */
  myChoices: string[] | null;
  /** null while hidden: a formal vote's results show after closing (moderators see them live). */
  results: ResultsTable | null;
  /** Moderators, named polls only: who chose what. */
  voters: { choices: string[]; displayName: string; origin: string; personId: string }[] | null;
}

/** What one person sees: drafts only for moderators; named ballots only for moderators. */
export function pollsView(state: PollsState, viewer: Actor): { sessionId: string; version: number; polls: PollView[] } {
  const moderator = isModeratorRole(viewer.role);
  const polls = state.order
    .map((id) => state.polls.get(id)!)
    .filter((p) => moderator || p.status !== 'draft')
    .map((p) => pollView(p, viewer, moderator));
  return canonical({ polls, sessionId: state.sessionId, version: state.version });
}

function pollView(p: Poll, viewer: Actor, moderator: boolean): PollView {
  const mine = p.ballots.get(viewer.personId);
  const eligible = viewer.role !== 'system' && (!p.formal || p.eligibleRoles!.includes(viewer.role));
  const resultsShown = moderator || !p.formal || p.status === 'closed';
  return {
    anonymous: p.anonymous,
    canVote: p.status === 'open' && eligible && !(p.formal && mine !== undefined),
    formal: p.formal,
    id: p.id,
    kind: p.kind,
    maxChoices: p.maxChoices,
    myChoices: mine ? mine.choices : null,
    options: p.options,
    question: p.question,
    results: resultsShown && p.status !== 'draft' ? resultsTable(p) : null,
    status: p.status,
    voters: moderator && !p.anonymous ? [...p.ballots.values()].sort((a, b) => a.at - b.at || (a.personId < b.personId ? -1 : 1)).map((b) => ({ choices: b.choices, displayName: b.displayName, origin: b.origin, personId: b.personId })) : null,
  };
}
