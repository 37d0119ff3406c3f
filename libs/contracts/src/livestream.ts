/** Livestream answers the browser reads: the join grant, stage changes and attendance. */

/** How every viewer's stage is arranged; the moderation or production desk chooses it (`POST /api/sessions/:id/layout`). */
export const STAGE_LAYOUTS = ['speaker', 'panel', 'presentation'] as const;
/** speaker: the active speaker large; panel: the chairs in chair order with lower thirds; presentation: the screen share large, speakers small. */
export type StageLayout = (typeof STAGE_LAYOUTS)[number];
export const DEFAULT_STAGE_LAYOUT: StageLayout = 'speaker';

/** `POST /api/sessions/:id/layout`: stored; `applied: false` means viewers get it with their next join (LiveKit did not take the room metadata). */
export interface LayoutState {
  layout: StageLayout;
  applied: boolean;
}

/** The stage room's LiveKit metadata (set by the api): every participant reads it on join and on each change. */
export interface StageRoomMetadata {
  podium: 1;
  sessionId: string;
  kind: 'stage' | 'backstage';
  title: string;
  conference: string;
  layout?: StageLayout;
}

/** `POST /api/sessions/:id/join`: a short-lived LiveKit token with the grants of the caller's role. */
export interface JoinGrant {
  /** LiveKit URL for the browser (ws:// or wss://). */
  url: string;
  token: string;
  room: string;
  role: string;
  /** LiveKit identity: the person id. */
  identity: string;
  onStage: boolean;
  /** The stage layout now; later changes arrive as the room's metadata (`StageRoomMetadata.layout`). */
  layout: StageLayout;
  /** ISO times: the token admits (re)joins until expiresAt; ask again before refreshAt. */
  expiresAt: string;
  refreshAt: string;
}

/** `POST /api/sessions/:id/stage/:personId`: `applied: false` means recorded, LiveKit gets it from the reconciler. */
export interface StageChange {
  personId: string;
  onStage: boolean;
  /** Connected right now (LiveKit answered). */
  connected: boolean;
  /** LiveKit already follows; false: recorded, the reconciler applies it when possible. */
  applied: boolean;
}

/** `GET /api/sessions/:id/bans`: someone removed from the session for good. */
export interface Ban {
  personId: string;
  displayName: string;
  bannedBy: string | null;
  /** ISO time of the removal. */
  bannedAt: string;
}

/** `GET /api/sessions/:id/attendance`: the stage room's live count, peak and unique attendees. */
export interface Attendance {
  sessionId: string;
  /** People connected to the stage room now. */
  live: number;
  /** Most simultaneous stage connections so far. */
  peak: number;
  /** Different people who were ever in the stage room. */
  totalUnique: number;
  connections: number;
  backstageLive: number;
}

/** `GET /api/sessions/:id/attendance/timeline`: most connections at once and different people per bucket. */
export interface AttendanceTimelineBody {
  sessionId: string;
  minutes: number;
  /** ISO start of the first bucket and end of the last; null when nobody ever connected. */
  from: string | null;
  to: string | null;
  buckets: Array<{ start: string; peak: number; unique: number }>;
}

/** `POST /api/sessions/:id/captions`: a final caption line stored (or corrected: same segment id, revision + 1). */
export interface StoredCaption {
  segmentId: string;
  revision: number;
  /** Milliseconds after the session start (its scheduled start plus any announced delay). */
  startMs: number;
  endMs: number;
}

/** `GET /api/sessions/:id/transcript`: the session's final caption lines in time order. */
export interface Transcript {
  sessionId: string;
  /** ISO: what the times count from. */
  sessionStart: string;
  lines: { segmentId: string; startMs: number; endMs: number; speaker: string | null; text: string; language: string }[];
}
