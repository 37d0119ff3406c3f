import type { FishbowlChairView, FishbowlInvitationView, FishbowlQueueEntryView, FishbowlView } from '@podium/contracts';

export interface MyPlace {
  entry: FishbowlQueueEntryView | null;
  invitation: FishbowlInvitationView | null;
  chair: FishbowlChairView | null;
}

/** Where the signed-in person is in this fishbowl: queued, invited, seated or nowhere. */
export function myPlace(view: FishbowlView | null, personId: string | undefined): MyPlace {
  if (!view || !personId) return { entry: null, invitation: null, chair: null };
  return {
    entry: view.queue.find((e) => e.personId === personId) ?? null,
    invitation: view.invitations.find((i) => i.personId === personId) ?? null,
    chair: view.chairs.find((c) => c.occupant?.personId === personId) ?? null,
  };
}
