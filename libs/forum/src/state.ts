import { FORUM_LIMITS, type ForumActor, type ForumGroup, type ForumPublishRight } from '@podium/contracts';

/** A person in the forum room (entered and not yet left or removed). */
export interface ForumParticipant {
  personId: string;
  displayName: string;
  moderator: boolean;
  right: ForumPublishRight | null;
  enteredAt: number;
}

/** A forum is a fold over its events; the maps are copied on change (plain data, safe to share). */
export interface ForumState {
  sessionId: string;
  version: number;
  maxPublishers: number;
  /** In order of entering. */
  participants: ForumParticipant[];
  /** In order of raising. */
  hands: { personId: string; raisedAt: number }[];
  floor: { personId: string; since: number } | null;
  /** Finished turns per person; a running turn is added by the view. */
  spokeMs: Record<string, number>;
  unmuteRequests: string[];
  breakout: { groups: ForumGroup[]; endsAt: number; message: string | null } | null;
}

export type ForumCommand =
  | { type: 'enter'; actor: ForumActor }
  /** Without personId: oneself; with one: moderators and the system (a place whose holder is gone from the media room). */
  | { type: 'leave'; actor: ForumActor; personId?: string }
  | { type: 'raise-hand'; actor: ForumActor }
  | { type: 'lower-hand'; actor: ForumActor; personId?: string }
  | { type: 'give-floor'; actor: ForumActor; personId: string }
  | { type: 'end-floor'; actor: ForumActor }
  | { type: 'take-slot'; actor: ForumActor }
  | { type: 'mute'; actor: ForumActor; personId?: string }
  | { type: 'ask-unmute'; actor: ForumActor; personId: string }
  | { type: 'answer-unmute'; actor: ForumActor; accepted: boolean }
  | { type: 'remove'; actor: ForumActor; personId: string }
  | { type: 'configure'; actor: ForumActor; maxPublishers: number }
  /** `seed` comes from the edge (a random number): the draw is then a pure function of it. */
  | { type: 'open-breakouts'; actor: ForumActor; groupSize: number; durationSeconds: number; groups?: string[][]; seed: number }
  | { type: 'broadcast'; actor: ForumActor; message: string }
  | { type: 'close-breakouts'; actor: ForumActor }
  /** The timer, as the system: closes breakouts whose time is up. */
  | { type: 'tick'; actor: ForumActor };

export function initialForum(sessionId: string): ForumState {
  return { sessionId, version: 0, maxPublishers: FORUM_LIMITS.defaultPublishers, participants: [], hands: [], floor: null, spokeMs: {}, unmuteRequests: [], breakout: null };
}

export const participantOf = (state: ForumState, personId: string): ForumParticipant | undefined => state.participants.find((p) => p.personId === personId);

/** Slots in use: the organiser's limit counts only these (the floor and the moderators come on top). */
export const slotsTaken = (state: ForumState): number => state.participants.filter((p) => p.right === 'slot').length;

export const hasFreeSlot = (state: ForumState): boolean => slotsTaken(state) < state.maxPublishers;

/** The system as an actor: frees places of people who left the media room without saying so. */
export const FORUM_SYSTEM: ForumActor = { personId: 'system', displayName: 'Podium', moderator: true };

/**
 * Slot holders who are not in the media room (closed the tab, lost the network) and entered longer than
 * `graceMs` ago (a fresh token may not have connected yet): their places can be given to others.
 */
export function stalePlaces(state: ForumState, connected: ReadonlySet<string>, now: number, graceMs: number): string[] {
  return state.participants.filter((p) => p.right === 'slot' && !connected.has(p.personId) && now - p.enteredAt >= graceMs).map((p) => p.personId);
}

/** The breakout group a person is in, if breakouts are open. */
export const groupOf = (state: ForumState, personId: string): ForumGroup | undefined => state.breakout?.groups.find((g) => g.personIds.includes(personId));

/** When the timer must act: the end of the breakouts. */
export const nextDeadline = (state: ForumState): number | null => state.breakout?.endsAt ?? null;
