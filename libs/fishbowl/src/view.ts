import { FISHBOWL_QUEUE_HEAD, type FishbowlChairView, type FishbowlView } from '@podium/contracts';
import { canonical } from './canonical';
import { rotationSuggestion } from './policies';
import { averageSeatMs, hasSat } from './queries';
import type { FishbowlState } from './state';
import { nextDeadline } from './timers';
import { expectedWaits } from './wait';

export interface ViewOptions {
  /**
   * Every queue entry in full (moderators: they reorder and invite anyone). Default: only the first
   * `FISHBOWL_QUEUE_HEAD` entries in full, the whole order as person ids (`queueOrder`).
   */
  fullQueue?: boolean;
}

/**
 * The state for the wire: what every screen shows, computed at `now` (epoch ms). Canonical: equal
 * content is equal JSON text, also after a restart rebuilt the state from the database.
 */
export function toView(state: FishbowlState, now: number, options: ViewOptions = {}): FishbowlView {
  const fullQueue = options.fullQueue === true || state.queue.length <= FISHBOWL_QUEUE_HEAD;
  const shown = fullQueue ? state.queue.length : FISHBOWL_QUEUE_HEAD;
  const invited = new Set(state.invitations.map((i) => i.personId));
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
  const waits = expectedWaits(state, now, shown);
  const rotation = rotationSuggestion(state, now);
  return canonical({
    sessionId: state.sessionId,
    version: state.version,
    now,
    status: state.status,
    settings: { ...state.settings, fixedChairs: state.settings.fixedChairs.map((f) => ({ ...f })) },
    chairs,
    queue: state.queue.slice(0, shown).map((e, i) => ({
      personId: e.personId,
      displayName: e.displayName,
      where: e.where,
      topic: e.topic,
      askedAt: e.askedAt,
      position: i + 1,
      invited: invited.has(e.personId),
      firstTime: !hasSat(state, e.personId),
      expectedWaitMs: waits[i],
    })),
    queueLength: state.queue.length,
    queueOrder: state.queue.map((e) => e.personId),
    fullQueue,
    invitations: state.invitations.map((i) => ({ ...i, timeLeftMs: left(i.expiresAt) })),
    round: state.round && { ...state.round, timeLeftMs: left(state.round.endsAt) },
    rotation,
    averageSeatMs: averageSeatMs(state),
    nextDeadline: nextDeadline(state),
  });
}
