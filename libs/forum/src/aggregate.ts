import type { ForumEvent } from '@podium/contracts';
import { decide } from './decide';
import { evolve } from './evolve';
import { initialForum, nextDeadline, type ForumCommand, type ForumState } from './state';

/** The forum's rules as the live store runs them (structurally a live-store `Aggregate`); the timer closes breakouts. */
export const FORUM_AGGREGATE = {
  initial: initialForum,
  decide: (state: ForumState, command: ForumCommand, now: number) => decide(state, command, now),
  evolve: (state: ForumState, event: ForumEvent) => evolve(state, event),
  summary: (state: ForumState) => ({ status: state.participants.length > 0 ? 'open' : 'empty', nextDeadline: nextDeadline(state) }),
};
