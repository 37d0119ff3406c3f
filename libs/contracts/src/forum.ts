/**
 * Forum wire types: an interactive session room where every participant may talk, up to a number of
 * publishers the organiser sets; moderators mute, ask to unmute, give the floor to raised hands and
 * remove. Shared by `@podium/forum`, the api's `/forum` namespace and the browser. Instants are epoch
 * milliseconds (UTC), durations milliseconds.
 */
import type { ErrorBody, ExceptionEvents } from './errors';

/** Who acts in a forum; `moderator` covers the session's moderators and the organisers. */
export interface ForumActor {
  personId: string;
  displayName: string;
  moderator: boolean;
}

/** Why someone may publish: a free slot, the floor given by a moderator, or running the forum. */
export type ForumPublishRight = 'slot' | 'floor' | 'moderator';

/** Why a forum command was refused with CONFLICT: `details.forum`. */
export type ForumConflict = 'not-entered' | 'has-floor' | 'full' | 'no-request' | 'no-floor' | 'listening' | 'breakouts-open' | 'no-breakouts' | 'too-few';

/** Bounds every transport and the domain agree on. */
export const FORUM_LIMITS = {
  minPublishers: 1,
  maxPublishers: 100,
  defaultPublishers: 12,
  idMaxLength: 128,
  displayNameMaxLength: 120,
  minGroupSize: 2,
  maxGroupSize: 50,
  maxGroups: 50,
  minBreakoutSeconds: 30,
  maxBreakoutSeconds: 4 * 3600,
  messageMaxLength: 500,
} as const;

// ---------------------------------------------------------------- events (the append-only log)

interface EventBase<T extends string> {
  type: T;
  at: number;
  actor: ForumActor;
}

export type ForumEnteredEvent = EventBase<'entered'> & { personId: string; displayName: string; moderator: boolean; right: ForumPublishRight | null };
export type ForumLeftEvent = EventBase<'left'> & { personId: string };
export type ForumHandRaisedEvent = EventBase<'hand-raised'> & { personId: string };
export type ForumHandLoweredEvent = EventBase<'hand-lowered'> & { personId: string };
/** "Sie sind dran": the person publishes (beyond the limit if need be) and their speaking time runs. */
export type ForumFloorGivenEvent = EventBase<'floor-given'> & { personId: string };
export type ForumFloorEndedEvent = EventBase<'floor-ended'> & { personId: string; spokeMs: number; right: ForumPublishRight | null };
export type ForumSlotTakenEvent = EventBase<'slot-taken'> & { personId: string };
/** Recorded for the minutes; the api mutes the tracks in LiveKit (null: everyone but the moderators). */
export type ForumMutedEvent = EventBase<'muted'> & { personId: string | null };
export type ForumUnmuteAskedEvent = EventBase<'unmute-asked'> & { personId: string };
export type ForumUnmuteAnsweredEvent = EventBase<'unmute-answered'> & { personId: string; accepted: boolean };
export type ForumRemovedEvent = EventBase<'removed'> & { personId: string };
export type ForumConfiguredEvent = EventBase<'configured'> & { maxPublishers: number };
export interface ForumGroup {
  /** `g1`, `g2`, … (also the suffix of the group's LiveKit room). */
  id: string;
  personIds: string[];
}
/** Breakout groups: each its own LiveKit room until `endsAt` (or a moderator ends them early). */
export type ForumBreakoutsOpenedEvent = EventBase<'breakouts-opened'> & { groups: ForumGroup[]; endsAt: number };
export type ForumBreakoutMessageEvent = EventBase<'breakout-message'> & { message: string };
export type ForumBreakoutsClosedEvent = EventBase<'breakouts-closed'> & { reason: 'closed' | 'time-up' };

export type ForumEvent =
  | ForumEnteredEvent
  | ForumLeftEvent
  | ForumHandRaisedEvent
  | ForumHandLoweredEvent
  | ForumFloorGivenEvent
  | ForumFloorEndedEvent
  | ForumSlotTakenEvent
  | ForumMutedEvent
  | ForumUnmuteAskedEvent
  | ForumUnmuteAnsweredEvent
  | ForumRemovedEvent
  | ForumConfiguredEvent
  | ForumBreakoutsOpenedEvent
  | ForumBreakoutMessageEvent
  | ForumBreakoutsClosedEvent;

// ---------------------------------------------------------------- the view

export interface ForumParticipantView {
  personId: string;
  displayName: string;
  moderator: boolean;
  /** null: listens (raise a hand to speak). */
  right: ForumPublishRight | null;
  /** Total time with the floor, including a running turn. */
  speakingMs: number;
}

export interface ForumHandView {
  personId: string;
  displayName: string;
  raisedAt: number;
}

export interface ForumView {
  sessionId: string;
  version: number;
  maxPublishers: number;
  /** Publishers holding a slot (the limit counts these; floor and moderators come on top). */
  slotsTaken: number;
  participants: ForumParticipantView[];
  /** In order of raising: the first is next. */
  hands: ForumHandView[];
  floor: { personId: string; displayName: string; since: number } | null;
  /** People a moderator asked to unmute: each sees the request until they answer it. */
  unmuteRequests: string[];
  /** Open breakout groups (everyone is back in the forum when null). */
  breakout: { groups: { id: string; members: { personId: string; displayName: string }[] }[]; endsAt: number; message: string | null } | null;
  /** The server's clock when the view was made. */
  now: number;
}

// ---------------------------------------------------------------- HTTP

/** Body of POST /api/sessions/:id/forum/join: moderators may visit a breakout group's room. */
export interface ForumJoinRequest {
  group?: string;
}

/** POST /api/sessions/:id/forum/join: enters the forum and returns a LiveKit token for its room (or my breakout group's). */
export interface ForumJoinGrant {
  url: string;
  token: string;
  room: string;
  identity: string;
  right: ForumPublishRight | null;
  /** The breakout group whose room this token is for; null: the forum's own room. */
  group: string | null;
  expiresAt: string;
  refreshAt: string;
}

/** GET /api/sessions/:id/forum/record: who took part and how, for the moderators' minutes. */
export interface ForumRecord {
  sessionId: string;
  people: { personId: string; displayName: string; firstEnteredAt: string; lastLeftAt: string | null; turns: number; speakingMs: number; handsRaised: number; removed: boolean }[];
  breakouts: { openedAt: string; groups: number; closedAt: string | null; reason: 'closed' | 'time-up' | null }[];
  mutes: number;
}

// ---------------------------------------------------------------- socket events

export interface ForumSessionPayload {
  sessionId: string;
}
export type ForumPersonPayload = ForumSessionPayload & { personId: string };

export type ForumAck = { ok: true; version: number } | { ok?: false; error: ErrorBody };
export type ForumJoinAck = { ok: true; version: number; view: ForumView } | { ok?: false; error: ErrorBody };
/** `muted`: tracks LiveKit muted now. */
export type ForumMuteAck = { ok: true; version: number; muted: number } | { ok?: false; error: ErrorBody };

export interface ForumClientToServerEvents {
  'forum:join': (payload: ForumSessionPayload, ack: (ack: ForumJoinAck) => void) => void;
  'forum:part': (payload: ForumSessionPayload, ack: (ack: ForumAck) => void) => void;
  'forum:leave': (payload: ForumSessionPayload, ack: (ack: ForumAck) => void) => void;
  'forum:raise-hand': (payload: ForumSessionPayload, ack: (ack: ForumAck) => void) => void;
  /** Without personId: one's own hand; with someone else's: moderators only. */
  'forum:lower-hand': (payload: ForumSessionPayload & { personId?: string }, ack: (ack: ForumAck) => void) => void;
  'forum:give-floor': (payload: ForumPersonPayload, ack: (ack: ForumAck) => void) => void;
  'forum:end-floor': (payload: ForumSessionPayload, ack: (ack: ForumAck) => void) => void;
  'forum:take-slot': (payload: ForumSessionPayload, ack: (ack: ForumAck) => void) => void;
  /** Without personId: everyone but the moderators. */
  'forum:mute': (payload: ForumSessionPayload & { personId?: string }, ack: (ack: ForumMuteAck) => void) => void;
  'forum:ask-unmute': (payload: ForumPersonPayload, ack: (ack: ForumAck) => void) => void;
  'forum:answer-unmute': (payload: ForumSessionPayload & { accepted: boolean }, ack: (ack: ForumAck) => void) => void;
  'forum:remove': (payload: ForumPersonPayload, ack: (ack: ForumAck) => void) => void;
  'forum:configure': (payload: ForumSessionPayload & { maxPublishers: number }, ack: (ack: ForumAck) => void) => void;
  /** Groups of `groupSize` drawn at random, or the moderator's own `groups` (person ids); everyone not a moderator takes part. */
  'forum:open-breakouts': (payload: ForumSessionPayload & { groupSize: number; durationSeconds: number; groups?: string[][] }, ack: (ack: ForumAck) => void) => void;
  'forum:broadcast': (payload: ForumSessionPayload & { message: string }, ack: (ack: ForumAck) => void) => void;
  'forum:close-breakouts': (payload: ForumSessionPayload, ack: (ack: ForumAck) => void) => void;
}

export interface ForumServerToClientEvents extends ExceptionEvents {
  'forum:state': (view: ForumView) => void;
}

export type ForumEventName = keyof ForumClientToServerEvents;
export type ForumClientPayload<E extends ForumEventName> = Parameters<ForumClientToServerEvents[E]>[0];
