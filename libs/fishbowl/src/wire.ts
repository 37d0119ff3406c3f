import { DomainError } from '@podium/contracts';
import type { FishbowlActor, FishbowlCommandEventName } from '@podium/contracts';
import type { FishbowlCommand, FishbowlCommandType } from './commands';
import { invalid } from './errors';
import { validatePayload } from './validate';

/** Socket event -> domain command type; join/part are subscriptions, not commands. */
export const COMMAND_OF_EVENT: Readonly<Record<FishbowlCommandEventName, FishbowlCommandType>> = {
  'fishbowl:ask': 'ask',
  'fishbowl:withdraw': 'withdraw',
  'fishbowl:accept': 'accept',
  'fishbowl:decline': 'decline',
  'fishbowl:leave': 'leave',
  'fishbowl:invite': 'invite',
  'fishbowl:cancel-invitation': 'cancel-invitation',
  'fishbowl:remove': 'remove',
  'fishbowl:move': 'move',
  'fishbowl:confirm-rotation': 'confirm-rotation',
  'fishbowl:end-round': 'end-round',
  'fishbowl:configure': 'configure',
  'fishbowl:start': 'start',
  'fishbowl:end': 'end',
  'fishbowl:speaking': 'report-speaking',
  'fishbowl:substitute': 'substitute',
};

/** A payload `validatePayload` already accepted, as a command for `decide` with the actor the gateway authenticated (no second validation). */
export function commandFromPayload(
  event: FishbowlCommandEventName,
  payload: { sessionId: string },
  actor: FishbowlActor,
): { sessionId: string; command: FishbowlCommand } {
  const { sessionId, ...rest } = payload as { sessionId: string } & Record<string, unknown>;
  return { sessionId, command: { ...rest, type: COMMAND_OF_EVENT[event], actor } as FishbowlCommand };
}

/**
 * Validates a socket payload and turns it into a command for `decide`, with the actor the gateway
 * authenticated. Returns the session it is addressed to alongside.
 */
export function commandFromSocket(
  event: FishbowlCommandEventName,
  raw: unknown,
  actor: FishbowlActor,
): { sessionId: string; command: FishbowlCommand } | DomainError {
  const type = Object.hasOwn(COMMAND_OF_EVENT, event) ? COMMAND_OF_EVENT[event] : undefined;
  if (!type) return invalid('event', `'${String(event)}' is not a fishbowl command`);
  const payload = validatePayload(event, raw);
  if (payload instanceof DomainError) return payload;
  return commandFromPayload(event, payload as { sessionId: string }, actor);
}
