import type { FishbowlEvent, FishbowlSettings } from '@podium/contracts';
import { insertIndex, sortQueue } from './policies';
import { changesLayout, changesQueueOrder, validateSettings } from './settings';
import { buildChairs } from './state';
import type { Chair, FishbowlState, Occupant, PersonStats, Presence, ScopeVersions } from './state';
import { isFixedPerson, isTracked, queueIndexOf } from './queries';

/**
 * Applies one event. Total and pure: it never throws and never reads the clock; an event that does
 * not fit the state (it cannot come from `decide`) only bumps the version.
 */
export function evolve(state: FishbowlState, event: FishbowlEvent): FishbowlState {
  const version = state.version + 1;
  const at = Math.max(state.lastEventAt, Number.isFinite(event.at) ? event.at : state.lastEventAt);
  const next = prunePresence(apply({ ...state, version, lastEventAt: at }, event, at), event);
  return { ...next, scopes: bumpScopes(state, next, event, version) };
}

/** Folds a log onto a state (the initial one, or a snapshot). */
export function fold(state: FishbowlState, events: readonly FishbowlEvent[]): FishbowlState {
  return events.reduce(evolve, state);
}

function apply(s: FishbowlState, e: FishbowlEvent, at: number): FishbowlState {
  switch (e.type) {
    case 'fishbowl-configured':
      return configure(s, e.settings, at);
    case 'fishbowl-started':
      if (s.status !== 'draft') return s;
      return seatFixed({ ...s, status: 'running' }, at);
    case 'fishbowl-ended':
      return closeAll({ ...s, status: 'ended', queue: [], invitations: [], round: null }, at);
    case 'seat-requested': {
      if (s.status === 'ended') return s;
      if (s.queue.some((q) => q.personId === e.personId) || s.chairs.some((c) => c.occupant?.personId === e.personId)) return s;
      // A guest who asked (their own actor), or one a moderator queued from their question (said in the event).
      const withPerson = touchPerson(s, e.personId, e.displayName, e.where, e.guest === true || (e.actor?.role === 'guest' && e.actor.personId === e.personId));
      const entry = { personId: e.personId, displayName: e.displayName, where: e.where, topic: e.topic, askedAt: at, seq: s.nextSeq };
      const queue = [...withPerson.queue];
      queue.splice(insertIndex(withPerson, e.personId), 0, entry);
      return { ...withPerson, queue, nextSeq: s.nextSeq + 1 };
    }
    case 'seat-request-withdrawn':
    case 'invitation-declined':
    case 'invitation-lapsed':
      return dropInvitation(dropFromQueue(s, e.personId), e.personId);
    case 'invitation-cancelled':
      return dropInvitation(s, e.personId);
    case 'queue-entry-moved': {
      const from = s.queue.findIndex((q) => q.personId === e.personId);
      if (from < 0 || !Number.isInteger(e.toIndex) || e.toIndex < 0 || e.toIndex >= s.queue.length) return s;
      const queue = [...s.queue];
      const [entry] = queue.splice(from, 1);
      queue.splice(e.toIndex, 0, entry);
      return { ...s, queue };
    }
    case 'guest-invited': {
      const entry = s.queue.find((q) => q.personId === e.personId);
      const chair = s.chairs[e.chairIndex];
      const chairFree = chair?.kind === 'open' && !chair.occupant && !s.invitations.some((i) => i.chairIndex === e.chairIndex);
      if (s.status !== 'running' || !entry || !chairFree || s.invitations.some((i) => i.personId === e.personId)) return s;
      const invitation = { personId: e.personId, displayName: entry.displayName, chairIndex: e.chairIndex, invitedAt: at, expiresAt: e.expiresAt };
      return { ...s, invitations: [...s.invitations, invitation] };
    }
    case 'invitation-accepted': {
      const invitation = s.invitations.find((i) => i.personId === e.personId && i.chairIndex === e.chairIndex);
      const entry = s.queue.find((q) => q.personId === e.personId);
      const chair = s.chairs[e.chairIndex];
      if (!invitation || !entry || !chair || chair.occupant) return s;
      const occupant: Occupant = {
        personId: e.personId, displayName: entry.displayName, where: entry.where, topic: entry.topic,
        since: at, endsAt: e.endsAt, warned: false, speakingSince: null,
      };
      const seated = seat(dropInvitation(dropFromQueue(s, e.personId), e.personId), e.chairIndex, occupant);
      // The guest accepts for themselves: their own actor says they are a guest, whoever queued them.
      const accepted = e.actor?.role === 'guest' && e.actor.personId === e.personId ? updatePerson(seated, e.personId, (p) => ({ ...p, guest: true })) : seated;
      return countSeating(accepted, e.personId);
    }
    case 'time-warning':
      return updateOccupant(s, e.personId, (o) => ({ ...o, warned: true }));
    case 'left-chair': {
      const chair = s.chairs.find((c) => c.occupant?.personId === e.personId);
      return chair ? vacate(s, chair, at) : s;
    }
    case 'speaking-started':
      return updateOccupant(s, e.personId, (o) => (o.speakingSince === null ? { ...o, speakingSince: at } : o));
    case 'speaking-stopped': {
      const occupant = s.chairs.find((c) => c.occupant?.personId === e.personId)?.occupant;
      if (!occupant || occupant.speakingSince === null) return s;
      const spoke = addSpeaking(s, e.personId, at - occupant.speakingSince);
      return updateOccupant(spoke, e.personId, (o) => ({ ...o, speakingSince: null }));
    }
    case 'round-started':
      return { ...s, round: { number: e.round, startedAt: at, endsAt: e.endsAt } };
    case 'round-ended':
      return { ...s, round: null };
    case 'presence-lost':
      if (!isTracked(s, e.personId)) return s;
      return setPresence(s, e.personId, { connected: false, awayAt: e.awayAt, removeAt: e.removeAt, away: false });
    case 'presence-returned':
      return isFixedPerson(s, e.personId) ? setPresence(s, e.personId, CONNECTED) : setPresence(s, e.personId, null);
    case 'substitute-seated': {
      const chair = s.chairs[e.chairIndex];
      if (s.status !== 'running' || chair?.kind !== 'fixed' || chair.occupant?.personId === e.personId) return s;
      const entry = s.queue.find((q) => q.personId === e.personId);
      const backHome = chair.fixed?.personId === e.personId;
      if (!entry && !backHome) return s;
      const vacated = chair.occupant ? vacate(s, chair, at) : s;
      const occupant: Occupant = {
        personId: e.personId, displayName: e.displayName, where: entry?.where ?? null, topic: entry?.topic ?? null,
        since: at, endsAt: null, warned: false, speakingSince: null,
      };
      const person = touchPerson(dropInvitation(dropFromQueue(vacated, e.personId), e.personId), e.personId, e.displayName, entry?.where ?? null);
      return countSeating(seat(person, e.chairIndex, occupant), e.personId);
    }
    case 'queue-entry-away': {
      const known = s.presence.get(e.personId);
      if (!known || known.connected || queueIndexOf(s, e.personId) < 0) return s;
      return setPresence(s, e.personId, { ...known, away: true });
    }
    default:
      return s;
  }
}

function bumpScopes(before: FishbowlState, after: FishbowlState, e: FishbowlEvent, version: number): ScopeVersions {
  const scopes = { ...after.scopes };
  // Speaking reports and warnings change occupants but not who sits where: they must not make moderators stale.
  const seatsChanged =
    before.invitations !== after.invitations ||
    before.round !== after.round ||
    before.chairs.length !== after.chairs.length ||
    before.chairs.some((c, i) => c.occupant?.personId !== after.chairs[i].occupant?.personId);
  if (seatsChanged || e.type === 'fishbowl-started' || e.type === 'fishbowl-ended') scopes.seats = version;
  if ((e.type === 'queue-entry-moved' || e.type === 'fishbowl-configured') && before.queue !== after.queue) scopes.queueOrder = version;
  if (e.type === 'fishbowl-configured' || e.type === 'fishbowl-started' || e.type === 'fishbowl-ended') scopes.settings = version;
  return scopes;
}

function configure(s: FishbowlState, settings: FishbowlSettings, at: number): FishbowlState {
  if (s.status === 'ended' || !settings || typeof settings !== 'object' || validateSettings(settings)) return s;
  let next: FishbowlState = { ...s, settings };
  if (changesLayout(s.settings, settings)) {
    // Decide only changes the layout in a draft; while running, guests keep no chair in a new layout.
    next = closeAll(next, at);
    next = { ...next, chairs: buildChairs(settings), invitations: [], round: null };
    if (s.status === 'running') next = seatFixed(next, at);
  }
  if (changesQueueOrder(s.settings, settings)) next = { ...next, queue: sortQueue(next) };
  return next;
}

function seatFixed(s: FishbowlState, at: number): FishbowlState {
  return s.chairs.reduce((acc, chair) => {
    if (!chair.fixed || chair.occupant) return acc;
    const { personId, displayName } = chair.fixed;
    acc = dropInvitation(dropFromQueue(acc, personId), personId); // a person is never queued and seated at once
    const occupant: Occupant = { personId, displayName, where: null, topic: null, since: at, endsAt: null, warned: false, speakingSince: null };
    return countSeating(seat(touchPerson(acc, personId, displayName, null), chair.index, occupant), personId);
  }, s);
}

function closeAll(s: FishbowlState, at: number): FishbowlState {
  return s.chairs.reduce((acc, chair) => (acc.chairs[chair.index].occupant ? vacate(acc, acc.chairs[chair.index], at) : acc), s);
}

/** Ends a seating: adds seated and speaking time, frees the chair. */
function vacate(s: FishbowlState, chair: Chair, at: number): FishbowlState {
  const o = chair.occupant!;
  const seatedMs = Math.max(0, at - o.since);
  let next = o.speakingSince !== null ? addSpeaking(s, o.personId, at - o.speakingSince) : s;
  next = updatePerson(next, o.personId, (p) => ({ ...p, seatedMs: p.seatedMs + seatedMs }));
  if (chair.kind === 'open') next = { ...next, openSeatings: { count: next.openSeatings.count + 1, totalMs: next.openSeatings.totalMs + seatedMs } };
  return seat(next, chair.index, null);
}

function seat(s: FishbowlState, chairIndex: number, occupant: Occupant | null): FishbowlState {
  return { ...s, chairs: s.chairs.map((c) => (c.index === chairIndex ? { ...c, occupant } : c)) };
}

function updateOccupant(s: FishbowlState, personId: string, change: (o: Occupant) => Occupant): FishbowlState {
  const chair = s.chairs.find((c) => c.occupant?.personId === personId);
  if (!chair) return s;
  const occupant = change(chair.occupant!);
  return occupant === chair.occupant ? s : seat(s, chair.index, occupant);
}

const dropFromQueue = (s: FishbowlState, personId: string): FishbowlState =>
  s.queue.some((q) => q.personId === personId) ? { ...s, queue: s.queue.filter((q) => q.personId !== personId) } : s;

const dropInvitation = (s: FishbowlState, personId: string): FishbowlState =>
  s.invitations.some((i) => i.personId === personId) ? { ...s, invitations: s.invitations.filter((i) => i.personId !== personId) } : s;

function touchPerson(s: FishbowlState, personId: string, displayName: string, where: PersonStats['where'], guest = false): FishbowlState {
  const known = s.people.get(personId);
  const person: PersonStats = known
    ? { ...known, displayName, where: where ?? known.where, guest: guest || known.guest === true }
    : { personId, displayName, where, seatings: 0, seatedMs: 0, reportedSpeakingMs: 0, guest };
  return { ...s, people: new Map(s.people).set(personId, person) };
}

function updatePerson(s: FishbowlState, personId: string, change: (p: PersonStats) => PersonStats): FishbowlState {
  const known = s.people.get(personId);
  return known ? { ...s, people: new Map(s.people).set(personId, change(known)) } : s;
}

const countSeating = (s: FishbowlState, personId: string) => updatePerson(s, personId, (p) => ({ ...p, seatings: p.seatings + 1 }));

const addSpeaking = (s: FishbowlState, personId: string, ms: number) =>
  updatePerson(s, personId, (p) => ({ ...p, reportedSpeakingMs: p.reportedSpeakingMs + Math.max(0, ms) }));

const CONNECTED: Presence = Object.freeze({ connected: true, awayAt: null, removeAt: null, away: false });

function setPresence(s: FishbowlState, personId: string, presence: Presence | null): FishbowlState {
  if (!presence && !s.presence.has(personId)) return s;
  const map = new Map(s.presence);
  if (presence) map.set(personId, presence);
  else map.delete(personId);
  return { ...s, presence: map };
}

/**
 * Records of people no longer queued, seated or fixed go, so the map stays as small as the room. Only
 * the event's person can change that (all people on configure and end): no scan of the map per event.
 */
function prunePresence(s: FishbowlState, e: FishbowlEvent): FishbowlState {
  if (s.presence.size === 0) return s;
  const everyone = e.type === 'fishbowl-configured' || e.type === 'fishbowl-ended';
  const one = 'personId' in e && typeof e.personId === 'string' ? e.personId : null;
  if (!everyone && (one === null || !s.presence.has(one))) return s;
  const candidates: [string, Presence][] = everyone ? [...s.presence] : [[one!, s.presence.get(one!)!]];
  let map: Map<string, Presence> | null = null;
  for (const [personId, p] of candidates) {
    if (isTracked(s, personId)) {
      // Seated or invited: not away (that marks queue entries only); the gone time still runs.
      if (p.away && queueIndexOf(s, personId) < 0) (map ??= new Map(s.presence)).set(personId, { ...p, away: false });
      continue;
    }
    (map ??= new Map(s.presence)).delete(personId);
  }
  return map ? { ...s, presence: map } : s;
}
