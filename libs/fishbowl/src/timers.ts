import type { FishbowlActor, FishbowlEvent } from '@podium/contracts';
import { SYSTEM_ACTOR } from './commands';
import { evolve } from './evolve';
import { rotationEligibleAt } from './policies';
import { openChairs, openOccupants, queueIndexOf, someonePresentQueued } from './queries';
import type { FishbowlState, Occupant, Presence } from './state';

/** When the time warning for a seat is due; null when no warning will be given. */
export function warningAt(state: FishbowlState, o: Occupant): number | null {
  if (o.endsAt === null || o.warned || state.settings.warningBeforeMs <= 0) return null;
  return o.endsAt - state.settings.warningBeforeMs;
}

/**
 * The earliest instant at which `tick` produces an event: an invitation lapses, a warning or a seat
 * limit is due, a closed round ends, or (open auto mode) a guest becomes eligible for rotation.
 * null: nothing scheduled. It may lie in the past when a tick is overdue; tick right away then.
 */
export function nextDeadline(state: FishbowlState): number | null {
  if (state.status !== 'running') return null;
  const times: number[] = state.invitations.map((i) => i.expiresAt);
  for (const { occupant } of openOccupants(state)) {
    if (occupant.endsAt !== null) times.push(occupant.endsAt);
    const warn = warningAt(state, occupant);
    if (warn !== null) times.push(warn);
  }
  if (state.settings.mode === 'closed' && state.round) times.push(state.round.endsAt);
  for (const [, p] of goneQueued(state)) times.push(p.away ? p.removeAt! : p.awayAt!);
  if (rotationPending(state)) {
    const eligible = rotationEligibleAt(state);
    if (eligible !== null) times.push(eligible);
  }
  return times.length ? Math.min(...times) : null;
}

/** Open auto mode with every open chair occupied and someone present waiting: the system will rotate (never for people who are away). */
const rotationPending = (s: FishbowlState) =>
  s.settings.auto && s.settings.mode === 'open' && someonePresentQueued(s) && openChairs(s).every((c) => c.occupant);

/** The events a tick at `now` produces before auto mode reacts: lapses, warnings, limits, round end. */
export function dueEvents(state: FishbowlState, now: number, actor: FishbowlActor = SYSTEM_ACTOR): FishbowlEvent[] {
  if (state.status !== 'running') return [];
  const events: FishbowlEvent[] = [];
  let s = state;
  const emit = (e: FishbowlEvent) => {
    events.push(e);
    s = evolve(s, e);
  };
  for (const inv of state.invitations) {
    if (inv.expiresAt <= now) emit({ type: 'invitation-lapsed', at: now, actor, personId: inv.personId });
  }
  for (const { chair, occupant } of openOccupants(state)) {
    if (occupant.endsAt !== null && occupant.endsAt <= now) {
      emit({ type: 'left-chair', at: now, actor, personId: occupant.personId, chairIndex: chair.index, reason: 'time-limit' });
    } else {
      const warn = warningAt(state, occupant);
      if (warn !== null && warn <= now) emit({ type: 'time-warning', at: now, actor, personId: occupant.personId, endsAt: occupant.endsAt! });
    }
  }
  for (const [personId, p] of goneQueued(s)) {
    if (p.removeAt! <= now) emit({ type: 'seat-request-withdrawn', at: now, actor, personId });
    else if (!p.away && p.awayAt! <= now) emit({ type: 'queue-entry-away', at: now, actor, personId });
  }
  if (s.settings.mode === 'closed' && s.round && s.round.endsAt <= now) events.push(...roundChange(s, now, actor));
  return events;
}

/** Queued people whose connections all went (seated ones stay: the moderator decides about them). */
function goneQueued(state: FishbowlState): [string, Presence][] {
  return [...state.presence].filter(([personId, p]) => !p.connected && queueIndexOf(state, personId) >= 0);
}

/** Closed mode round end: every open-chair guest leaves, the round ends and the next one starts. */
export function roundChange(state: FishbowlState, now: number, actor: FishbowlActor): FishbowlEvent[] {
  if (!state.round) return [];
  const leaving: FishbowlEvent[] = openOccupants(state).map(({ chair, occupant }) => ({
    type: 'left-chair', at: now, actor, personId: occupant.personId, chairIndex: chair.index, reason: 'round-end',
  }));
  return [
    ...leaving,
    { type: 'round-ended', at: now, actor, round: state.round.number },
    { type: 'round-started', at: now, actor, round: state.round.number + 1, endsAt: now + state.settings.roundLengthMs },
  ];
}
