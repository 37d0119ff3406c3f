import type { DomainError, FishbowlEvent } from '@podium/contracts';
import type { ConfirmRotationCommand, LeaveCommand, RemoveCommand, ReportSpeakingCommand } from '../commands';
import { conflict, notFound } from '../errors';
import { rotationSuggestion } from '../policies';
import { seatOf } from '../queries';
import type { FishbowlState } from '../state';

type Result = FishbowlEvent[] | DomainError;

/** A guest leaves their own open chair; fixed chairs are left only when the fishbowl ends. */
export function leave(s: FishbowlState, c: LeaveCommand, now: number): Result {
  const chair = seatOf(s, c.actor.personId);
  if (!chair) return notFound('NOT_SEATED', 'You are not on a chair');
  if (chair.kind === 'fixed') return conflict('FIXED_CHAIR', 'Fixed chairs do not rotate');
  return [{ type: 'left-chair', at: now, actor: c.actor, personId: c.actor.personId, chairIndex: chair.index, reason: 'left' }];
}

export function remove(s: FishbowlState, c: RemoveCommand, now: number): Result {
  const chair = seatOf(s, c.personId);
  if (!chair) return notFound('NOT_SEATED', 'This person is not on a chair', { personId: c.personId });
  if (chair.kind === 'fixed') return conflict('FIXED_CHAIR', 'Fixed chairs do not rotate', { chairIndex: chair.index });
  return [{ type: 'left-chair', at: now, actor: c.actor, personId: c.personId, chairIndex: chair.index, reason: 'removed' }];
}

/** The moderator confirms the suggestion they saw; a changed suggestion is refused, not swapped. */
export function confirmRotation(s: FishbowlState, c: ConfirmRotationCommand, now: number): Result {
  if (s.settings.mode !== 'open') return conflict('NOT_OPEN_MODE', 'Rotation suggestions exist only in an open fishbowl');
  const suggestion = rotationSuggestion(s, now);
  if (!suggestion) return conflict('NO_ROTATION', 'No rotation is needed now');
  if (c.personId !== undefined && c.personId !== suggestion.personId)
    return conflict('SUGGESTION_CHANGED', 'The rotation suggestion has changed', { suggested: suggestion.personId });
  return [{ type: 'left-chair', at: now, actor: c.actor, personId: suggestion.personId, chairIndex: suggestion.chairIndex, reason: 'rotation' }];
}

/** Repeated reports are no-ops: the LiveKit edge may report the same state twice. */
export function reportSpeaking(s: FishbowlState, c: ReportSpeakingCommand, now: number): Result {
  const occupant = seatOf(s, c.personId)?.occupant;
  if (!occupant) return notFound('NOT_SEATED', 'This person is not on a chair', { personId: c.personId });
  const speaking = occupant.speakingSince !== null;
  if (speaking === c.speaking) return [];
  return [{ type: c.speaking ? 'speaking-started' : 'speaking-stopped', at: now, actor: c.actor, personId: c.personId }];
}
