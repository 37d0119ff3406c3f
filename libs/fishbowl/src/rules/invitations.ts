import type { DomainError, FishbowlEvent } from '@podium/contracts';
import { FISHBOWL_LIMITS } from '@podium/contracts';
import type { AcceptCommand, CancelInvitationCommand, DeclineCommand, InviteAskerCommand, InviteCommand } from '../commands';
import { conflict, invalid, notFound } from '../errors';
import { fold } from '../evolve';
import { isId } from '../settings';
import { ask } from './queue';
import { freeOpenChairs, invitationOf, isHeld, queueIndexOf } from '../queries';
import type { FishbowlState } from '../state';

type Result = FishbowlEvent[] | DomainError;

const notRunning = () => conflict('NOT_RUNNING', 'The fishbowl is not running');

/** The invitation holds a free open chair, so two invitations never compete for one chair. */
export function invite(s: FishbowlState, c: InviteCommand, now: number): Result {
  if (s.status !== 'running') return notRunning();
  if (queueIndexOf(s, c.personId) < 0) return notFound('NOT_QUEUED', 'Only people in the queue can be invited', { personId: c.personId });
  if (invitationOf(s, c.personId)) return conflict('ALREADY_INVITED', 'This person is already invited', { personId: c.personId });
  let chairIndex: number;
  if (c.chairIndex !== undefined) {
    const chair = Number.isInteger(c.chairIndex) ? s.chairs[c.chairIndex] : undefined;
    if (!chair) return invalid('chairIndex', `must be an integer from 0 to ${s.chairs.length - 1}`);
    if (chair.kind !== 'open') return conflict('FIXED_CHAIR', 'Fixed chairs are not for guests', { chairIndex: chair.index });
    if (chair.occupant || isHeld(s, chair.index)) return conflict('SEAT_TAKEN', 'This chair is taken or held', { chairIndex: chair.index });
    chairIndex = chair.index;
  } else {
    const free = freeOpenChairs(s)[0];
    if (!free) return conflict('NO_FREE_CHAIR', 'No open chair is free');
    chairIndex = free.index;
  }
  return [{ type: 'guest-invited', at: now, actor: c.actor, personId: c.personId, chairIndex, expiresAt: now + s.settings.invitationTimeoutMs }];
}

/** Queue (unless queued) and invite in one decision: either both events or a refusal, never a queued but uninvited asker. */
export function inviteAsker(s: FishbowlState, c: InviteAskerCommand, now: number): Result {
  if (s.status !== 'running') return notRunning();
  if (!isId(c.personId)) return invalid('personId', 'must be a non-empty id');
  if (typeof c.topic !== 'string') return invalid('topic', 'must be text');
  const queued: FishbowlEvent[] = [];
  if (queueIndexOf(s, c.personId) < 0) {
    // The asker's request as if they had asked themselves; the moderator stays the event's actor (they did it),
    // so whether the asker is a guest is said in the event itself.
    const topic = [...c.topic.replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim()].slice(0, FISHBOWL_LIMITS.topicMaxLength).join('');
    const asked = ask(s, { type: 'ask', actor: { personId: c.personId, displayName: c.displayName, role: c.guest ? 'guest' : 'attendee' }, where: c.where, topic }, now);
    if (!Array.isArray(asked)) return asked;
    queued.push(...asked.map((e) => ({ ...e, actor: c.actor, ...(c.guest === true ? { guest: true as const } : {}) })));
  }
  const invited = invite(fold(s, queued), { type: 'invite', actor: c.actor, personId: c.personId }, now);
  return Array.isArray(invited) ? [...queued, ...invited] : invited;
}

export function cancelInvitation(s: FishbowlState, c: CancelInvitationCommand, now: number): Result {
  if (!invitationOf(s, c.personId)) return notFound('NO_INVITATION', 'No open invitation for this person', { personId: c.personId });
  return [{ type: 'invitation-cancelled', at: now, actor: c.actor, personId: c.personId }];
}

export function accept(s: FishbowlState, c: AcceptCommand, now: number): Result {
  const inv = invitationOf(s, c.actor.personId);
  if (!inv) return notFound('NO_INVITATION', 'You have no open invitation');
  // The lapse is the timer's job; until it ticks, a late accept is simply refused.
  if (now >= inv.expiresAt) return conflict('INVITATION_EXPIRED', 'The invitation has lapsed', { expiresAt: inv.expiresAt });
  const limit = s.settings.seatTimeLimitMs;
  return [{ type: 'invitation-accepted', at: now, actor: c.actor, personId: inv.personId, chairIndex: inv.chairIndex, endsAt: limit === null ? null : now + limit }];
}

export function decline(s: FishbowlState, c: DeclineCommand, now: number): Result {
  if (!invitationOf(s, c.actor.personId)) return notFound('NO_INVITATION', 'You have no open invitation');
  return [{ type: 'invitation-declined', at: now, actor: c.actor, personId: c.actor.personId }];
}
