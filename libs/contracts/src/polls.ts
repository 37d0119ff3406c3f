/**
 * Polls, formal votes ("Abstimmung") and reactions on the wire: the `/polls` and `/reactions` Socket.IO
 * namespaces and the HTTP shapes (docs/participation.md). The rules live in libs/polls.
 */
import type { ErrorBody, ExceptionEvents } from './errors';

export type PollOrigin = 'hall' | 'remote';
export type PollKindWire = 'single' | 'multiple';
export type PollStatusWire = 'draft' | 'open' | 'closed';

export interface PollOptionWire {
  id: string;
  label: string;
}

/** What a moderator sends to create a poll; omitted fields take the lib's defaults. */
export interface PollSettingsInput {
  question: string;
  options: PollOptionWire[];
  kind?: PollKindWire;
  maxChoices?: number;
  anonymous?: boolean;
  formal?: boolean;
  eligibleRoles?: string[] | null;
}

/** The accessible results table: numbers only, the client formats them in its language. */
export interface PollResultsTableWire {
  caption: string;
  columns: ['option', 'hall', 'remote', 'total', 'percent'];
  rows: { optionId: string; label: string; hall: number; remote: number; total: number; percent: number; hallPercent: number; remotePercent: number }[];
  totals: { hall: number; remote: number; total: number };
}

export interface PollViewWire {
  id: string;
  question: string;
  options: PollOptionWire[];
  kind: PollKindWire;
  maxChoices: number;
  anonymous: boolean;
  formal: boolean;
  status: PollStatusWire;
  /** Formal votes: the roles that may vote; null = everyone but the system. */
  eligibleRoles: string[] | null;
  /** null while hidden (a formal vote before closing, for non-moderators) and for drafts. */
  results: PollResultsTableWire | null;
  /** Moderators, named polls only. */
  voters: { choices: string[]; displayName: string; origin: string; personId: string }[] | null;
}

/**
 * A session's polls as a room sees them (drafts, names and a formal vote's running count for moderators
 * only). Personal fields are in `PollsMineWire`: a client may vote where the poll is open, its role is
 * eligible (`eligibleRoles` null or containing it) and, for a formal vote, it has no ballot yet.
 */
export interface PollsViewWire {
  sessionId: string;
  version: number;
  polls: PollViewWire[];
}

/** One person's own ballots (option ids by poll id) and role; on join and after each of their ballots. */
export interface PollsMineWire {
  sessionId: string;
  version: number;
  role: string;
  moderator: boolean;
  ballots: Record<string, string[]>;
}

export type PollsAck = { ok: true; version: number } | { ok?: false; error: ErrorBody };
export type PollsJoinAck = { ok: true; version: number; view: PollsViewWire; mine: PollsMineWire } | { ok?: false; error: ErrorBody };
type PollsAckCallback = (ack: PollsAck) => void;

/** `mode`: where this client takes part; it decides the origin of its ballots (default remote). */
export interface PollsJoinPayload {
  sessionId: string;
  mode?: PollOrigin;
}
export interface PollsCreatePayload {
  sessionId: string;
  pollId: string;
  settings: PollSettingsInput;
}
export interface PollsIdPayload {
  sessionId: string;
  pollId: string;
}
export interface PollsVotePayload {
  sessionId: string;
  pollId: string;
  choices: string[];
}

export interface PollsClientToServerEvents {
  'polls:join': (payload: PollsJoinPayload, ack: (ack: PollsJoinAck) => void) => void;
  'polls:part': (payload: { sessionId: string }, ack: PollsAckCallback) => void;
  'polls:create': (payload: PollsCreatePayload, ack: PollsAckCallback) => void;
  'polls:open': (payload: PollsIdPayload, ack: PollsAckCallback) => void;
  'polls:close': (payload: PollsIdPayload, ack: PollsAckCallback) => void;
  'polls:vote': (payload: PollsVotePayload, ack: PollsAckCallback) => void;
}

export interface PollsServerToClientEvents extends ExceptionEvents {
  /** The viewer's full view: on join and after every change (coalesced in bursts). */
  'polls:state': (view: PollsViewWire) => void;
  /** To the person's own sockets only. */
  'polls:mine': (mine: PollsMineWire) => void;
}

export const REACTION_KINDS_WIRE = ['applause', 'heart', 'laughter', 'thumbs-up', 'surprise'] as const;
export type ReactionKindWire = (typeof REACTION_KINDS_WIRE)[number];

/**
 * One interval's reactions of one session counted by one api process. With several processes a client
 * gets one batch per process per interval and adds them up (batches never overlap: each reaction is
 * counted by the process that received it).
 */
export interface ReactionCountsWire {
  sessionId: string;
  from: number;
  to: number;
  counts: Record<ReactionKindWire, number>;
}

export type ReactionsAck = { ok: true } | { ok?: false; error: ErrorBody };

export interface ReactionsClientToServerEvents {
  'reactions:join': (payload: { sessionId: string }, ack: (ack: ReactionsAck) => void) => void;
  'reactions:part': (payload: { sessionId: string }, ack: (ack: ReactionsAck) => void) => void;
  /** Ack optional: a burst of applause need not wait for answers. */
  'reactions:send': (payload: { sessionId: string; kind: ReactionKindWire }, ack?: (ack: ReactionsAck) => void) => void;
}

export interface ReactionsServerToClientEvents extends ExceptionEvents {
  'reactions:counts': (batch: ReactionCountsWire) => void;
}

/** GET /api/sessions/:id/polls/:pollId/result (JSON): a formal vote's or poll's exported result. */
export interface PollResultExport {
  sessionId: string;
  pollId: string;
  question: string;
  kind: PollKindWire;
  formal: boolean;
  anonymous: boolean;
  status: PollStatusWire;
  openedAt: string | null;
  closedAt: string | null;
  eligibleRoles: string[] | null;
  /** Formal votes: people holding an eligible role in the session's conference when exported; null otherwise. */
  eligible: number | null;
  results: PollResultsTableWire;
  /** Named polls only. */
  ballots: { personId: string; displayName: string; origin: PollOrigin; choices: string[]; at: string }[] | null;
}
