/** Programme wire types: the session status and the `/programme` namespace's events. */
import type { ErrorBody, ExceptionEvents } from './errors';

/** A session's status; `@podium/programme` checks at compile time that its list names the same ones. */
export type SessionStatus = 'scheduled' | 'backstage' | 'live' | 'ended' | 'cancelled';

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
}
