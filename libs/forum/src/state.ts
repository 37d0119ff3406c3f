import { FORUM_LIMITS, type ForumActor, type ForumPublishRight } from '@podium/contracts';

/** A person in the forum room (entered and not yet left or removed). */
export interface ForumParticipant {
  personId: string;
  displayName: string;
  moderator: boolean;
  right: ForumPublishRight | null;
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
}

export type ForumCommand =
  | { type: 'enter'; actor: ForumActor }
  | { type: 'leave'; actor: ForumActor }
  | { type: 'raise-hand'; actor: ForumActor }
  | { type: 'lower-hand'; actor: ForumActor; personId?: string }
  | { type: 'give-floor'; actor: ForumActor; personId: string }
  | { type: 'end-floor'; actor: ForumActor }
  | { type: 'take-slot'; actor: ForumActor }
  | { type: 'mute'; actor: ForumActor; personId?: string }
  | { type: 'ask-unmute'; actor: ForumActor; personId: string }
  | { type: 'answer-unmute'; actor: ForumActor; accepted: boolean }
  | { type: 'remove'; actor: ForumActor; personId: string }
  | { type: 'configure'; actor: ForumActor; maxPublishers: number };

export function initialForum(sessionId: string): ForumState {
  return { sessionId, version: 0, maxPublishers: FORUM_LIMITS.defaultPublishers, participants: [], hands: [], floor: null, spokeMs: {}, unmuteRequests: [] };
}

export const participantOf = (state: ForumState, personId: string): ForumParticipant | undefined => state.participants.find((p) => p.personId === personId);

/** Slots in use: the organiser's limit counts only these (the floor and the moderators come on top). */
export const slotsTaken = (state: ForumState): number => state.participants.filter((p) => p.right === 'slot').length;

export const hasFreeSlot = (state: ForumState): boolean => slotsTaken(state) < state.maxPublishers;
