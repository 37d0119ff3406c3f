import type { ForumView } from '@podium/contracts';
import { slotsTaken, type ForumState } from './state';

/** What every participant sees (a conversation room: everyone in it sees who else is there). */
export function toView(state: ForumState, now: number): ForumView {
  const running = (personId: string) => (state.floor?.personId === personId ? Math.max(0, now - state.floor.since) : 0);
  const nameOf = (personId: string) => state.participants.find((p) => p.personId === personId)?.displayName ?? '';
  return {
    sessionId: state.sessionId,
    version: state.version,
    maxPublishers: state.maxPublishers,
    slotsTaken: slotsTaken(state),
    participants: state.participants.map(({ enteredAt: _e, ...p }) => ({ ...p, speakingMs: (state.spokeMs[p.personId] ?? 0) + running(p.personId) })),
    hands: state.hands.map((h) => ({ personId: h.personId, displayName: nameOf(h.personId), raisedAt: h.raisedAt })),
    floor: state.floor ? { personId: state.floor.personId, displayName: nameOf(state.floor.personId), since: state.floor.since } : null,
    unmuteRequests: [...state.unmuteRequests],
    breakout: state.breakout && {
      groups: state.breakout.groups.map((g) => ({ id: g.id, members: g.personIds.map((personId) => ({ personId, displayName: nameOf(personId) })) })),
      endsAt: state.breakout.endsAt,
      message: state.breakout.message,
    },
    now,
  };
}
