/** Error codes every transport understands; the HTTP filter and the socket ack map them. */
export type ErrorCode =
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'STALE_VERSION'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE'
  | 'PAYLOAD_TOO_LARGE'
  | 'INTERNAL';

/** Fishbowl FORBIDDEN reasons (docs/fishbowl-protocol.md, "Errors"); NOT_ALLOWED is the rule-less default. */
export type FishbowlForbiddenReason = 'MODERATORS_ONLY' | 'NOT_YOURS' | 'SYSTEM_ONLY' | 'NOT_A_PERSON' | 'NOT_ALLOWED';
export type FishbowlNotFoundReason = 'NOT_QUEUED' | 'NO_INVITATION' | 'NOT_SEATED';
export type FishbowlConflictReason =
  | 'ENDED'
  | 'NOT_RUNNING'
  | 'ALREADY_RUNNING'
  | 'LAYOUT_LOCKED'
  | 'ALREADY_QUEUED'
  | 'ALREADY_SEATED'
  | 'FIXED_CHAIR'
  | 'QUEUE_FULL'
  | 'ALREADY_INVITED'
  | 'SEAT_TAKEN'
  | 'NO_FREE_CHAIR'
  | 'INVITATION_EXPIRED'
  | 'NOT_OPEN_MODE'
  | 'NOT_CLOSED_MODE'
  | 'NO_ROTATION'
  | 'SUGGESTION_CHANGED';
/** Polls and formal votes (docs/participation.md): FORBIDDEN `NOT_ELIGIBLE`, NOT_FOUND `NO_POLL`, CONFLICT the rest. */
export type PollsConflictReason = 'POLL_ID_TAKEN' | 'POLL_NOT_OPEN' | 'POLL_CLOSED' | 'ALREADY_VOTED';
export type PollsReason = 'NOT_ELIGIBLE' | 'NO_POLL' | PollsConflictReason;
/** Why a livestream join (or a fishbowl seat: `removed`) is refused. */
export type JoinRefusalReason = 'no-livestream' | 'ended' | 'removed' | 'backstage' | 'locked';

/** Questions (Q&A) sub-codes (docs/participation.md, "Errors"). */
export type QuestionsReason =
  | 'NO_QUESTION'
  | 'OWN_QUESTION'
  | 'NOT_VOTABLE'
  | 'NOT_OPEN'
  | 'NOT_PENDING'
  | 'NOT_PINNABLE'
  | 'NOT_MERGEABLE'
  | 'MERGE_INTO_ITSELF'
  | 'NOT_EDITABLE'
  | 'QUESTION_ID_TAKEN'
  | 'ASKER_NOT_ELIGIBLE'
  | 'QUESTIONS_PER_MINUTE';

/** Chat refusals (docs/participation.md, "Chat"). */
export type ChatReason = 'CHAT_MUTED' | 'CHAT_SLOW_MODE' | 'CHAT_NO_MESSAGE' | 'CHAT_MESSAGE_ID_TAKEN';

/** Every `details.reason` sub-code the server sends: a closed list, so clients can switch on it. */
export type ErrorReason = FishbowlForbiddenReason | FishbowlNotFoundReason | FishbowlConflictReason | 'STALE_VERSION' | JoinRefusalReason | QuestionsReason | PollsReason | ChatReason;

/** Machine-readable details (the field, the conflicting session, ...); `reason` only from the closed list. */
export type ErrorDetails = { reason?: ErrorReason } & Record<string, unknown>;

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: ErrorDetails;
}

/** `exception`: the answer to an event sent without an ack callback that was refused or failed. */
export interface SocketException {
  /** The event that was refused. */
  event: string;
  error: ErrorBody;
}

/** Every namespace's server may emit `exception`; each ServerToClient map extends this. */
export interface ExceptionEvents {
  exception: (body: SocketException) => void;
}

/** Thrown by domain code; carries a code, never an HTTP status. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  toBody(): ErrorBody {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}
