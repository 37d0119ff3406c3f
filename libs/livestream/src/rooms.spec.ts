import { DomainError } from '@podium/contracts';
import { parseRoomName, roomNameFor } from './rooms';

describe('room names', () => {
  const id = '3f0c9a4e-8d1b-4c2a-9e5f-1a2b3c4d5e6f';

  it('names stage and backstage rooms per session and parses them back', () => {
    expect(roomNameFor(id, 'stage')).toBe(`podium-session-${id}-stage`);
    expect(parseRoomName(roomNameFor(id, 'backstage'))).toEqual({ sessionId: id, kind: 'backstage' });
  });

  it('rejects ids that would make ambiguous or unsafe names', () => {
    expect(() => roomNameFor('a b', 'stage')).toThrow(DomainError);
    expect(() => roomNameFor('', 'stage')).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });

  it('ignores rooms Podium did not name', () => {
    expect(parseRoomName('some-other-room')).toBeNull();
    expect(parseRoomName(`podium-session-${id}-lobby`)).toBeNull();
  });
});
