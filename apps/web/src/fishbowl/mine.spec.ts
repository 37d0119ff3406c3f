import type { FishbowlChairView, FishbowlInvitationView, FishbowlView } from '@podium/contracts';
import { myPlace } from './mine';

const entry = (personId: string, position: number, invited = false) => ({
  personId, displayName: personId, where: 'remote' as const, topic: null, askedAt: 0, position, invited, firstTime: true, expectedWaitMs: 0, guest: false, away: false,
});
const seated = (index: number, personId: string): FishbowlChairView => ({
  index, kind: 'open', fixedRole: null, heldFor: null,
  occupant: { personId, displayName: personId, where: 'hall', topic: null, seatedSince: 0, endsAt: null, timeLeftMs: null, warning: false, speaking: false, guest: false, connected: true },
});
const invitation: FishbowlInvitationView = { personId: 'anna', displayName: 'anna', chairIndex: 2, invitedAt: 0, expiresAt: 30_000, timeLeftMs: 30_000, guest: false };

function view(over: Partial<FishbowlView>): FishbowlView {
  return { chairs: [], queue: [], invitations: [], queueLength: 0, queueOrder: [], fullQueue: true, ...over } as unknown as FishbowlView;
}

describe('myPlace: where the signed-in person is in the fishbowl', () => {
  it('nowhere without a view or without a person', () => {
    const nowhere = { entry: null, invitation: null, chair: null };
    expect(myPlace(null, 'anna')).toEqual(nowhere);
    expect(myPlace(view({ queue: [entry('anna', 1)], queueOrder: ['anna'], queueLength: 1 }), undefined)).toEqual(nowhere);
  });

  it('nowhere when neither queued, invited nor seated', () => {
    expect(myPlace(view({ chairs: [seated(0, 'bert')], queue: [entry('bert', 1)], queueOrder: ['bert'], queueLength: 1 }), 'anna')).toEqual({ entry: null, invitation: null, chair: null });
  });

  it('invited: second in the queue, with the invitation and no wait', () => {
    const v = view({ queue: [entry('bert', 1), entry('anna', 2, true)], queueOrder: ['bert', 'anna'], queueLength: 2, invitations: [invitation] });
    expect(myPlace(v, 'anna')).toEqual({ entry: { position: 2, invited: true, expectedWaitMs: 0, entry: entry('anna', 2, true) }, invitation, chair: null });
  });

  it('queued beyond the head the view carries: the position from queueOrder, without the full entry, and the wait', () => {
    // Two open chairs, both taken, 4 minutes a seat on average; two people ahead: the second seat change, 8 minutes.
    const v = view({
      queue: [entry('bert', 1)], queueOrder: ['bert', 'clara', 'anna'], queueLength: 3, fullQueue: false,
      chairs: [seated(0, 'dora'), seated(1, 'emil')], averageSeatMs: 240_000, round: null,
      settings: { mode: 'open', roundLengthMs: 600_000 } as FishbowlView['settings'],
    });
    expect(myPlace(v, 'anna')).toEqual({ entry: { position: 3, invited: false, expectedWaitMs: 480_000, entry: null }, invitation: null, chair: null });
  });

  it('seated: the chair', () => {
    const chair = seated(1, 'anna');
    expect(myPlace(view({ chairs: [seated(0, 'bert'), chair] }), 'anna')).toEqual({ entry: null, invitation: null, chair });
  });
});
