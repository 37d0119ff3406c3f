import type { FishbowlChairView, FishbowlView } from '@podium/contracts';
import { rotationSuggestion } from './policies';
import { averageSeatMs, hasSat } from './queries';
import type { FishbowlState } from './state';
import { nextDeadline } from './timers';
import { expectedWaits } from './wait';

/** The full state for the wire: what every screen shows, computed at `now` (epoch ms). */
export function toView(state: FishbowlState, now: number): FishbowlView {
  const left = (until: number) => Math.max(0, until - now);
  const invitationFor = (chairIndex: number) => state.invitations.find((i) => i.chairIndex === chairIndex);
  const chairs: FishbowlChairView[] = state.chairs.map((chair) => {
    const o = chair.occupant;
    const held = invitationFor(chair.index);
    return {
      index: chair.index,
      kind: chair.kind,
      fixedRole: chair.fixed?.role ?? null,
      occupant: o && {
        personId: o.personId,
        displayName: o.displayName,
        where: o.where,
        topic: o.topic,
        seatedSince: o.since,
        endsAt: o.endsAt,
        timeLeftMs: o.endsAt === null ? null : left(o.endsAt),
        warning: o.warned,
        speaking: o.speakingSince !== null,
      },
      heldFor: held ? { personId: held.personId, displayName: held.displayName, expiresAt: held.expiresAt } : null,
    };
  });
  const waits = expectedWaits(state, now);
  const rotation = rotationSuggestion(state, now);
  return {
    sessionId: state.sessionId,
    version: state.version,
    now,
    status: state.status,
    settings: { ...state.settings, fixedChairs: state.settings.fixedChairs.map((f) => ({ ...f })) },
    chairs,
    queue: state.queue.map((e, i) => ({
      personId: e.personId,
      displayName: e.displayName,
      where: e.where,
      topic: e.topic,
      askedAt: e.askedAt,
      position: i + 1,
      invited: state.invitations.some((inv) => inv.personId === e.personId),
      firstTime: !hasSat(state, e.personId),
      expectedWaitMs: waits[i],
    })),
    invitations: state.invitations.map((i) => ({ ...i, timeLeftMs: left(i.expiresAt) })),
    round: state.round && { ...state.round, timeLeftMs: left(state.round.endsAt) },
    rotation,
    averageSeatMs: averageSeatMs(state),
    nextDeadline: nextDeadline(state),
  };
}
