import type { ErrorBody, ExceptionEvents } from './errors';

/**
 * Markt der Möglichkeiten: booths (one per project or organisation), each a small LiveKit room where staff
 * and visitors talk; a full booth has a fair queue (first come, first served; the fishbowl's expected-wait
 * formula) and its staff invite the next visitor. Instants are epoch ms in events, ISO text in HTTP answers.
 */

export interface BoothActor {
  personId: string;
  displayName: string;
  /** Staff of this booth (or an organiser of the conference). */
  staff: boolean;
}

export const MARKET_LIMITS = {
  nameMaxLength: 120,
  descriptionMaxLength: 2000,
  maxLinks: 10,
  linkLabelMaxLength: 80,
  urlMaxLength: 500,
  minCapacity: 2,
  maxCapacity: 50,
  defaultCapacity: 6,
  maxStaff: 20,
  contactMaxLength: 500,
  /** Assumed visit length before the booth has seen one end (the wait estimate's T). */
  defaultVisitMs: 5 * 60_000,
} as const;

/** Why a booth command was refused with CONFLICT: `details.market`. */
export type MarketConflict = 'closed' | 'full' | 'queue-empty' | 'not-visiting';

interface EventBase<T extends string> {
  type: T;
  at: number;
  actor: BoothActor;
}

export type BoothStaffEnteredEvent = EventBase<'staff-entered'> & { personId: string; displayName: string };
export type BoothStaffLeftEvent = EventBase<'staff-left'> & { personId: string };
export type BoothVisitorEnteredEvent = EventBase<'visitor-entered'> & { personId: string; displayName: string };
export type BoothVisitorQueuedEvent = EventBase<'visitor-queued'> & { personId: string; displayName: string };
export type BoothVisitorLeftEvent = EventBase<'visitor-left'> & { personId: string; stayedMs: number | null };
export type BoothCapacitySetEvent = EventBase<'capacity-set'> & { capacity: number };

export type BoothEvent = BoothStaffEnteredEvent | BoothStaffLeftEvent | BoothVisitorEnteredEvent | BoothVisitorQueuedEvent | BoothVisitorLeftEvent | BoothCapacitySetEvent;

export interface BoothLink {
  label: string;
  url: string;
}

/** How a booth looks on the market page: open (staff present), who staffs it, how busy. */
export interface BoothSummary {
  id: string;
  name: string;
  description: string;
  links: BoothLink[];
  logoUrl: string | null;
  open: boolean;
  staffPresent: string[];
  visitors: number;
  capacity: number;
  queue: number;
}

/** POST /api/conferences/:slug/booths (organisers). */
export interface NewBooth {
  name: string;
  description?: string;
  links?: BoothLink[];
  logoUrl?: string | null;
  capacity?: number;
  /** Person ids of the booth's staff (people of the conference). */
  staff?: string[];
  /** The marketplace session the booth belongs to (booth hours). */
  sessionId?: string | null;
}

/** A booth as the organisers edit it (GET …/booths/setup): with its staff's person ids. */
export interface BoothSetup {
  id: string;
  name: string;
  description: string;
  links: BoothLink[];
  logoUrl: string | null;
  capacity: number;
  staff: string[];
}

/** GET …/booths/setup: the booths, and everyone of the conference who may staff one (any role there). */
export interface BoothSetupView {
  booths: BoothSetup[];
  people: { id: string; name: string; organisation: string | null }[];
}

/** My place at a booth after visiting (or staff entering): in the room with a token, or in the queue. */
export type BoothPlace =
  | { status: 'in'; room: string; url: string; token: string; expiresAt: string; visitors: number; capacity: number }
  | { status: 'queued'; position: number; expectedWaitMs: number; visitors: number; capacity: number };

/** POST …/booths/:boothId/contact: what a visitor chose to leave for the exhibitor. */
export interface BoothContactRequest {
  contact: string;
}
export interface BoothContact {
  personId: string;
  displayName: string;
  contact: string;
  at: string;
}

/**
 * My place at one booth as `/market` pushes it (issue 19): whenever the booth's queue moves, every person
 * it concerns gets their own (position, expected wait), without asking again. `in`: in the booth's room
 * (call visit for a token), `queued`: waiting, `out`: neither (left, or never came).
 */
export interface BoothLivePlace {
  boothId: string;
  status: 'in' | 'queued' | 'out';
  /** 1 = next, while queued; null otherwise. */
  position: number | null;
  expectedWaitMs: number | null;
  open: boolean;
  visitors: number;
  capacity: number;
  queue: number;
}

export type MarketBoothPayload = { boothId: string };
export type MarketFollowAck = { ok: true; place: BoothLivePlace } | { ok?: false; error: ErrorBody };
export type MarketAck = { ok: true } | { ok?: false; error: ErrorBody };

/** The `/market` namespace: follow a booth (everyone of its conference) to have one's place pushed. */
export interface MarketClientToServerEvents {
  'market:follow': (payload: MarketBoothPayload, ack: (ack: MarketFollowAck) => void) => void;
  'market:unfollow': (payload: MarketBoothPayload, ack: (ack: MarketAck) => void) => void;
}

export interface MarketServerToClientEvents extends ExceptionEvents {
  /** My place changed at a booth I follow (the queue moved, I was let in, I left). */
  'market:place': (place: BoothLivePlace) => void;
}

export type MarketEventName = keyof MarketClientToServerEvents;
export const MARKET_EVENTS: readonly MarketEventName[] = ['market:follow', 'market:unfollow'];
