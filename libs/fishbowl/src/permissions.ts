import type { DomainError, FishbowlActor, FishbowlActorRole } from '@podium/contracts';
import type { FishbowlCommand, FishbowlCommandType } from './commands';
import { forbidden } from './errors';

/** Who may run the fishbowl: moderators, organisers and the system (timer, auto mode, LiveKit edge). */
export const MODERATION_ROLES: readonly FishbowlActorRole[] = ['moderator', 'organiser', 'system'];

/** Commands a person issues for themselves; everyone but the system may. */
const SELF_SERVICE: readonly FishbowlCommandType[] = ['ask', 'accept', 'decline', 'leave'];

export const isModerator = (actor: FishbowlActor): boolean => MODERATION_ROLES.includes(actor.role);

/** Role check only; whether the person may act on *this* entry/chair is checked by the rule itself. */
export function checkRole(command: FishbowlCommand): DomainError | undefined {
  const { actor, type } = command;
  if (type === 'tick') return actor.role === 'system' ? undefined : forbidden('Only the system timer may tick', 'SYSTEM_ONLY');
  if (type === 'report-presence') return actor.role === 'system' ? undefined : forbidden('Only the connection edge reports presence', 'SYSTEM_ONLY');
  if (SELF_SERVICE.includes(type)) return actor.role === 'system' ? forbidden('The system cannot take a seat', 'NOT_A_PERSON') : undefined;
  if (type === 'withdraw') {
    const own = command.personId === undefined || command.personId === actor.personId;
    if (own && actor.role !== 'system') return undefined;
    return isModerator(actor) ? undefined : forbidden("Only moderators may withdraw someone else's request", 'NOT_YOURS');
  }
  return isModerator(actor) ? undefined : forbidden(`Only moderators may ${type}`, 'MODERATORS_ONLY', { command: type });
}
