import { FISHBOWL_QUEUE_HEAD, type FishbowlChairView, type FishbowlView } from '@podium/contracts';
import { canonical } from './canonical';
import { rotationSuggestion } from './policies';
import { averageSeatMs, hasSat, isAway, isConnected } from './queries';
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
  const isGuest = (personId: string) => state.people.get(personId)?.guest === true;
  // Objects built here list their keys in sorted order (that is their canonical form); only what comes
  // from events or the database as a whole object goes through canonical(): sorting a 1,000-entry queue
  // per view would cost more than building it.
  const chairs: FishbowlChairView[] = state.chairs.map((chair) => {
    const o = chair.occupant;
    const held = invitationFor(chair.index);
    return {
      fixedRole: chair.fixed?.role ?? null,
      heldFor: held ? { displayName: held.displayName, expiresAt: held.expiresAt, guest: isGuest(held.personId), personId: held.personId } : null,
      index: chair.index,
      kind: chair.kind,
      occupant: o && {
        connected: isConnected(state, o.personId),
        displayName: o.displayName,
        endsAt: o.endsAt,
        guest: isGuest(o.personId),
        personId: o.personId,
        seatedSince: o.since,
        speaking: o.speakingSince !== null,
        timeLeftMs: o.endsAt === null ? null : left(o.endsAt),
        topic: o.topic,
        warning: o.warned,
        where: o.where,
      },
    };
  });
  const waits = expectedWaits(state, now, shown);
  const rotation = rotationSuggestion(state, now);
  return {
    averageSeatMs: averageSeatMs(state),
    chairs,
    fullQueue,
    invitations: state.invitations.map((i) => canonical({ ...i, guest: isGuest(i.personId), timeLeftMs: left(i.expiresAt) })),
    nextDeadline: nextDeadline(state),
    now,
    queue: state.queue.slice(0, shown).map((e, i) => ({
      askedAt: e.askedAt,
      away: isAway(state, e.personId),
      displayName: e.displayName,
      expectedWaitMs: waits[i],
      firstTime: !hasSat(state, e.personId),
      guest: isGuest(e.personId),
      invited: invited.has(e.personId),
      personId: e.personId,
      position: i + 1,
      topic: e.topic,
      where: e.where,
    })),
    queueLength: state.queue.length,
    queueOrder: state.queue.map((e) => e.personId),
    rotation: rotation && canonical(rotation),
    round: state.round && canonical({ ...state.round, timeLeftMs: left(state.round.endsAt) }),
    sessionId: state.sessionId,
    settings: canonical(state.settings),
    status: state.status,
    version: state.version,
  };
}
