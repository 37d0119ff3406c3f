import type { ForumEvent, ForumPublishRight } from '@podium/contracts';
import type { ForumParticipant, ForumState } from './state';

const setRight = (people: ForumParticipant[], personId: string, right: ForumPublishRight | null) => people.map((p) => (p.personId === personId ? { ...p, right } : p));
const without = (state: ForumState, personId: string): Partial<ForumState> => ({
  participants: state.participants.filter((p) => p.personId !== personId),
  hands: state.hands.filter((h) => h.personId !== personId),
  unmuteRequests: state.unmuteRequests.filter((id) => id !== personId),
  breakout: state.breakout && { ...state.breakout, groups: state.breakout.groups.map((g) => ({ ...g, personIds: g.personIds.filter((id) => id !== personId) })) },
});

/** Applies one event (version + 1). Never refuses: `decide` already did. */
export function evolve(state: ForumState, event: ForumEvent): ForumState {
  const next: ForumState = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'entered':
      return { ...next, participants: [...state.participants, { personId: event.personId, displayName: event.displayName, moderator: event.moderator, right: event.right, enteredAt: event.at }] };
    case 'left':
    case 'removed':
      return { ...next, ...without(state, event.personId) };
    case 'hand-raised':
      return { ...next, hands: [...state.hands, { personId: event.personId, raisedAt: event.at }] };
    case 'hand-lowered':
      return { ...next, hands: state.hands.filter((h) => h.personId !== event.personId) };
    case 'floor-given': {
      const right = state.participants.find((p) => p.personId === event.personId)?.right ?? null;
      return {
        ...next,
        participants: setRight(state.participants, event.personId, right ?? 'floor'),
        hands: state.hands.filter((h) => h.personId !== event.personId),
        floor: { personId: event.personId, since: event.at },
      };
    }
    case 'floor-ended':
      return {
        ...next,
        participants: setRight(state.participants, event.personId, event.right),
        floor: null,
        spokeMs: { ...state.spokeMs, [event.personId]: (state.spokeMs[event.personId] ?? 0) + event.spokeMs },
      };
    case 'slot-taken':
      return { ...next, participants: setRight(state.participants, event.personId, 'slot') };
    case 'unmute-asked':
      return { ...next, unmuteRequests: [...state.unmuteRequests, event.personId] };
    case 'unmute-answered':
      return { ...next, unmuteRequests: state.unmuteRequests.filter((id) => id !== event.personId) };
    case 'configured':
      return { ...next, maxPublishers: event.maxPublishers };
    case 'breakouts-opened':
      return { ...next, breakout: { groups: event.groups, endsAt: event.endsAt, message: null } };
    case 'breakout-message':
      return { ...next, breakout: state.breakout && { ...state.breakout, message: event.message } };
    case 'breakouts-closed':
      return { ...next, breakout: null };
    case 'muted':
      return next; // LiveKit holds the mute; the log keeps that it happened
  }
}

/** Whose publish right an event changes: the api then updates that participant's LiveKit permission. */
export function rightChangedBy(event: ForumEvent): string | null {
  return event.type === 'floor-given' || event.type === 'floor-ended' || event.type === 'slot-taken' ? event.personId : null;
}
