/**
 * Fishbowl wire types: settings, events, the client view, command payloads, acks and the typed
 * socket event maps. Shared by the api gateway, the browser and `@podium/fishbowl`.
 * All instants are epoch milliseconds (UTC); all durations are milliseconds.
 */
import type { ErrorBody, ExceptionEvents } from './errors';

// ---------------------------------------------------------------- vocabulary

/** Where a person follows the fishbowl: in the hall (phone) or remote (browser). */
export type FishbowlSeatLocation = 'hall' | 'remote';

/** The caller's role as the fishbowl sees it; `system` is the timer and auto mode. */
export type FishbowlActorRole = 'moderator' | 'organiser' | 'speaker' | 'interpreter' | 'attendee' | 'guest' | 'system';

/** Who caused a command or an event. */
export interface FishbowlActor {
  personId: string;
  displayName: string;
  role: FishbowlActorRole;
}

/** `open`: one open chair is kept free; `closed`: rounds of fixed length, the panel changes per round. */
export type FishbowlMode = 'open' | 'closed';

/** Order of the queue. Ties are always first come, first served. */
export type FishbowlQueuePolicy = 'fifo' | 'first-time-first' | 'least-speaking-time';

/** Who is suggested to leave when the last open chair is taken (open mode). */
export type FishbowlRotationPolicy = 'longest-seated' | 'most-speaking-time';

/** `seated`: speaking time is seated time; `reported`: the sum of reported speaking intervals. */
export type FishbowlSpeakingMeasure = 'seated' | 'reported';

/** Fixed chairs keep their occupant for the whole fishbowl and never rotate. */
export type FishbowlFixedChairRole = 'moderator' | 'panelist' | 'interpreter';

export type FishbowlStatus = 'draft' | 'running' | 'ended';

/** Why someone left a chair. */
export type FishbowlLeaveReason = 'left' | 'removed' | 'time-limit' | 'rotation' | 'round-end' | 'ended';

export interface FishbowlFixedChair {
  role: FishbowlFixedChairRole;
  personId: string;
  displayName: string;
}

export interface FishbowlSettings {
  mode: FishbowlMode;
  /** All chairs, fixed ones first (indices 0..fixedChairs.length-1), then the open ones. */
  chairCount: number;
  fixedChairs: FishbowlFixedChair[];
  queuePolicy: FishbowlQueuePolicy;
  rotationPolicy: FishbowlRotationPolicy;
  /** Auto mode: the system invites the head of the queue and confirms rotations. */
  auto: boolean;
  invitationTimeoutMs: number;
  /** Time a guest may sit on an open chair; null = unlimited. */
  seatTimeLimitMs: number | null;
  warningBeforeMs: number;
  /** Closed mode: length of one round. */
  roundLengthMs: number;
  /** Open auto mode: minimum seated time before the system rotates a guest out. */
  rotationGraceMs: number;
  speakingMeasure: FishbowlSpeakingMeasure;
}

/** Bounds every transport and the domain agree on. */
export const FISHBOWL_LIMITS = {
  topicMaxLength: 140,
  displayNameMaxLength: 120,
  idMaxLength: 128,
  minChairs: 2,
  maxChairs: 12,
  maxQueueLength: 10_000,
} as const;

// ---------------------------------------------------------------- events (the append-only log)

interface EventBase<T extends string> {
  type: T;
  /** Epoch milliseconds when the event happened (the `now` of the command that caused it). */
  at: number;
  actor: FishbowlActor;
}

export type FishbowlConfiguredEvent = EventBase<'fishbowl-configured'> & { settings: FishbowlSettings };
export type FishbowlStartedEvent = EventBase<'fishbowl-started'>;
export type FishbowlEndedEvent = EventBase<'fishbowl-ended'>;
export type SeatRequestedEvent = EventBase<'seat-requested'> & {
  personId: string;
  displayName: string;
  where: FishbowlSeatLocation;
  topic: string | null;
  /** The person is a guest, said when someone else queued them ("Zur Frage aufs Podium": the actor is the moderator). */
  guest?: true;
};
export type SeatRequestWithdrawnEvent = EventBase<'seat-request-withdrawn'> & { personId: string };
export type QueueEntryMovedEvent = EventBase<'queue-entry-moved'> & { personId: string; toIndex: number };
export type GuestInvitedEvent = EventBase<'guest-invited'> & { personId: string; chairIndex: number; expiresAt: number };
export type InvitationAcceptedEvent = EventBase<'invitation-accepted'> & {
  personId: string;
  chairIndex: number;
  /** When the seat time limit runs out; null = unlimited. */
  endsAt: number | null;
};
export type InvitationDeclinedEvent = EventBase<'invitation-declined'> & { personId: string };
export type InvitationLapsedEvent = EventBase<'invitation-lapsed'> & { personId: string };
export type InvitationCancelledEvent = EventBase<'invitation-cancelled'> & { personId: string };
export type TimeWarningEvent = EventBase<'time-warning'> & { personId: string; endsAt: number };
export type LeftChairEvent = EventBase<'left-chair'> & { personId: string; chairIndex: number; reason: FishbowlLeaveReason };
export type SpeakingStartedEvent = EventBase<'speaking-started'> & { personId: string };
export type SpeakingStoppedEvent = EventBase<'speaking-stopped'> & { personId: string };
export type RoundStartedEvent = EventBase<'round-started'> & { round: number; endsAt: number };
export type RoundEndedEvent = EventBase<'round-ended'> & { round: number };
/** The person's last connection went (fishbowl socket): queued, marked away at `awayAt`, dropped at `removeAt`. */
export type PresenceLostEvent = EventBase<'presence-lost'> & { personId: string; awayAt: number; removeAt: number };
/** The person connected (again); a fixed panelist counts as absent until their first. */
export type PresenceReturnedEvent = EventBase<'presence-returned'> & { personId: string };
/** A queued person gone longer than the away time: auto mode skips them until they return. */
export type QueueEntryAwayEvent = EventBase<'queue-entry-away'> & { personId: string };
/** A queued person takes an absent panelist's fixed chair (or the panelist gets it back: personId is theirs). */
/** `replaces`: who sat there before (the stage takes a substitute off when the panelist comes back). */
export type SubstituteSeatedEvent = EventBase<'substitute-seated'> & { personId: string; displayName: string; chairIndex: number; replaces: string | null };

export type FishbowlEvent =
  | FishbowlConfiguredEvent
  | FishbowlStartedEvent
  | FishbowlEndedEvent
  | SeatRequestedEvent
  | SeatRequestWithdrawnEvent
  | QueueEntryMovedEvent
  | GuestInvitedEvent
  | InvitationAcceptedEvent
  | InvitationDeclinedEvent
  | InvitationLapsedEvent
  | InvitationCancelledEvent
  | TimeWarningEvent
  | LeftChairEvent
  | SpeakingStartedEvent
  | SpeakingStoppedEvent
  | RoundStartedEvent
  | RoundEndedEvent
  | PresenceLostEvent
  | PresenceReturnedEvent
  | QueueEntryAwayEvent
  | SubstituteSeatedEvent;

export type FishbowlEventType = FishbowlEvent['type'];

// ---------------------------------------------------------------- the view sent to clients

export interface FishbowlOccupantView {
  personId: string;
  displayName: string;
  /** null for fixed chairs (the panel's location is not tracked). */
  where: FishbowlSeatLocation | null;
  topic: string | null;
  seatedSince: number;
  endsAt: number | null;
  timeLeftMs: number | null;
  /** True once the time warning was given (and until the guest leaves). */
  warning: boolean;
  speaking: boolean;
  /** Signed in as a guest (a name nobody vouched for): screens mark it. */
  guest: boolean;
  /** Has a live connection to the fishbowl; a fixed panelist is false until they first connect. */
  connected: boolean;
}

export interface FishbowlChairView {
  index: number;
  kind: 'fixed' | 'open';
  fixedRole: FishbowlFixedChairRole | null;
  occupant: FishbowlOccupantView | null;
  /** An open invitation holds this chair. */
  heldFor: { personId: string; displayName: string; expiresAt: number; guest: boolean } | null;
}

export interface FishbowlQueueEntryView {
  personId: string;
  displayName: string;
  where: FishbowlSeatLocation;
  topic: string | null;
  askedAt: number;
  /** 1-based position in the queue, the same on every screen. */
  position: number;
  invited: boolean;
  /** Never sat on a chair in this fishbowl. */
  firstTime: boolean;
  /** Estimate, see docs/fishbowl-protocol.md ("Expected wait"). 0 when invited or a chair is free. */
  expectedWaitMs: number;
  /** Signed in as a guest (a name nobody vouched for): screens mark it. */
  guest: boolean;
  /** Gone longer than the away time: auto mode skips the entry; it is dropped after the grace time. */
  away: boolean;
}

export interface FishbowlInvitationView {
  personId: string;
  displayName: string;
  chairIndex: number;
  invitedAt: number;
  expiresAt: number;
  timeLeftMs: number;
  guest: boolean;
}

export interface FishbowlRoundView {
  number: number;
  startedAt: number;
  endsAt: number;
  timeLeftMs: number;
}

export interface FishbowlRotationView {
  personId: string;
  displayName: string;
  chairIndex: number;
  policy: FishbowlRotationPolicy;
  /** In auto mode, when the system will carry it out (seated at least `rotationGraceMs`). */
  dueAt: number;
}

export interface FishbowlView {
  sessionId: string;
  /** Number of events applied; send it back as `expectedVersion`. */
  version: number;
  /** Server time the view was computed at, so clients can correct their clock offset. */
  now: number;
  status: FishbowlStatus;
  settings: FishbowlSettings;
  chairs: FishbowlChairView[];
  /**
   * The head of the queue: the first `FISHBOWL_QUEUE_HEAD` entries in full (every entry in a moderator's
   * view). The rest of the queue is only in `queueOrder`; see `queuePlaceOf` for one person's place.
   */
  queue: FishbowlQueueEntryView[];
  /** Number of entries in the whole queue (may exceed `queue.length`). */
  queueLength: number;
  /** Person ids of the whole queue, in order: index + 1 = position. */
  queueOrder: string[];
  /** True when `queue` holds every entry (moderators' views), false when it is the head only. */
  fullQueue: boolean;
  invitations: FishbowlInvitationView[];
  round: FishbowlRoundView | null;
  rotation: FishbowlRotationView | null;
  /** Average completed open-chair seating, or the seat time limit before there is one. */
  averageSeatMs: number;
  nextDeadline: number | null;
}

/**
 * Entries sent in full in the broadcast view. Beyond them a view carries only the person ids in order, so a
 * view of a 1,000-entry queue stays ~45 kB instead of ~190 kB for every socket in the room.
 */
export const FISHBOWL_QUEUE_HEAD = 50;

/** What the expected wait depends on, all of it in every view (see docs/fishbowl-protocol.md, "Expected wait"). */
export interface FishbowlWaitInputs {
  mode: FishbowlMode;
  /** Open chairs. */
  openChairs: number;
  /** Open chairs neither occupied nor held by an invitation. */
  freeOpenChairs: number;
  /** Average completed open-chair seating (or the seat limit before there is one). */
  averageSeatMs: number;
  /** Closed mode: time left in the current round (the round length before the first one). */
  roundLeftMs: number;
  roundLengthMs: number;
}

/**
 * Expected wait (ms) of a waiting person with `ahead` waiting people (not invited) before them.
 * The one formula: the server's view and the browser's own place use it, so both agree exactly.
 */
export function expectedWaitMs(w: FishbowlWaitInputs, ahead: number): number {
  const k = Math.max(1, w.openChairs);
  const f = w.freeOpenChairs;
  if (ahead < f) return 0;
  if (w.mode === 'closed') return w.roundLeftMs + Math.floor((ahead - f) / k) * w.roundLengthMs;
  return Math.ceil((ahead - f + 1) / k) * w.averageSeatMs;
}

/** The wait inputs as a view shows them (computed at `view.now`). */
export function waitInputsOf(view: Pick<FishbowlView, 'settings' | 'chairs' | 'averageSeatMs' | 'round'>): FishbowlWaitInputs {
  const open = view.chairs.filter((c) => c.kind === 'open');
  return {
    mode: view.settings.mode,
    openChairs: open.length,
    freeOpenChairs: open.filter((c) => !c.occupant && !c.heldFor).length,
    averageSeatMs: view.averageSeatMs,
    roundLeftMs: view.round ? view.round.timeLeftMs : view.settings.roundLengthMs,
    roundLengthMs: view.settings.roundLengthMs,
  };
}

/** One person's place in the queue, derived from any view (head or full). */
export interface FishbowlQueuePlace {
  /** 1-based, the same on every screen. */
  position: number;
  invited: boolean;
  expectedWaitMs: number;
  /** The full entry when it is in the view's head (or the view is full); null further back. */
  entry: FishbowlQueueEntryView | null;
}

/** Where `personId` stands in the queue of `view`, exactly as the server computes it; null when not queued. */
export function queuePlaceOf(view: FishbowlView, personId: string): FishbowlQueuePlace | null {
  const index = view.queueOrder.indexOf(personId);
  if (index < 0) return null;
  const entry = index < view.queue.length && view.queue[index].personId === personId ? view.queue[index] : null;
  const invitedIds = new Set(view.invitations.map((i) => i.personId));
  if (invitedIds.has(personId)) return { position: index + 1, invited: true, expectedWaitMs: 0, entry };
  let ahead = 0;
  for (let i = 0; i < index; i++) if (!invitedIds.has(view.queueOrder[i])) ahead++;
  return { position: index + 1, invited: false, expectedWaitMs: expectedWaitMs(waitInputsOf(view), ahead), entry };
}

// ---------------------------------------------------------------- command payloads (client -> server)

/** Every payload names its session, so one socket can follow several fishbowls. */
interface SessionPayload {
  sessionId: string;
}
/** Optional on every command: when given, it is checked (see the protocol doc). */
interface VersionedPayload extends SessionPayload {
  expectedVersion?: number;
}
/** Required on moderator commands acting on chairs, queue order or settings. */
interface RequiredVersionPayload extends SessionPayload {
  expectedVersion: number;
}

export interface FishbowlJoinPayload extends SessionPayload {
  /** Also receive a 'fishbowl:event' per change (default: only 'fishbowl:state' views, one packet per change). */
  events?: boolean;
}
export type FishbowlPartPayload = SessionPayload;
export interface FishbowlAskPayload extends VersionedPayload {
  where: FishbowlSeatLocation;
  topic?: string;
}
export interface FishbowlWithdrawPayload extends VersionedPayload {
  /** Moderators may withdraw someone else's request; default: the caller. */
  personId?: string;
}
export type FishbowlAcceptPayload = VersionedPayload;
export type FishbowlDeclinePayload = VersionedPayload;
export type FishbowlLeavePayload = VersionedPayload;
export interface FishbowlInvitePayload extends RequiredVersionPayload {
  personId: string;
  /** A specific free open chair; default: the first free one. */
  chairIndex?: number;
}
export interface FishbowlCancelInvitationPayload extends RequiredVersionPayload {
  personId: string;
}
export interface FishbowlRemovePayload extends RequiredVersionPayload {
  personId: string;
}
/** Seats a queued person on an absent panelist's fixed chair; the panelist's own id hands it back. */
export interface FishbowlSubstitutePayload extends RequiredVersionPayload {
  chairIndex: number;
  personId: string;
}
export interface FishbowlMovePayload extends RequiredVersionPayload {
  personId: string;
  toIndex: number;
}
export interface FishbowlConfirmRotationPayload extends RequiredVersionPayload {
  /** The suggestion the moderator saw; refused with CONFLICT if it has changed. */
  personId?: string;
}
export type FishbowlEndRoundPayload = RequiredVersionPayload;
export interface FishbowlConfigurePayload extends RequiredVersionPayload {
  settings: Partial<FishbowlSettings>;
}
export type FishbowlStartPayload = RequiredVersionPayload;
export type FishbowlEndPayload = RequiredVersionPayload;
export interface FishbowlSpeakingPayload extends VersionedPayload {
  personId: string;
  speaking: boolean;
}

// ---------------------------------------------------------------- acks

export type FishbowlAck = { ok: true; version: number } | { ok?: false; error: ErrorBody };
/** The join ack's view is a moderator's full view for moderators, the broadcast (head) view for everyone else. */
export type FishbowlJoinAck = { ok: true; version: number; view: FishbowlView } | { ok?: false; error: ErrorBody };
export type FishbowlAckCallback = (ack: FishbowlAck) => void;

// ---------------------------------------------------------------- the typed socket event maps

export interface FishbowlClientToServerEvents {
  'fishbowl:join': (payload: FishbowlJoinPayload, ack: (ack: FishbowlJoinAck) => void) => void;
  'fishbowl:part': (payload: FishbowlPartPayload, ack: FishbowlAckCallback) => void;
  'fishbowl:ask': (payload: FishbowlAskPayload, ack: FishbowlAckCallback) => void;
  'fishbowl:withdraw': (payload: FishbowlWithdrawPayload, ack: FishbowlAckCallback) => void;
  'fishbowl:accept': (payload: FishbowlAcceptPayload, ack: FishbowlAckCallback) => void;
  'fishbowl:decline': (payload: FishbowlDeclinePayload, ack: FishbowlAckCallback) => void;
  'fishbowl:leave': (payload: FishbowlLeavePayload, ack: FishbowlAckCallback) => void;
  'fishbowl:invite': (payload: FishbowlInvitePayload, ack: FishbowlAckCallback) => void;
  'fishbowl:cancel-invitation': (payload: FishbowlCancelInvitationPayload, ack: FishbowlAckCallback) => void;
  'fishbowl:remove': (payload: FishbowlRemovePayload, ack: FishbowlAckCallback) => void;
  'fishbowl:move': (payload: FishbowlMovePayload, ack: FishbowlAckCallback) => void;
  'fishbowl:confirm-rotation': (payload: FishbowlConfirmRotationPayload, ack: FishbowlAckCallback) => void;
  'fishbowl:end-round': (payload: FishbowlEndRoundPayload, ack: FishbowlAckCallback) => void;
  'fishbowl:configure': (payload: FishbowlConfigurePayload, ack: FishbowlAckCallback) => void;
  'fishbowl:start': (payload: FishbowlStartPayload, ack: FishbowlAckCallback) => void;
  'fishbowl:end': (payload: FishbowlEndPayload, ack: FishbowlAckCallback) => void;
  'fishbowl:speaking': (payload: FishbowlSpeakingPayload, ack: FishbowlAckCallback) => void;
  'fishbowl:substitute': (payload: FishbowlSubstitutePayload, ack: FishbowlAckCallback) => void;
}

export interface FishbowlChangePayload {
  sessionId: string;
  /** The version after this event; a gap means the client missed one and should re-join. */
  version: number;
  event: FishbowlEvent;
}

export interface FishbowlServerToClientEvents extends ExceptionEvents {
  /** The whole state (on join and after every change); the queue in full for moderators, its head plus `queueOrder` for others. */
  'fishbowl:state': (view: FishbowlView) => void;
  /** One change, in log order. */
  'fishbowl:event': (change: FishbowlChangePayload) => void;
}

/** Names of the client commands (everything but join/part). */
export type FishbowlCommandEventName = Exclude<keyof FishbowlClientToServerEvents, 'fishbowl:join' | 'fishbowl:part'>;

/** The payload type of a client event, for typed validation helpers. */
export type FishbowlClientPayload<E extends keyof FishbowlClientToServerEvents> = Parameters<FishbowlClientToServerEvents[E]>[0];
