import type { FishbowlActor, PollKindWire, PollOptionWire, PollOrigin, PollStatusWire } from '@podium/contracts';

export type Actor = FishbowlActor;
// The wire's words, one declaration each: a poll's kind, status and options read the same in the rules.
export type Origin = PollOrigin;
export type PollKind = PollKindWire;
export type PollStatus = PollStatusWire;
export type PollOption = PollOptionWire;

export interface Ballot {
  personId: string;
  displayName: string;
  /** Option ids, sorted, each once. */
  choices: string[];
  origin: Origin;
  at: number;
}

export interface PollSettings {
  question: string;
  options: PollOption[];
  kind: PollKind;
  /** Multiple choice: at most this many options per ballot (single: 1). */
  maxChoices: number;
  /** Results and exports never link a person to their choices. */
  anonymous: boolean;
  /** An "Abstimmung": only `eligibleRoles` vote, a cast vote is final, results shown after closing. */
  formal: boolean;
  /** Formal votes: the roles that may vote (given by the caller's role); null for ordinary polls (everyone but the system). */
  eligibleRoles: string[] | null;
}

export interface Poll extends PollSettings {
  id: string;
  status: PollStatus;
  createdAt: number;
  openedAt: number | null;
  closedAt: number | null;
  /** Ballots by person id; changing a vote replaces the ballot (ordinary polls only). */
  ballots: Map<string, Ballot>;
}

export interface PollsState {
  sessionId: string;
  polls: Map<string, Poll>;
  /** Ids in creation order. */
  order: string[];
  version: number;
  lastEventAt: number;
}

interface EventBase<T extends string> {
  type: T;
  at: number;
  by: string;
  pollId: string;
}

export type PollEvent =
  | (EventBase<'poll-created'> & { settings: PollSettings })
  | EventBase<'poll-opened'>
  | EventBase<'poll-closed'>
  | (EventBase<'ballot-cast'> & { displayName: string; choices: string[]; origin: Origin });

interface CommandBase<T extends string> {
  type: T;
  actor: Actor;
  pollId: string;
}

export type PollCommand =
  | (CommandBase<'create'> & { settings: Partial<PollSettings> & Pick<PollSettings, 'question' | 'options'> })
  | CommandBase<'open'>
  | CommandBase<'close'>
  | (CommandBase<'vote'> & { choices: string[]; origin: Origin });

export type PollCommandType = PollCommand['type'];
