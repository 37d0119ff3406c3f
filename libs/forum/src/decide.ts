import { DomainError, FORUM_LIMITS, type ForumConflict, type ForumEvent } from '@podium/contracts';
import { breakoutMembers, chosenGroups, randomGroups } from './breakouts';
import { hasFreeSlot, participantOf, type ForumCommand, type ForumState } from './state';

type Draft = ForumEvent extends infer E ? (E extends ForumEvent ? Omit<E, 'at' | 'actor'> : never) : never;

const forbidden = (message: string) => new DomainError('FORBIDDEN', message);
/** Forum refusals name their cause in `details.forum` (the shared `reason` union stays the fishbowl's and the join's). */
const conflict = (message: string, forum: ForumConflict) => new DomainError('CONFLICT', message, { forum });
const notHere = (personId: string) => new DomainError('NOT_FOUND', 'This person is not in the forum', { personId });

const MODERATORS_ONLY: ReadonlySet<ForumCommand['type']> = new Set(['give-floor', 'mute', 'ask-unmute', 'remove', 'configure', 'open-breakouts', 'broadcast', 'close-breakouts', 'tick']);

/** Decides a command: the events it causes, or why not. Pure; `now` is passed in. */
export function decide(state: ForumState, command: ForumCommand, now: number): ForumEvent[] | DomainError {
  const drafts = draft(state, command, now);
  if (drafts instanceof DomainError) return drafts;
  return drafts.map((d) => ({ ...d, at: now, actor: command.actor }) as ForumEvent);
}

function draft(state: ForumState, c: ForumCommand, now: number): Draft[] | DomainError {
  const me = participantOf(state, c.actor.personId);
  if (c.type === 'enter') {
    if (me) return []; // a second tab or a token refresh: the place is kept
    const right = c.actor.moderator ? 'moderator' : hasFreeSlot(state) ? 'slot' : null;
    return [{ type: 'entered', personId: c.actor.personId, displayName: c.actor.displayName.slice(0, FORUM_LIMITS.displayNameMaxLength), moderator: c.actor.moderator, right }];
  }
  if (c.type === 'configure') {
    if (!c.actor.moderator) return forbidden('Only the moderators and organisers set how many may talk at once');
    return [{ type: 'configured', maxPublishers: c.maxPublishers }];
  }
  if (c.type === 'open-breakouts' || c.type === 'broadcast' || c.type === 'close-breakouts' || c.type === 'tick') return breakouts(state, c, now);
  // Who may act comes before whether they are in the room: a refusal says what the person may not do.
  if (MODERATORS_ONLY.has(c.type) && !c.actor.moderator) return forbidden('Only the moderators of this forum may do this');
  if (c.type === 'lower-hand' && c.personId !== undefined && c.personId !== c.actor.personId && !c.actor.moderator) return forbidden('Only moderators lower other people’s hands');
  if (c.type === 'end-floor' && state.floor && state.floor.personId !== c.actor.personId && !c.actor.moderator) return forbidden('Only moderators end someone else’s turn');
  if (!me && !c.actor.moderator) return conflict('Please enter the forum first', 'not-entered');
  switch (c.type) {
    case 'leave': {
      const personId = c.personId ?? c.actor.personId;
      if (personId !== c.actor.personId && !c.actor.moderator) return forbidden('Only moderators take other people out of the forum');
      return participantOf(state, personId) ? [...endTurnOf(state, personId, 'left', now), { type: 'left', personId }] : [];
    }
    case 'raise-hand':
      if (state.hands.some((h) => h.personId === c.actor.personId)) return [];
      if (state.floor?.personId === c.actor.personId) return conflict('You have the floor already', 'has-floor');
      return [{ type: 'hand-raised', personId: c.actor.personId }];
    case 'lower-hand': {
      const personId = c.personId ?? c.actor.personId;
      if (personId !== c.actor.personId && !c.actor.moderator) return forbidden('Only moderators lower other people’s hands');
      return state.hands.some((h) => h.personId === personId) ? [{ type: 'hand-lowered', personId }] : [];
    }
    case 'take-slot':
      if (me!.right) return [];
      if (!hasFreeSlot(state)) return conflict('Every speaking place is taken: raise your hand', 'full');
      return [{ type: 'slot-taken', personId: me!.personId }];
    case 'answer-unmute':
      if (!state.unmuteRequests.includes(c.actor.personId)) return conflict('Nobody asked you to unmute', 'no-request');
      return [{ type: 'unmute-answered', personId: c.actor.personId, accepted: c.accepted }];
    case 'end-floor':
      if (!state.floor) return conflict('Nobody has the floor', 'no-floor');
      if (state.floor.personId !== c.actor.personId && !c.actor.moderator) return forbidden('Only moderators end someone else’s turn');
      return endTurnOf(state, state.floor.personId, 'ended', now);
    default:
      return moderate(state, c, now);
  }
}

/** The moderators' commands. */
function moderate(state: ForumState, c: Extract<ForumCommand, { type: 'give-floor' | 'mute' | 'ask-unmute' | 'remove' }>, now: number): Draft[] | DomainError {
  if (!c.actor.moderator) return forbidden('Only the moderators of this forum may do this');
  const target = c.personId === undefined ? undefined : participantOf(state, c.personId);
  if (c.personId !== undefined && !target) return notHere(c.personId);
  switch (c.type) {
    case 'give-floor':
      if (state.floor?.personId === c.personId) return [];
      return [...(state.floor ? endTurnOf(state, state.floor.personId, 'ended', now) : []), { type: 'floor-given', personId: c.personId }];
    case 'mute':
      return [{ type: 'muted', personId: c.personId ?? null }];
    case 'ask-unmute':
      if (!target!.right) return conflict('This person listens and cannot talk yet: give them the floor first', 'listening');
      return state.unmuteRequests.includes(c.personId) ? [] : [{ type: 'unmute-asked', personId: c.personId }];
    case 'remove':
      if (target!.moderator) return forbidden('People who run this forum cannot be removed from it');
      return [...endTurnOf(state, c.personId, 'left', now), { type: 'removed', personId: c.personId }];
  }
}

/** Breakout groups: open (random or chosen), a message to every group, closed by a moderator or the timer. */
function breakouts(state: ForumState, c: Extract<ForumCommand, { type: 'open-breakouts' | 'broadcast' | 'close-breakouts' | 'tick' }>, now: number): Draft[] | DomainError {
  if (!c.actor.moderator) return forbidden('Only the moderators of this forum may do this');
  if (c.type === 'tick') return state.breakout && now >= state.breakout.endsAt ? [{ type: 'breakouts-closed', reason: 'time-up' }] : [];
  if (c.type === 'open-breakouts') {
    if (state.breakout) return conflict('Breakout groups are open already', 'breakouts-open');
    const members = breakoutMembers(state);
    if (!c.groups && members.length < FORUM_LIMITS.minGroupSize) return conflict('Too few people in the forum for groups', 'too-few');
    const groups = c.groups ? chosenGroups(state, c.groups) : randomGroups(members, c.groupSize, c.seed);
    if (groups instanceof DomainError) return groups;
    return [{ type: 'breakouts-opened', groups, endsAt: now + c.durationSeconds * 1000 }];
  }
  if (!state.breakout) return conflict('No breakout groups are open', 'no-breakouts');
  return c.type === 'broadcast' ? [{ type: 'breakout-message', message: c.message }] : [{ type: 'breakouts-closed', reason: 'closed' }];
}

/**
 * Ends a running turn of `personId` (nothing if they do not have the floor). Someone who leaves gives
 * up the right; otherwise they keep talking on a free slot, or listen again when all are taken.
 */
function endTurnOf(state: ForumState, personId: string, why: 'left' | 'ended', now: number): Draft[] {
  if (state.floor?.personId !== personId) return [];
  const person = participantOf(state, personId);
  const right = why === 'left' || !person ? null : person.right !== 'floor' ? person.right : hasFreeSlot(state) ? 'slot' : null;
  return [{ type: 'floor-ended', personId, spokeMs: Math.max(0, now - state.floor.since), right }];
}

