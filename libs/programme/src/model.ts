/**
 * The programme model: plain data, no behaviour. Every instant is an ISO 8601 UTC string
 * (`Instant`, e.g. '2018-08-27T10:00:00.000Z', as `Date.prototype.toISOString` writes it) so the
 * model crosses JSON, the database and the browser unchanged; local dates are 'YYYY-MM-DD'.
 */
import type * as Wire from '@podium/contracts';

/** ISO 8601 instant in UTC ('...Z'); canonical form is what `toISOString()` produces. */
export type Instant = string;
/** A calendar date without a zone, 'YYYY-MM-DD', read in the conference timezone. */
export type LocalDate = string;
/** Where a function takes a point in time ("now"), an Instant, a Date or epoch milliseconds will do. */
export type TimeInput = Instant | Date | number;

export const DEFAULT_TIMEZONE = 'Europe/Berlin';
export const DEFAULT_LANGUAGE = 'de';
export const DEFAULT_BACKSTAGE_MINUTES = 15;

export const CONFERENCE_FORMATS = ['digital', 'hybrid', 'in-person'] as const;
export type ConferenceFormat = (typeof CONFERENCE_FORMATS)[number];

export interface Conference {
  id: string;
  /** URL slug, lower-case ASCII; also the acronym in schedule.json exports. */
  slug: string;
  title: string;
  /** IANA zone in which days, local times and exports are read. */
  timezone: string;
  startDate: LocalDate;
  endDate: LocalDate;
  format: ConferenceFormat;
  venue?: string;
  allowGuests: boolean;
  description?: string;
  url?: string;
  /**
   * 'HH:MM' (before noon) at which one conference day ends and the next begins; '00:00' when absent.
   * frab's day_change: with '04:00' a session at 01:00 on the 28th still belongs to the 27th.
   */
  dayChange?: string;
}

export const ROOM_KINDS = ['virtual-stage', 'forum-room', 'hall'] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];

export interface Room {
  id: string;
  name: string;
  kind: RoomKind;
  capacity?: number;
  /** Minutes the room needs between two sessions (re-seating, stage change); 0 by default. */
  changeoverMinutes: number;
  /** Display order, ascending. */
  position: number;
  /** Stable UUID for exchange formats; the edge sets it at creation (crypto.randomUUID). */
  guid?: string;
}

export interface Track {
  id: string;
  name: string;
  /** '#rrggbb'. */
  color?: string;
}

export const SESSION_KINDS = [
  'welcome',
  'keynote',
  'panel',
  'fishbowl',
  'forum',
  'press-conference',
  'marketplace',
  'closing',
  'break',
] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const PERSON_ROLES = ['moderator', 'speaker', 'interpreter', 'captioner'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** The lifecycle in time order; see lifecycle.ts for the state machine. */
export const LIFECYCLE_STATUSES = ['scheduled', 'backstage', 'live', 'ended'] as const;
export type LifecycleStatus = (typeof LIFECYCLE_STATUSES)[number];
/** 'cancelled' sits beside the lifecycle: time never moves a cancelled session. */
export const SESSION_STATUSES = [...LIFECYCLE_STATUSES, 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
/** The wire's vocabulary (libs/contracts) names the same values as these lists: a compile error otherwise. */
export const LISTS_MATCH_THE_WIRE: [
  Wire.SameUnion<SessionStatus, Wire.SessionStatus>,
  Wire.SameUnion<SessionKind, Wire.SessionKind>,
  Wire.SameUnion<PersonRole, Wire.PersonRole>,
  Wire.SameUnion<ConferenceFormat, Wire.ConferenceFormat>,
  Wire.SameUnion<RoomKind, Wire.RoomKind>,
] = [true, true, true, true, true];

export interface SessionPerson {
  personId: string;
  role: PersonRole;
}

export interface Session {
  id: string;
  kind: SessionKind;
  title: string;
  subtitle?: string;
  abstract?: string;
  description?: string;
  /** BCP 47 primary language ('de', 'en'); 'de' by default. */
  language: string;
  /** Planned start and end; the delay is kept apart so the plan stays visible (see delay.ts). */
  start: Instant;
  end: Instant;
  roomId?: string;
  trackId?: string;
  people: SessionPerson[];
  capacity?: number;
  livestream: boolean;
  recordingConsent: boolean;
  status: SessionStatus;
  /** Shown times are start/end plus this; 0 when on time. */
  delayMinutes: number;
  /** Stable UUID for exchange formats; the edge sets it at creation (crypto.randomUUID). */
  guid?: string;
  /** Integer id other tools know this session by (frab/pretalx 'id'), kept across import/export. */
  scheduleId?: number;
  slug?: string;
  url?: string;
  /** The exchange format's free-text type ('talk', 'lecture') when it said more than `kind`. */
  eventType?: string;
  /** Where the recording can be watched, once there is one; an organiser sets it. */
  recordingUrl?: string;
  /** Where attendees give feedback on the session; an organiser sets it. */
  feedbackUrl?: string;
}

export interface Person {
  id: string;
  name: string;
  /** Office or job title, e.g. 'Oberbürgermeister der Stadt Kassel'. */
  function?: string;
  organisation?: string;
  biography?: string;
  guid?: string;
}

/** One conference's whole programme, the unit most functions here take. */
export interface Programme {
  conference: Conference;
  rooms: Room[];
  tracks: Track[];
  sessions: Session[];
  people: Person[];
}

/** Limits on free text, so a single write cannot bloat the programme or the exports. */
export const LIMITS = {
  id: 100,
  slug: 64,
  sessionSlug: 200,
  title: 300,
  subtitle: 300,
  abstract: 10_000,
  description: 50_000,
  name: 200,
  function: 500,
  organisation: 300,
  biography: 10_000,
  url: 2_000,
  venue: 300,
  /** Real frab/pretalx types run past 50 characters ('Workshop (bring your own laptop, max. 20 people)'). */
  eventType: 200,
  /** frab/pretalx integer ids are kept as PostgreSQL integers; larger ones get a new id. */
  scheduleId: 2_147_483_647,
  peoplePerSession: 100,
  /** Minutes; longer than a week is a typo, not a session. */
  sessionDuration: 7 * 24 * 60,
  delayMinutes: 24 * 60,
  changeoverMinutes: 24 * 60,
  conferenceDays: 366,
} as const;
