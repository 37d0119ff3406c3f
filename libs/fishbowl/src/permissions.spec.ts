import type { FishbowlActorRole } from '@podium/contracts';
import type { FishbowlCommand } from './commands';
import { checkRole } from './permissions';
import { actor } from './testing/harness';

const ROLES: FishbowlActorRole[] = ['moderator', 'organiser', 'speaker', 'interpreter', 'attendee', 'guest', 'system'];

const commands = (who: ReturnType<typeof actor>): FishbowlCommand[] => [
  { type: 'configure', actor: who, settings: {} },
  { type: 'start', actor: who },
  { type: 'end', actor: who },
  { type: 'move', actor: who, personId: 'x', toIndex: 0 },
  { type: 'invite', actor: who, personId: 'x' },
  { type: 'cancel-invitation', actor: who, personId: 'x' },
  { type: 'remove', actor: who, personId: 'x' },
  { type: 'confirm-rotation', actor: who },
  { type: 'end-round', actor: who },
  { type: 'report-speaking', actor: who, personId: 'x', speaking: true },
];

describe('who may do what', () => {
  it.each(ROLES)('%s: moderation only for moderators, organisers and the system', (role) => {
    const moderating = ['moderator', 'organiser', 'system'].includes(role);
    for (const command of commands(actor('p', role))) {
      expect({ type: command.type, allowed: checkRole(command) === undefined }).toEqual({ type: command.type, allowed: moderating });
    }
  });

  it.each(ROLES.filter((r) => r !== 'system'))('%s may ask, accept, decline, leave and withdraw for themselves', (role) => {
    const me = actor('me', role);
    for (const type of ['ask', 'accept', 'decline', 'leave'] as const) {
      expect(checkRole({ type, actor: me, where: 'hall' } as FishbowlCommand)).toBeUndefined();
    }
    expect(checkRole({ type: 'withdraw', actor: me })).toBeUndefined();
    expect(checkRole({ type: 'withdraw', actor: me, personId: 'me' })).toBeUndefined();
  });

  it.each(['speaker', 'interpreter', 'attendee', 'guest'] as const)("%s may not withdraw someone else's request", (role) => {
    expect(checkRole({ type: 'withdraw', actor: actor('me', role), personId: 'other' })).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'NOT_YOURS' } });
  });

  it('only the system ticks; the system never takes a seat', () => {
    expect(checkRole({ type: 'tick', actor: actor('m', 'moderator') })?.code).toBe('FORBIDDEN');
    expect(checkRole({ type: 'tick', actor: actor('system', 'system') })).toBeUndefined();
    expect(checkRole({ type: 'ask', actor: actor('system', 'system'), where: 'hall' })?.code).toBe('FORBIDDEN');
  });
});
