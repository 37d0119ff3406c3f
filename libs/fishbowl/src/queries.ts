import type { Chair, FishbowlState, Invitation, Occupant, QueueEntry } from './state';

/** Read-only questions about a state, shared by decide, policies, timers and the view. */

export const openChairs = (s: FishbowlState): readonly Chair[] => s.chairs.filter((c) => c.kind === 'open');

export const isHeld = (s: FishbowlState, chairIndex: number): boolean => s.invitations.some((i) => i.chairIndex === chairIndex);

/** Open chairs with nobody on them and no invitation holding them. */
export const freeOpenChairs = (s: FishbowlState): readonly Chair[] => openChairs(s).filter((c) => !c.occupant && !isHeld(s, c.index));

export const seatOf = (s: FishbowlState, personId: string): Chair | undefined => s.chairs.find((c) => c.occupant?.personId === personId);

export const queueIndexOf = (s: FishbowlState, personId: string): number => s.queue.findIndex((e) => e.personId === personId);

export const queueEntryOf = (s: FishbowlState, personId: string): QueueEntry | undefined => s.queue.find((e) => e.personId === personId);

export const invitationOf = (s: FishbowlState, personId: string): Invitation | undefined => s.invitations.find((i) => i.personId === personId);

export const isFixedPerson = (s: FishbowlState, personId: string): boolean => s.settings.fixedChairs.some((c) => c.personId === personId);

/** Connected now (see `Presence`): a fixed panelist only after their first connection. */
export const isConnected = (s: FishbowlState, personId: string): boolean => s.presence.get(personId)?.connected ?? !isFixedPerson(s, personId);

/** Queued and gone longer than the away time: auto mode passes them over. */
export const isAway = (s: FishbowlState, personId: string): boolean => s.presence.get(personId)?.away === true;

/** Someone in the queue who is not away: only for them does anyone rotate out. */
export const someonePresentQueued = (s: FishbowlState): boolean => s.queue.some((e) => !isAway(s, e.personId));

/** Queued, seated or holding a fixed chair: the people whose presence the fishbowl tracks. */
export const isTracked = (s: FishbowlState, personId: string): boolean =>
  queueIndexOf(s, personId) >= 0 || seatOf(s, personId) !== undefined || isFixedPerson(s, personId);

/** Queue entries without an invitation and not away, in queue order: the people still waiting. */
export const waiting = (s: FishbowlState): readonly QueueEntry[] => s.queue.filter((e) => !invitationOf(s, e.personId) && !isAway(s, e.personId));

export const openOccupants = (s: FishbowlState): { chair: Chair; occupant: Occupant }[] =>
  openChairs(s).flatMap((chair) => (chair.occupant ? [{ chair, occupant: chair.occupant }] : []));

/** Has this person ever sat on a chair here (completed or current seating)? */
export const hasSat = (s: FishbowlState, personId: string): boolean => (s.people.get(personId)?.seatings ?? 0) > 0;

/** Total seated time until `now`, over all seatings including the current one. */
export function seatedMsAt(s: FishbowlState, personId: string, now: number): number {
  const closed = s.people.get(personId)?.seatedMs ?? 0;
  const current = seatOf(s, personId)?.occupant;
  return closed + (current ? Math.max(0, now - current.since) : 0);
}

/** Speaking time until `now` by the configured measure (seated time unless speaking is reported). */
export function speakingMsAt(s: FishbowlState, personId: string, now: number): number {
  if (s.settings.speakingMeasure === 'seated') return seatedMsAt(s, personId, now);
  const closed = s.people.get(personId)?.reportedSpeakingMs ?? 0;
  const since = seatOf(s, personId)?.occupant?.speakingSince;
  return closed + (since !== undefined && since !== null ? Math.max(0, now - since) : 0);
}

/** Average completed open-chair seating; before the first one, the seat limit (or the default 180 s). */
export function averageSeatMs(s: FishbowlState): number {
  if (s.openSeatings.count > 0) return Math.round(s.openSeatings.totalMs / s.openSeatings.count);
  return s.settings.seatTimeLimitMs ?? DEFAULT_SEAT_MS;
}

export const DEFAULT_SEAT_MS = 180_000;
