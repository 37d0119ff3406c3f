/** Programme wire types: the session status and the `/programme` namespace's events. */
import type { ErrorBody, ExceptionEvents } from './errors';

// The vocabulary; `@podium/programme` checks at compile time that its lists name the same values.
export type SessionStatus = 'scheduled' | 'backstage' | 'live' | 'ended' | 'cancelled';
export type SessionKind = 'welcome' | 'keynote' | 'panel' | 'fishbowl' | 'forum' | 'press-conference' | 'marketplace' | 'closing' | 'break';
/** A person's role in one session. */
export type PersonRole = 'moderator' | 'speaker' | 'interpreter' | 'captioner';
export type ConferenceFormat = 'digital' | 'hybrid' | 'in-person';
/** A programme room (not the livestream's stage/backstage rooms). */
export type RoomKind = 'virtual-stage' | 'forum-room' | 'hall';
/** Roles a person holds in a conference; `@podium/identity` checks its list against it. */
export type ConferenceRole = 'organiser' | 'moderator' | 'speaker' | 'interpreter' | 'captioner' | 'attendee';

/** True when A and B are the same union: libraries pin their `as const` lists to the wire types with it. */
export type SameUnion<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Why sessions changed: time moved them, a moderator did, a delay, or an organiser's edit. */
export type ProgrammeChangeReason = 'transition' | 'moderator' | 'delay' | 'edit';

/** One session as `programme:changed` carries it. */
export interface ProgrammeSessionChange {
  id: string;
  status: SessionStatus;
  delayMinutes: number;
  /** The plan (UTC ISO); shownStart/shownEnd add the delay. */
  start: string;
  end: string;
  shownStart: string;
  shownEnd: string;
}

/** `programme:changed`: the sessions whose status or times changed, as the programme shows them. */
export interface ProgrammeChange {
  conferenceId: string;
  reason: ProgrammeChangeReason;
  sessions: ProgrammeSessionChange[];
  /** Sessions deleted from the programme (reason 'edit'); open pages drop them. */
  removed?: string[];
}

/** `programme:unavailable`: the conference was unpublished (and the socket has no role there) or deleted; the socket left its room. */
export interface ProgrammeUnavailable {
  conferenceId: string;
  reason: 'unpublished' | 'deleted';
}

// ---------------------------------------------------------------- the `/programme` socket event maps

export interface ProgrammeSubscribePayload {
  /** The conference's slug; published conferences need no sign-in, unpublished ones a role there. */
  slug: string;
}
export interface ProgrammeUnsubscribePayload {
  conferenceId: string;
}
export type ProgrammeSubscribeAck = { ok: true; conferenceId: string } | { ok?: false; error: ErrorBody };
export type ProgrammeUnsubscribeAck = { ok: true };

export interface ProgrammeClientToServerEvents {
  'programme:subscribe': (payload: ProgrammeSubscribePayload, ack: (ack: ProgrammeSubscribeAck) => void) => void;
  'programme:unsubscribe': (payload: ProgrammeUnsubscribePayload, ack: (ack: ProgrammeUnsubscribeAck) => void) => void;
}

export interface ProgrammeServerToClientEvents extends ExceptionEvents {
  /** Sessions of a subscribed conference changed (or were removed). */
  'programme:changed': (change: ProgrammeChange) => void;
  /** This socket may no longer follow the conference: it was taken out of the room and gets nothing more from it. */
  'programme:unavailable': (notice: ProgrammeUnavailable) => void;
}
