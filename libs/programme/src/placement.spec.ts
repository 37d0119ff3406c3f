import { DomainError } from '@podium/contracts';
import { assertPlacementUnchanged, movedFields } from './placement';

const seen = { start: '2031-09-22T08:00:00.000Z', end: '2031-09-22T09:00:00.000Z', roomId: 'room-a' };

describe('movedFields and assertPlacementUnchanged (optimistic check of a move)', () => {
  it('finds nothing when the session sits where the writer saw it, whatever the instant spelling', () => {
    expect(movedFields({ start: '2031-09-22T10:00:00+02:00', end: '2031-09-22T09:00:00Z', roomId: 'room-a' }, seen)).toEqual([]);
    expect(() => assertPlacementUnchanged({ ...seen }, seen)).not.toThrow();
  });

  it('names each field that moved; no room and null are the same', () => {
    expect(movedFields({ start: '2031-09-22T08:05:00.000Z', end: '2031-09-22T09:00:00.000Z', roomId: 'room-a' }, seen)).toEqual(['start']);
    expect(movedFields({ start: '2031-09-22T08:00:00.000Z', end: '2031-09-22T09:30:00.000Z', roomId: 'room-b' }, seen)).toEqual(['end', 'roomId']);
    expect(movedFields({ start: seen.start, end: seen.end, roomId: undefined }, { ...seen, roomId: null })).toEqual([]);
    expect(movedFields({ start: seen.start, end: seen.end, roomId: undefined }, seen)).toEqual(['roomId']);
  });

  it('refuses a stale write with STALE_VERSION, the changed fields and the stored placement', () => {
    let error: unknown;
    try {
      assertPlacementUnchanged({ start: '2031-09-22T08:30:00.000Z', end: '2031-09-22T09:30:00.000Z', roomId: 'room-b' }, seen);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('STALE_VERSION');
    expect((error as DomainError).details).toEqual({
      reason: 'STALE_VERSION',
      changed: ['start', 'end', 'roomId'],
      current: { start: '2031-09-22T08:30:00.000Z', end: '2031-09-22T09:30:00.000Z', roomId: 'room-b' },
    });
  });
});
