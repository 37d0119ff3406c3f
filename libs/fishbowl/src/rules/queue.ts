import { DomainError, FISHBOWL_LIMITS } from '@podium/contracts';
import type { FishbowlEvent } from '@podium/contracts';
import type { AskCommand, MoveCommand, WithdrawCommand } from '../commands';
import { conflict, invalid, notFound } from '../errors';
import { isDisplayName, normaliseTopic } from '../settings';
import { isFixedPerson, queueIndexOf, seatOf } from '../queries';
import type { FishbowlState } from '../state';

type Result = FishbowlEvent[] | DomainError;

/** Anyone asks for a seat for themselves, once; allowed before the start too. */
export function ask(s: FishbowlState, c: AskCommand, now: number): Result {
  if (s.status === 'ended') return conflict('ENDED', 'The fishbowl has ended');
  if (c.where !== 'hall' && c.where !== 'remote') return invalid('where', "must be 'hall' or 'remote'");
  if (!isDisplayName(c.actor.displayName)) return invalid('actor.displayName', `must be 1 to ${FISHBOWL_LIMITS.displayNameMaxLength} characters`);
  const topic = normaliseTopic(c.topic);
  if (topic instanceof DomainError) return topic;
  const personId = c.actor.personId;
  if (queueIndexOf(s, personId) >= 0) return conflict('ALREADY_QUEUED', 'You are already in the queue');
  if (isFixedPerson(s, personId)) return conflict('FIXED_CHAIR', 'You hold a fixed chair');
  if (seatOf(s, personId)) return conflict('ALREADY_SEATED', 'You are already on a chair');
  if (s.queue.length >= FISHBOWL_LIMITS.maxQueueLength) return conflict('QUEUE_FULL', 'The queue is full');
  return [{ type: 'seat-requested', at: now, actor: c.actor, personId, displayName: c.actor.displayName.trim(), where: c.where, topic }];
}

/** Withdrawing also gives back a held chair if the person was invited. */
export function withdraw(s: FishbowlState, c: WithdrawCommand, now: number): Result {
  const personId = c.personId ?? c.actor.personId;
  if (queueIndexOf(s, personId) < 0) return notFound('NOT_QUEUED', 'No such request in the queue', { personId });
  return [{ type: 'seat-request-withdrawn', at: now, actor: c.actor, personId }];
}

export function move(s: FishbowlState, c: MoveCommand, now: number): Result {
  const from = queueIndexOf(s, c.personId);
  if (from < 0) return notFound('NOT_QUEUED', 'No such request in the queue', { personId: c.personId });
  if (!Number.isInteger(c.toIndex) || c.toIndex < 0 || c.toIndex >= s.queue.length)
    return invalid('toIndex', `must be an integer from 0 to ${s.queue.length - 1}`);
  if (from === c.toIndex) return [];
  return [{ type: 'queue-entry-moved', at: now, actor: c.actor, personId: c.personId, toIndex: c.toIndex }];
}
