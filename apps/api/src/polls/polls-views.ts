import type { FishbowlActor, PollsMineWire, PollsViewWire } from '@podium/contracts';
import { isModeratorRole, pollsView, type PollsState } from '@podium/polls';

const ROOM_VIEWER = (role: 'moderator' | 'attendee'): FishbowlActor => ({ personId: '-', displayName: '', role });

/**
 * What a room sees: moderators (drafts, names of named polls, a formal vote's live count) or everyone
 * else. No personal fields: one serialisation per room; `polls:mine` carries each person's own ballots.
 */
export function roomView(state: PollsState, audience: 'moderator' | 'attendee'): PollsViewWire {
  const view = pollsView(state, ROOM_VIEWER(audience));
  return {
    sessionId: view.sessionId,
    version: view.version,
    polls: view.polls.map(({ canVote: _c, myChoices: _m, ...p }) => ({ ...p, eligibleRoles: state.polls.get(p.id)!.eligibleRoles })),
  };
}

/** One person's ballots and role: the client works out where it may still vote from these and the room view. */
export function mineOf(state: PollsState, actor: FishbowlActor): PollsMineWire {
  const ballots: Record<string, string[]> = {};
  for (const id of state.order) {
    const ballot = state.polls.get(id)!.ballots.get(actor.personId);
    if (ballot) ballots[id] = ballot.choices;
  }
  return { sessionId: state.sessionId, version: state.version, role: actor.role, moderator: isModeratorRole(actor.role), ballots };
}
