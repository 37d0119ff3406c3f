import { queuePlaceOf, type FishbowlChairView, type FishbowlInvitationView, type FishbowlQueuePlace, type FishbowlView } from '@podium/contracts';

export interface MyPlace {
  /** Position, invited and expected wait, exact even beyond the queue head the view carries in full. */
  entry: FishbowlQueuePlace | null;
  invitation: FishbowlInvitationView | null;
  chair: FishbowlChairView | null;
}

/** Where the signed-in person is in this fishbowl: queued, invited, seated or nowhere. */
export function myPlace(view: FishbowlView | null, personId: string | undefined): MyPlace {
  if (!view || !personId) return { entry: null, invitation: null, chair: null };
  return {
    entry: queuePlaceOf(view, personId),
    invitation: view.invitations.find((i) => i.personId === personId) ?? null,
    chair: view.chairs.find((c) => c.occupant?.personId === personId) ?? null,
  };
}
