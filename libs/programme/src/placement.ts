/**
 * Optimistic concurrency for moving a session: the writer says where it saw the session (start, end,
 * room); if it moved meanwhile the write is refused with what changed, so a stale drag never wins silently.
 */
import { DomainError } from '@podium/contracts';
import type { Session } from './model';
import { toMs } from './time';

export interface Placement {
  start: string;
  end: string;
  roomId: string | null;
}

export type PlacementField = keyof Placement;

/** The fields in which `current` differs from what the writer `expected` (instants compared as instants). */
export function movedFields(current: Pick<Session, 'start' | 'end' | 'roomId'>, expected: Placement): PlacementField[] {
  const moved: PlacementField[] = [];
  if (toMs(current.start) !== toMs(expected.start)) moved.push('start');
  if (toMs(current.end) !== toMs(expected.end)) moved.push('end');
  if ((current.roomId ?? null) !== (expected.roomId ?? null)) moved.push('roomId');
  return moved;
}

/** For the edge: refuse (STALE_VERSION) a write based on a placement that is no longer the stored one. */
export function assertPlacementUnchanged(current: Pick<Session, 'start' | 'end' | 'roomId'>, expected: Placement): void {
  const changed = movedFields(current, expected);
  if (changed.length === 0) return;
  const now: Placement = { start: current.start, end: current.end, roomId: current.roomId ?? null };
  throw new DomainError('STALE_VERSION', `the session was changed meanwhile (${changed.join(', ')})`, { reason: 'STALE_VERSION', changed, current: now });
}
