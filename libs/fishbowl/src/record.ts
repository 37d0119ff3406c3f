import type { FishbowlEvent, FishbowlFixedChairRole, FishbowlLeaveReason, FishbowlSeatLocation, FishbowlSettings } from '@podium/contracts';
import { evolve } from './evolve';
import { initialState } from './state';
import type { FishbowlState, Occupant } from './state';

/** One stay on a chair. `spokenMs` follows the speaking measure (seated time unless reported). */
export interface SeatingRecord {
  personId: string;
  displayName: string;
  chairIndex: number;
  kind: 'fixed' | 'open';
  where: FishbowlSeatLocation | null;
  topic: string | null;
  from: number;
  to: number;
  durationMs: number;
  spokenMs: number;
  /** The person's first seating in this fishbowl. */
  firstTime: boolean;
  endReason: FishbowlLeaveReason | 'ongoing';
}

export interface PersonRecord {
  personId: string;
  displayName: string;
  where: FishbowlSeatLocation | null;
  fixedRole: FishbowlFixedChairRole | null;
  topics: string[];
  askedAt: number[];
  withdrawnAt: number[];
  invitedAt: number[];
  acceptedAt: number[];
  declinedAt: number[];
  lapsedAt: number[];
  cancelledAt: number[];
  seatings: SeatingRecord[];
  totalSeatedMs: number;
  totalSpokenMs: number;
}

export interface LocationBalance {
  /** Distinct people who asked for a seat from here. */
  askers: number;
  /** Distinct guests who sat on an open chair. */
  seatedPeople: number;
  seatings: number;
  seatedMs: number;
  spokenMs: number;
}

export interface FishbowlBalance {
  /** Guests (open chairs) who sat once vs more than once. */
  guests: { once: number; returning: number };
  /** Open-chair seatings that were a person's first vs a repeat. */
  seatings: { firstTime: number; returning: number };
  byLocation: Record<FishbowlSeatLocation, LocationBalance>;
  requests: number;
  invitations: number;
  accepted: number;
  declined: number;
  lapsed: number;
  withdrawn: number;
  /** People who asked but never sat. */
  neverSeated: number;
}

/** The fishbowl's record: plain JSON (epoch ms, durations in ms), the source of the minutes and CSV. */
export interface FishbowlRecord {
  sessionId: string;
  startedAt: number | null;
  endedAt: number | null;
  /** Seatings still open are measured up to this instant. */
  until: number;
  settings: FishbowlSettings;
  people: PersonRecord[];
  /** Every seating, in the order they began. */
  seatings: SeatingRecord[];
  balance: FishbowlBalance;
  version: number;
}

interface OpenSeating {
  occupant: Occupant;
  chairIndex: number;
  kind: 'fixed' | 'open';
  reportedAtStart: number;
  firstTime: boolean;
}

/** Builds the record by folding the log and watching each chair change hands. */
export function buildRecord(sessionId: string, events: readonly FishbowlEvent[], options: { until?: number } = {}): FishbowlRecord {
  const people = new Map<string, PersonRecord>();
  const seatings: SeatingRecord[] = [];
  const open = new Map<number, OpenSeating>();
  let state = initialState(sessionId);
  let startedAt: number | null = null;
  let endedAt: number | null = null;

  const person = (personId: string, displayName: string): PersonRecord => {
    let p = people.get(personId);
    if (!p) {
      p = { personId, displayName, where: null, fixedRole: null, topics: [], askedAt: [], withdrawnAt: [], invitedAt: [], acceptedAt: [], declinedAt: [], lapsedAt: [], cancelledAt: [], seatings: [], totalSeatedMs: 0, totalSpokenMs: 0 };
      people.set(personId, p);
    }
    return p;
  };
  const close = (s: FishbowlState, seat: OpenSeating, to: number, endReason: SeatingRecord['endReason']) => {
    const o = seat.occupant;
    const durationMs = Math.max(0, to - o.since);
    const current = s.chairs[seat.chairIndex]?.occupant;
    const stillSpeaking = current?.personId === o.personId && current.speakingSince !== null ? Math.max(0, to - current.speakingSince) : 0;
    const reported = (s.people.get(o.personId)?.reportedSpeakingMs ?? 0) - seat.reportedAtStart + stillSpeaking;
    const record: SeatingRecord = {
      personId: o.personId, displayName: o.displayName, chairIndex: seat.chairIndex, kind: seat.kind, where: o.where, topic: o.topic,
      from: o.since, to, durationMs, spokenMs: reported, firstTime: seat.firstTime, endReason,
    };
    seatings.push(record);
    person(o.personId, o.displayName).seatings.push(record);
  };

  for (const event of events) {
    const before = state;
    state = evolve(state, event);
    const at = state.lastEventAt;
    noteEvent(event, at, person);
    if (event.type === 'fishbowl-started' && before.status === 'draft') startedAt = at;
    if (event.type === 'fishbowl-ended' && before.status !== 'ended') endedAt = at;
    const chairs = Math.max(before.chairs.length, state.chairs.length);
    for (let i = 0; i < chairs; i++) {
      const was = before.chairs[i]?.occupant ?? null;
      const is = state.chairs[i]?.occupant ?? null;
      if (sameSeating(was, is)) continue;
      const seat = open.get(i);
      if (was && seat) {
        const reason = event.type === 'left-chair' && event.personId === was.personId ? event.reason : 'ended';
        close(state, seat, at, reason);
        open.delete(i);
      }
      if (is) {
        const kind = state.chairs[i].kind;
        if (state.chairs[i].fixed) person(is.personId, is.displayName).fixedRole = state.chairs[i].fixed!.role;
        const sat = people.get(is.personId)?.seatings.length ?? 0;
        const reportedAtStart = state.people.get(is.personId)?.reportedSpeakingMs ?? 0;
        open.set(i, { occupant: is, chairIndex: i, kind, reportedAtStart, firstTime: sat === 0 && !ongoingElsewhere(open, is.personId) });
      }
    }
  }
  const until = Math.max(options.until ?? state.lastEventAt, state.lastEventAt);
  for (const seat of open.values()) close(state, seat, until, 'ongoing');
  seatings.sort((a, b) => a.from - b.from || a.chairIndex - b.chairIndex);

  const measure = state.settings.speakingMeasure;
  for (const s of seatings) if (measure === 'seated') s.spokenMs = s.durationMs;
  for (const p of people.values()) {
    p.seatings.sort((a, b) => a.from - b.from);
    p.totalSeatedMs = p.seatings.reduce((sum, s) => sum + s.durationMs, 0);
    p.totalSpokenMs = p.seatings.reduce((sum, s) => sum + s.spokenMs, 0);
  }
  const list = [...people.values()];
  return { sessionId, startedAt, endedAt, until, settings: state.settings, people: list, seatings, balance: balance(list, events), version: state.version };
}

const sameSeating = (a: Occupant | null, b: Occupant | null) => a?.personId === b?.personId && a?.since === b?.since;

const ongoingElsewhere = (open: Map<number, OpenSeating>, personId: string) => [...open.values()].some((s) => s.occupant.personId === personId);

function noteEvent(e: FishbowlEvent, at: number, person: (id: string, name: string) => PersonRecord): void {
  switch (e.type) {
    case 'seat-requested': {
      const p = person(e.personId, e.displayName);
      p.displayName = e.displayName;
      p.where = e.where;
      p.askedAt.push(at);
      if (e.topic) p.topics.push(e.topic);
      return;
    }
    case 'seat-request-withdrawn':
      return void person(e.personId, e.personId).withdrawnAt.push(at);
    case 'guest-invited':
      return void person(e.personId, e.personId).invitedAt.push(at);
    case 'invitation-accepted':
      return void person(e.personId, e.personId).acceptedAt.push(at);
    case 'invitation-declined':
      return void person(e.personId, e.personId).declinedAt.push(at);
    case 'invitation-lapsed':
      return void person(e.personId, e.personId).lapsedAt.push(at);
    case 'invitation-cancelled':
      return void person(e.personId, e.personId).cancelledAt.push(at);
    default:
      return;
  }
}

function balance(people: PersonRecord[], events: readonly FishbowlEvent[]): FishbowlBalance {
  const empty = (): LocationBalance => ({ askers: 0, seatedPeople: 0, seatings: 0, seatedMs: 0, spokenMs: 0 });
  const byLocation = { hall: empty(), remote: empty() };
  const count = (type: FishbowlEvent['type']) => events.filter((e) => e.type === type).length;
  const result: FishbowlBalance = {
    guests: { once: 0, returning: 0 },
    seatings: { firstTime: 0, returning: 0 },
    byLocation,
    requests: count('seat-requested'),
    invitations: count('guest-invited'),
    accepted: count('invitation-accepted'),
    declined: count('invitation-declined'),
    lapsed: count('invitation-lapsed'),
    withdrawn: count('seat-request-withdrawn'),
    neverSeated: people.filter((p) => p.askedAt.length > 0 && p.seatings.length === 0).length,
  };
  const askedFrom = new Map<string, Set<FishbowlSeatLocation>>();
  for (const e of events) if (e.type === 'seat-requested') askedFrom.set(e.personId, (askedFrom.get(e.personId) ?? new Set()).add(e.where));
  for (const p of people) {
    for (const where of askedFrom.get(p.personId) ?? []) byLocation[where].askers++;
    const guestSeatings = p.seatings.filter((s) => s.kind === 'open');
    if (guestSeatings.length === 1) result.guests.once++;
    if (guestSeatings.length > 1) result.guests.returning++;
    const seatedFrom = new Set<FishbowlSeatLocation>();
    for (const s of guestSeatings) {
      if (s.firstTime) result.seatings.firstTime++;
      else result.seatings.returning++;
      if (!s.where) continue;
      seatedFrom.add(s.where);
      byLocation[s.where].seatings++;
      byLocation[s.where].seatedMs += s.durationMs;
      byLocation[s.where].spokenMs += s.spokenMs;
    }
    for (const where of seatedFrom) byLocation[where].seatedPeople++;
  }
  return result;
}
