import { DomainError, expectedWaitMs, MARKET_LIMITS, type BoothActor, type BoothEvent, type MarketConflict } from '@podium/contracts';

export interface BoothPerson {
  personId: string;
  displayName: string;
  since: number;
}

/** A booth's live state: a fold over its events. */
export interface BoothState {
  boothId: string;
  version: number;
  capacity: number;
  staff: BoothPerson[];
  visitors: BoothPerson[];
  /** First come, first served (the fishbowl's `fifo` policy: nobody is overtaken). */
  queue: BoothPerson[];
  /** Completed visits, for the wait estimate. */
  visitsDone: number;
  visitMsDone: number;
}

export type BoothCommand =
  | { type: 'staff-enter'; actor: BoothActor }
  | { type: 'staff-leave'; actor: BoothActor }
  | { type: 'visit'; actor: BoothActor }
  | { type: 'leave'; actor: BoothActor }
  | { type: 'invite-next'; actor: BoothActor }
  | { type: 'set-capacity'; actor: BoothActor; capacity: number };

export function initialBooth(boothId: string): BoothState {
  return { boothId, version: 0, capacity: MARKET_LIMITS.defaultCapacity, staff: [], visitors: [], queue: [], visitsDone: 0, visitMsDone: 0 };
}

type Draft = BoothEvent extends infer E ? (E extends BoothEvent ? Omit<E, 'at' | 'actor'> : never) : never;
const conflict = (message: string, market: MarketConflict) => new DomainError('CONFLICT', message, { market });
const has = (list: BoothPerson[], personId: string) => list.some((p) => p.personId === personId);

/** Decides a booth command. Visitors enter while there is room and nobody waits; otherwise they queue. */
export function decideBooth(state: BoothState, c: BoothCommand, now: number): BoothEvent[] | DomainError {
  const drafts = draft(state, c, now);
  return drafts instanceof DomainError ? drafts : drafts.map((d) => ({ ...d, at: now, actor: c.actor }) as BoothEvent);
}

function draft(state: BoothState, c: BoothCommand, now: number): Draft[] | DomainError {
  const me = c.actor.personId;
  switch (c.type) {
    case 'staff-enter':
      if (!c.actor.staff) return new DomainError('FORBIDDEN', 'Only the staff of this booth staff it');
      return has(state.staff, me) ? [] : [{ type: 'staff-entered', personId: me, displayName: c.actor.displayName }];
    case 'staff-leave':
      return has(state.staff, me) ? [{ type: 'staff-left', personId: me }] : [];
    case 'visit':
      if (has(state.visitors, me) || has(state.queue, me)) return [];
      if (state.staff.length === 0) return conflict('Nobody staffs this booth right now', 'closed');
      if (state.visitors.length < state.capacity && state.queue.length === 0) return [{ type: 'visitor-entered', personId: me, displayName: c.actor.displayName }];
      return [{ type: 'visitor-queued', personId: me, displayName: c.actor.displayName }];
    case 'leave': {
      const visit = state.visitors.find((p) => p.personId === me);
      if (visit) return [{ type: 'visitor-left', personId: me, stayedMs: Math.max(0, now - visit.since) }];
      return has(state.queue, me) ? [{ type: 'visitor-left', personId: me, stayedMs: null }] : [];
    }
    case 'invite-next': {
      if (!c.actor.staff) return new DomainError('FORBIDDEN', 'Only the staff of this booth invite visitors');
      const next = state.queue[0];
      if (!next) return conflict('Nobody is waiting', 'queue-empty');
      if (state.visitors.length >= state.capacity) return conflict('The booth is full: wait until a visitor leaves', 'full');
      return [{ type: 'visitor-entered', personId: next.personId, displayName: next.displayName }];
    }
    case 'set-capacity':
      if (!c.actor.staff) return new DomainError('FORBIDDEN', 'Only the staff of this booth set its size');
      return [{ type: 'capacity-set', capacity: c.capacity }];
  }
}

const without = (list: BoothPerson[], personId: string) => list.filter((p) => p.personId !== personId);

export function evolveBooth(state: BoothState, e: BoothEvent): BoothState {
  const next = { ...state, version: state.version + 1 };
  switch (e.type) {
    case 'staff-entered':
      return { ...next, staff: [...state.staff, { personId: e.personId, displayName: e.displayName, since: e.at }] };
    case 'staff-left':
      return { ...next, staff: without(state.staff, e.personId) };
    case 'visitor-entered':
      return { ...next, queue: without(state.queue, e.personId), visitors: [...state.visitors, { personId: e.personId, displayName: e.displayName, since: e.at }] };
    case 'visitor-queued':
      return { ...next, queue: [...state.queue, { personId: e.personId, displayName: e.displayName, since: e.at }] };
    case 'visitor-left':
      return {
        ...next,
        visitors: without(state.visitors, e.personId),
        queue: without(state.queue, e.personId),
        visitsDone: state.visitsDone + (e.stayedMs === null ? 0 : 1),
        visitMsDone: state.visitMsDone + (e.stayedMs ?? 0),
      };
    case 'capacity-set':
      return { ...next, capacity: e.capacity };
  }
}

/**
 * Expected wait of the queue's entry at `index`: the fishbowl's open-mode formula (`expectedWaitMs`) with
 * the booth's places as chairs and the average visit as the average seating.
 */
export function boothWaitMs(state: BoothState, index: number): number {
  const averageVisit = state.visitsDone > 0 ? state.visitMsDone / state.visitsDone : MARKET_LIMITS.defaultVisitMs;
  const free = Math.max(0, state.capacity - state.visitors.length);
  return expectedWaitMs({ mode: 'open', openChairs: state.capacity, freeOpenChairs: free, averageSeatMs: averageVisit, roundLeftMs: 0, roundLengthMs: 0 }, index);
}

export const BOOTH_AGGREGATE = {
  initial: initialBooth,
  decide: decideBooth,
  evolve: evolveBooth,
  summary: (s: BoothState) => ({ status: s.staff.length > 0 ? 'open' : 'closed', nextDeadline: null }),
};

/** The booth's LiveKit room. */
export function boothRoomName(boothId: string): string {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(boothId)) throw new DomainError('VALIDATION', 'Booth id cannot be used in a LiveKit room name', { boothId });
  return `podium-booth-${boothId}`;
}
