import type { FishbowlChairView, FishbowlView } from '@podium/contracts';

/** Who the projector names as speaking, and where their name and function come from. */
export interface OnStage {
  personId: string;
  displayName: string;
  chair: FishbowlChairView;
}

/** The person speaking now: the voice LiveKit marks, else whoever sat down last. */
export function speakerOf(view: FishbowlView): OnStage | null {
  const seated = view.chairs.filter((c) => c.occupant);
  const speaking = seated.find((c) => c.occupant!.speaking);
  const latest = [...seated].sort((a, b) => b.occupant!.seatedSince - a.occupant!.seatedSince)[0];
  const chair = speaking ?? latest;
  return chair ? { personId: chair.occupant!.personId, displayName: chair.occupant!.displayName, chair } : null;
}

/**
 * "Als Nächstes": an invited person first (they are walking to the chair), else the head of the queue
 * that is not away.
 * Only names the view already carries: the server decides what this viewer may see.
 */
export function nextOf(view: FishbowlView): { displayName: string; invited: boolean } | null {
  const invited = view.invitations[0];
  if (invited) return { displayName: invited.displayName, invited: true };
  const head = view.queue.find((q) => !q.invited && !q.away);
  return head ? { displayName: head.displayName, invited: false } : null;
}

/** What the projector needs of a question (the projector's and the attendees' views both have it). */
export interface ShownQuestion {
  id: string;
  text: string;
  askerName: string | null;
  status: string;
  pinned: boolean;
  votes: number;
  readAloud: boolean;
}

/**
 * The question the hall sees large: the first pinned approved one, else the approved one with the most
 * votes (on a tie the first in the server's order). Answered, pending and closed questions never.
 */
export function featuredQuestion<Q extends ShownQuestion>(questions: readonly Q[]): Q | null {
  const approved = questions.filter((q) => q.status === 'approved');
  return approved.find((q) => q.pinned) ?? approved.reduce<Q | null>((best, q) => (!best || q.votes > best.votes ? q : best), null);
}
