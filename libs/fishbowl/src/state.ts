import type { FishbowlFixedChair, FishbowlSeatLocation, FishbowlSettings, FishbowlStatus } from '@podium/contracts';
import { DEFAULT_SETTINGS } from './settings';

/** Someone sitting on a chair right now. */
export interface Occupant {
  readonly personId: string;
  readonly displayName: string;
  /** null on fixed chairs. */
  readonly where: FishbowlSeatLocation | null;
  readonly topic: string | null;
  readonly since: number;
  /** Seat time limit; always null on fixed chairs. */
  readonly endsAt: number | null;
  readonly warned: boolean;
  /** Start of the current reported speaking interval. */
  readonly speakingSince: number | null;
}

export interface Chair {
  readonly index: number;
  readonly kind: 'fixed' | 'open';
  readonly fixed: FishbowlFixedChair | null;
  readonly occupant: Occupant | null;
}

export interface QueueEntry {
  readonly personId: string;
  readonly displayName: string;
  readonly where: FishbowlSeatLocation;
  readonly topic: string | null;
  readonly askedAt: number;
  /** Arrival number: the first-come-first-served tie breaker. */
  readonly seq: number;
}

/** An invitation holds one free open chair until accepted, declined, lapsed or cancelled. */
export interface Invitation {
  readonly personId: string;
  readonly displayName: string;
  readonly chairIndex: number;
  readonly invitedAt: number;
  readonly expiresAt: number;
}

/** Per-person totals over completed seatings (the current one is added from `Occupant.since`). */
export interface PersonStats {
  readonly personId: string;
  readonly displayName: string;
  readonly where: FishbowlSeatLocation | null;
  readonly seatings: number;
  readonly seatedMs: number;
  /** Sum of closed reported speaking intervals. */
  readonly reportedSpeakingMs: number;
  /** Asked for a seat as a guest (from the actor of the request). */
  readonly guest?: boolean;
}

/**
 * Connection of a queued, seated or fixed person as the edge reported it. Without a record a person
 * counts as connected, except a fixed panelist (absent until their first connection).
 */
export interface Presence {
  readonly connected: boolean;
  /** Gone: when the queue entry is marked away, and when it is dropped (null while connected). */
  readonly awayAt: number | null;
  readonly removeAt: number | null;
  readonly away: boolean;
}

export interface Round {
  readonly number: number;
  readonly startedAt: number;
  readonly endsAt: number;
}

/** Version of the last event that touched each scope; a versioned command is stale when its scope moved on. */
export interface ScopeVersions {
  readonly seats: number;
  readonly queueOrder: number;
  readonly settings: number;
}

export interface FishbowlState {
  readonly sessionId: string;
  /** Number of events applied. */
  readonly version: number;
  readonly status: FishbowlStatus;
  readonly settings: FishbowlSettings;
  readonly chairs: readonly Chair[];
  /** In queue order: index 0 is next. */
  readonly queue: readonly QueueEntry[];
  readonly invitations: readonly Invitation[];
  readonly people: ReadonlyMap<string, PersonStats>;
  readonly round: Round | null;
  readonly nextSeq: number;
  /** Completed open-chair seatings, for the average seat time behind the expected wait. */
  readonly openSeatings: { readonly count: number; readonly totalMs: number };
  readonly scopes: ScopeVersions;
  /** Presence records of queued, seated and fixed people only (see `Presence`). */
  readonly presence: ReadonlyMap<string, Presence>;
  /** `at` of the last event: commands never move time backwards. */
  readonly lastEventAt: number;
}

export function buildChairs(settings: FishbowlSettings): Chair[] {
  return Array.from({ length: settings.chairCount }, (_, index) => {
    const fixed = settings.fixedChairs[index] ?? null;
    return { index, kind: fixed ? 'fixed' : 'open', fixed, occupant: null } as Chair;
  });
}

/** The state before any event: a draft with default (or given) settings. */
export function initialState(sessionId: string, settings: FishbowlSettings = DEFAULT_SETTINGS): FishbowlState {
  return {
    sessionId,
    version: 0,
    status: 'draft',
    settings,
    chairs: buildChairs(settings),
    queue: [],
    invitations: [],
    people: new Map(),
    round: null,
    nextSeq: 0,
    openSeatings: { count: 0, totalMs: 0 },
    scopes: { seats: 0, queueOrder: 0, settings: 0 },
    presence: new Map(),
    lastEventAt: 0,
  };
}
