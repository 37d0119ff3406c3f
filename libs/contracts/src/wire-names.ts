/**
 * The wire's names as values, for what must see them at run time (the protocol document's check, the web
 * client's error texts). Each list is pinned to its type: adding an event, code or reason to the type without
 * the list (or the other way round) is a compile error.
 */
import type { ErrorCode, ErrorReason } from './errors';
import type { FishbowlClientToServerEvents, FishbowlServerToClientEvents } from './fishbowl';
import type { ProgrammeClientToServerEvents, ProgrammeServerToClientEvents, SameUnion } from './programme';

type Pinned<T extends true> = T;

export const FISHBOWL_CLIENT_EVENTS = [
  'fishbowl:join',
  'fishbowl:part',
  'fishbowl:ask',
  'fishbowl:withdraw',
  'fishbowl:accept',
  'fishbowl:decline',
  'fishbowl:leave',
  'fishbowl:invite',
  'fishbowl:cancel-invitation',
  'fishbowl:remove',
  'fishbowl:move',
  'fishbowl:confirm-rotation',
  'fishbowl:end-round',
  'fishbowl:configure',
  'fishbowl:start',
  'fishbowl:end',
  'fishbowl:speaking',
  'fishbowl:substitute',
] as const;
export const FISHBOWL_SERVER_EVENTS = ['fishbowl:state', 'fishbowl:event', 'exception'] as const;
export const PROGRAMME_CLIENT_EVENTS = ['programme:subscribe', 'programme:unsubscribe'] as const;
export const PROGRAMME_SERVER_EVENTS = ['programme:changed', 'programme:unavailable', 'exception'] as const;

export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'STALE_VERSION',
  'RATE_LIMITED',
  'UNAVAILABLE',
  'PAYLOAD_TOO_LARGE',
  'INTERNAL',
] as const;

export const ERROR_REASONS = [
  'MODERATORS_ONLY',
  'NOT_YOURS',
  'SYSTEM_ONLY',
  'NOT_A_PERSON',
  'NOT_ALLOWED',
  'NOT_QUEUED',
  'NO_INVITATION',
  'NOT_SEATED',
  'ENDED',
  'NOT_RUNNING',
  'ALREADY_RUNNING',
  'LAYOUT_LOCKED',
  'ALREADY_QUEUED',
  'ALREADY_SEATED',
  'FIXED_CHAIR',
  'QUEUE_FULL',
  'ALREADY_INVITED',
  'SEAT_TAKEN',
  'NO_FREE_CHAIR',
  'INVITATION_EXPIRED',
  'NOT_OPEN_MODE',
  'NOT_CLOSED_MODE',
  'NO_ROTATION',
  'SUGGESTION_CHANGED',
  'STALE_VERSION',
  'no-livestream',
  'ended',
  'removed',
  'backstage',
  'locked',
  'NO_QUESTION',
  'OWN_QUESTION',
  'NOT_VOTABLE',
  'NOT_OPEN',
  'NOT_PENDING',
  'NOT_PINNABLE',
  'NOT_MERGEABLE',
  'MERGE_INTO_ITSELF',
  'NOT_EDITABLE',
  'QUESTION_ID_TAKEN',
  'ASKER_NOT_ELIGIBLE',
  'QUESTIONS_PER_MINUTE',
  'NOT_ELIGIBLE',
  'NO_POLL',
  'POLL_ID_TAKEN',
  'POLL_NOT_OPEN',
  'POLL_CLOSED',
  'ALREADY_VOTED',
  'CHAT_MUTED',
  'CHAT_SLOW_MODE',
  'CHAT_NO_MESSAGE',
  'CHAT_MESSAGE_ID_TAKEN',
] as const;

export type WireNamesPinned = [
  Pinned<SameUnion<(typeof FISHBOWL_CLIENT_EVENTS)[number], keyof FishbowlClientToServerEvents>>,
  Pinned<SameUnion<(typeof FISHBOWL_SERVER_EVENTS)[number], keyof FishbowlServerToClientEvents>>,
  Pinned<SameUnion<(typeof PROGRAMME_CLIENT_EVENTS)[number], keyof ProgrammeClientToServerEvents>>,
  Pinned<SameUnion<(typeof PROGRAMME_SERVER_EVENTS)[number], keyof ProgrammeServerToClientEvents>>,
  Pinned<SameUnion<(typeof ERROR_CODES)[number], ErrorCode>>,
  Pinned<SameUnion<(typeof ERROR_REASONS)[number], ErrorReason>>,
];
