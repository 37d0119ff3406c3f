import { ApiError } from './http';
import { conflictsOf, type ConflictInfo } from './organiser';

const overlap: ConflictInfo = {
  kind: 'room-overlap',
  session: { id: 's-1', title: 'Werkstatt' },
  other: { id: 's-2', title: 'Podium' },
  roomId: 'r-1',
  changeoverMinutes: 0,
  message: '"Werkstatt" overlaps "Podium" in the same room',
};

describe('conflictsOf: the conflicts a refused session write names', () => {
  it('reads them from a 409 answer', () => {
    expect(conflictsOf(new ApiError(409, 'CONFLICT', 'conflicts', { conflicts: [overlap] }))).toEqual([overlap]);
  });

  it.each<[string, unknown]>([
    ['a 409 without conflicts (a taken slug)', new ApiError(409, 'CONFLICT', 'slug: taken', { field: 'slug' })],
    ['a 409 with an empty list', new ApiError(409, 'CONFLICT', 'conflicts', { conflicts: [] })],
    ['a 409 whose conflicts are not a list', new ApiError(409, 'CONFLICT', 'conflicts', { conflicts: 'room' })],
    ['a 400 carrying a list', new ApiError(400, 'VALIDATION', 'bad', { conflicts: [overlap] })],
    ['a network failure', new ApiError(0, 'NETWORK', 'Failed to fetch')],
    ['an error that is not the api’s', new Error('conflicts')],
    ['nothing', undefined],
  ])('answers null for %s', (_what, error) => {
    expect(conflictsOf(error)).toBeNull();
  });
});
