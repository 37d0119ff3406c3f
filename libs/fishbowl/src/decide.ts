import { DomainError } from '@podium/contracts';
import type { FishbowlEvent } from '@podium/contracts';
import { autoReactions } from './auto';
import type { FishbowlCommand } from './commands';
import { invalid } from './errors';
import { evolve, fold } from './evolve';
import { checkRole } from './permissions';
import * as chairs from './rules/chairs';
import * as invitations from './rules/invitations';
import * as lifecycle from './rules/lifecycle';
import * as presence from './rules/presence';
import * as queue from './rules/queue';
import { isId } from './settings';
import type { FishbowlState } from './state';
import { dueEvents } from './timers';
import { checkVersion } from './versioning';

/**
 * Checks a command against the caller's role, the version they saw and the current state, and
 * returns the events it causes (followed by auto mode's reactions), or a DomainError.
 * Pure: `now` (epoch ms) is passed in; it is clamped so time never runs backwards in the log.
 */
export function decide(state: FishbowlState, command: FishbowlCommand, now: number): FishbowlEvent[] | DomainError {
  if (!Number.isFinite(now)) return invalid('now', 'must be a finite epoch millisecond value');
  const at = Math.max(Math.round(now), state.lastEventAt);
  const error = checkActor(command) ?? checkRole(command) ?? checkVersion(state, command);
  if (error) return error;
  const events = rule(state, command, at);
  if (events instanceof DomainError) return events;
  if (events.length === 0 && command.type !== 'tick') return events;
  return [...events, ...autoReactions(fold(state, events), at)];
}

/** decide + evolve in one step, for callers that keep the state in memory. */
export function execute(
  state: FishbowlState,
  command: FishbowlCommand,
  now: number,
): { state: FishbowlState; events: FishbowlEvent[] } | DomainError {
  const events = decide(state, command, now);
  if (events instanceof DomainError) return events;
  return { state: events.reduce(evolve, state), events };
}

function checkActor(command: FishbowlCommand): DomainError | undefined {
  const actor = command?.actor;
  if (!actor || typeof actor !== 'object') return invalid('actor', 'is required');
  if (!isId(actor.personId)) return invalid('actor.personId', 'must be a non-empty id');
  if (typeof actor.displayName !== 'string') return invalid('actor.displayName', 'must be text');
  return undefined;
}

function rule(s: FishbowlState, c: FishbowlCommand, now: number): FishbowlEvent[] | DomainError {
  switch (c.type) {
    case 'configure':
      return lifecycle.configure(s, c, now);
    case 'start':
      return lifecycle.start(s, c, now);
    case 'end':
      return lifecycle.end(s, c, now);
    case 'end-round':
      return lifecycle.endRound(s, c, now);
    case 'ask':
      return queue.ask(s, c, now);
    case 'withdraw':
      return queue.withdraw(s, c, now);
    case 'move':
      return queue.move(s, c, now);
    case 'invite':
      return invitations.invite(s, c, now);
    case 'invite-asker':
      return invitations.inviteAsker(s, c, now);
    case 'cancel-invitation':
      return invitations.cancelInvitation(s, c, now);
    case 'accept':
      return invitations.accept(s, c, now);
    case 'decline':
      return invitations.decline(s, c, now);
    case 'leave':
      return chairs.leave(s, c, now);
    case 'remove':
      return chairs.remove(s, c, now);
    case 'confirm-rotation':
      return chairs.confirmRotation(s, c, now);
    case 'report-speaking':
      return chairs.reportSpeaking(s, c, now);
    case 'tick':
      return dueEvents(s, now, c.actor);
    case 'report-presence':
      return presence.reportPresence(s, c, now);
    case 'substitute':
      return presence.substitute(s, c, now);
    default:
      return invalid('type', `unknown command '${(c as { type?: unknown }).type}'`);
  }
}
