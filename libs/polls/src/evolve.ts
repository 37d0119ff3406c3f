import type { Poll, PollEvent, PollsState } from './types';

/** Applies one event; total and pure. */
export function evolve(state: PollsState, event: PollEvent): PollsState {
  const s: PollsState = { ...state, polls: new Map(state.polls), version: state.version + 1, lastEventAt: Math.max(state.lastEventAt, event.at) };
  const put = (change: (p: Poll) => Partial<Poll>) => {
    const p = s.polls.get(event.pollId);
    if (p) s.polls.set(p.id, { ...p, ...change(p) });
  };
  switch (event.type) {
    case 'poll-created':
      s.polls.set(event.pollId, { ...event.settings, id: event.pollId, status: 'draft', createdAt: event.at, openedAt: null, closedAt: null, ballots: new Map() });
      s.order = [...s.order, event.pollId];
      break;
    case 'poll-opened':
      put(() => ({ status: 'open', openedAt: event.at }));
      break;
    case 'poll-closed':
      put(() => ({ status: 'closed', closedAt: event.at }));
      break;
    case 'ballot-cast':
      // A person's later ballot replaces the earlier one: one ballot per person, always.
      put((p) => ({ ballots: new Map(p.ballots).set(event.by, { personId: event.by, displayName: event.displayName, choices: event.choices, origin: event.origin, at: event.at }) }));
      break;
  }
  return s;
}

export const fold = (state: PollsState, events: readonly PollEvent[]): PollsState => events.reduce(evolve, state);
