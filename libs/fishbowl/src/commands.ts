import type { FishbowlActor, FishbowlSeatLocation, FishbowlSettings } from '@podium/contracts';

/** Every command names who asks and, where needed, the state version they saw. */
interface CommandBase<T extends string> {
  type: T;
  actor: FishbowlActor;
  /** See `versioning.ts`: required for chair/queue-order/settings moderation, optional (exact) elsewhere. */
  expectedVersion?: number;
}

export type ConfigureCommand = CommandBase<'configure'> & { settings: Partial<FishbowlSettings> };
export type StartCommand = CommandBase<'start'>;
export type EndCommand = CommandBase<'end'>;
export type AskCommand = CommandBase<'ask'> & { where: FishbowlSeatLocation; topic?: string | null };
/** personId defaults to the actor; someone else's request needs a moderator. */
export type WithdrawCommand = CommandBase<'withdraw'> & { personId?: string };
export type MoveCommand = CommandBase<'move'> & { personId: string; toIndex: number };
export type InviteCommand = CommandBase<'invite'> & { personId: string; chairIndex?: number };
/**
 * "Zur Frage aufs Podium" (docs/participation.md): a moderator queues a question's asker (the question
 * as topic, cut to the topic limit) and invites them in one decision; an asker already queued is only invited.
 */
/** `guest`: the asker signed in as a guest (the edge knows; the moderator is the actor). */
export type InviteAskerCommand = CommandBase<'invite-asker'> & { personId: string; displayName: string; where: FishbowlSeatLocation; topic: string; guest?: boolean };
export type CancelInvitationCommand = CommandBase<'cancel-invitation'> & { personId: string };
export type AcceptCommand = CommandBase<'accept'>;
export type DeclineCommand = CommandBase<'decline'>;
export type LeaveCommand = CommandBase<'leave'>;
export type RemoveCommand = CommandBase<'remove'> & { personId: string };
/** personId: the suggestion the moderator saw (refused if it changed); default: the current one. */
export type ConfirmRotationCommand = CommandBase<'confirm-rotation'> & { personId?: string };
export type EndRoundCommand = CommandBase<'end-round'>;
/** From the LiveKit edge (system) or a moderator: a seated person started/stopped speaking. */
export type ReportSpeakingCommand = CommandBase<'report-speaking'> & { personId: string; speaking: boolean };
/**
 * From the socket edge (system only): the person's connections to the fishbowl came or all went.
 * awayAfterMs / removeAfterMs: how long gone before marked away, then how much longer before dropped.
 */
export type ReportPresenceCommand = CommandBase<'report-presence'> & { personId: string; present: boolean; awayAfterMs?: number; removeAfterMs?: number };
/** Seat a queued person on an absent panelist's fixed chair; the panelist's own id hands it back. */
export type SubstituteCommand = CommandBase<'substitute'> & { chairIndex: number; personId: string };
/** The timer: lapses invitations, warns, ends seat limits and rounds, runs auto mode. */
export type TickCommand = CommandBase<'tick'>;

export type FishbowlCommand =
  | ConfigureCommand
  | StartCommand
  | EndCommand
  | AskCommand
  | WithdrawCommand
  | MoveCommand
  | InviteCommand
  | InviteAskerCommand
  | CancelInvitationCommand
  | AcceptCommand
  | DeclineCommand
  | LeaveCommand
  | RemoveCommand
  | ConfirmRotationCommand
  | EndRoundCommand
  | ReportSpeakingCommand
  | TickCommand
  | ReportPresenceCommand
  | SubstituteCommand;

export type FishbowlCommandType = FishbowlCommand['type'];

export const COMMAND_TYPES: readonly FishbowlCommandType[] = [
  'configure',
  'start',
  'end',
  'ask',
  'withdraw',
  'move',
  'invite',
  'invite-asker',
  'cancel-invitation',
  'accept',
  'decline',
  'leave',
  'remove',
  'confirm-rotation',
  'end-round',
  'report-speaking',
  'tick',
  'report-presence',
  'substitute',
];

/** The timer's and auto mode's actor. */
export const SYSTEM_ACTOR: FishbowlActor = Object.freeze({ personId: 'system', displayName: 'System', role: 'system' });
