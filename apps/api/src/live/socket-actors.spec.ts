import type { Socket } from 'socket.io';
import type { Principal } from '../identity/principal';
import { forgetSocketActor, socketActor } from './socket-actors';

const ADA = { personId: 'p-ada', displayName: 'Ada', guest: false } as Principal;

/** A socket as far as the helper reads it, and a lookup that answers from a hand-written role list and counts its calls. */
function setUp(roles: string[]) {
  const socket = { data: { principal: ADA, checkedAt: 1000 } } as unknown as Socket & { data: { checkedAt: number } };
  const asked: string[] = [];
  const lookUp = (key: string) => async (principal: Principal) => {
    asked.push(`${principal.personId}@${key}`);
    return roles[asked.length - 1];
  };
  return { socket, asked, lookUp };
}

describe('socketActor: looked up on join, remembered until the token is checked again', () => {
  it('answers a command from the actor its join looked up', async () => {
    const { socket, asked, lookUp } = setUp(['moderator', 'attendee']);
    expect(await socketActor(socket, 's1', true, lookUp('s1'))).toBe('moderator');
    expect(await socketActor(socket, 's1', false, lookUp('s1'))).toBe('moderator');
    expect(asked).toEqual(['p-ada@s1']);
  });

  it('looks up again on every join and for a session it does not know yet', async () => {
    const { socket, asked, lookUp } = setUp(['moderator', 'attendee', 'speaker']);
    await socketActor(socket, 's1', true, lookUp('s1'));
    expect(await socketActor(socket, 's1', true, lookUp('s1'))).toBe('attendee');
    expect(await socketActor(socket, 's2', false, lookUp('s2'))).toBe('speaker');
    expect(asked).toEqual(['p-ada@s1', 'p-ada@s1', 'p-ada@s2']);
  });

  it('forgets every actor when the token was checked again', async () => {
    const { socket, asked, lookUp } = setUp(['moderator', 'attendee']);
    await socketActor(socket, 's1', true, lookUp('s1'));
    socket.data.checkedAt = 2000;
    expect(await socketActor(socket, 's1', false, lookUp('s1'))).toBe('attendee');
    expect(asked).toEqual(['p-ada@s1', 'p-ada@s1']);
  });

  it('forgets one session on request and keeps the others', async () => {
    const { socket, asked, lookUp } = setUp(['moderator', 'speaker', 'attendee']);
    await socketActor(socket, 's1', true, lookUp('s1'));
    await socketActor(socket, 's2', true, lookUp('s2'));
    forgetSocketActor(socket, 's1');
    expect(await socketActor(socket, 's2', false, lookUp('s2'))).toBe('speaker');
    expect(await socketActor(socket, 's1', false, lookUp('s1'))).toBe('attendee');
    expect(asked).toEqual(['p-ada@s1', 'p-ada@s2', 'p-ada@s1']);
  });

  it('does not remember a lookup that failed', async () => {
    const { socket } = setUp([]);
    const refuse = async () => {
      throw new Error('FORBIDDEN');
    };
    await expect(socketActor(socket, 's1', true, refuse)).rejects.toThrow('FORBIDDEN');
    expect(await socketActor(socket, 's1', false, async () => 'attendee')).toBe('attendee');
  });
});
