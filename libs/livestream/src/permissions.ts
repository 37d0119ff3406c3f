import type { LivestreamRole } from './roles';

/** LiveKit's track source names, as they appear in tokens. */
export const TRACK_SOURCES = ['camera', 'microphone', 'screen_share', 'screen_share_audio'] as const;
export type TrackSourceName = (typeof TRACK_SOURCES)[number];

/**
 * Everything LiveKit lets us grant a participant. Always complete: updateParticipant replaces the
 * whole permission, so a partial object would silently switch the missing flags off.
 */
export interface StagePermission {
  canSubscribe: boolean;
  canPublish: boolean;
  /** Off for the audience: chat and hand raising travel over our websocket, not LiveKit data. */
  canPublishData: boolean;
  /** In TRACK_SOURCES order (LiveKit compares the list order-sensitively). */
  canPublishSources: TrackSourceName[];
  /** Token-only: LiveKit's ParticipantPermission has no roomAdmin, so updateParticipant cannot change it. */
  roomAdmin: boolean;
  /** Never flipped by the policy: the server counts participants by `hidden` at join and leave. */
  hidden: boolean;
  /** Participants never edit their own metadata/attributes; the api sets them. */
  canUpdateMetadata: boolean;
}

const AV: TrackSourceName[] = ['camera', 'microphone'];
const PRESENTER: TrackSourceName[] = [...TRACK_SOURCES];

/** What each role may publish when on stage (null: never publishes). */
const ON_STAGE: Record<LivestreamRole, TrackSourceName[]> = {
  attendee: AV,
  speaker: PRESENTER,
  panelist: PRESENTER,
  moderator: PRESENTER,
  interpreter: ['camera', 'microphone'], // sign language: the camera; spoken: the channel's track `interpretation:<lang>` (not the floor's microphone)
  captioner: [], // types captions: data (text streams) only, never media
  'production-desk': AV,
  organiser: PRESENTER,
};

/** Crew whose feeds the stage needs for the whole session, whatever the stage list says. */
const ALWAYS_ON_STAGE: ReadonlySet<LivestreamRole> = new Set(['moderator', 'interpreter', 'production-desk']);

/** Roles that send data without media: captioners publish `lk.transcription` text streams. */
const DATA_ONLY: ReadonlySet<LivestreamRole> = new Set(['captioner']);

const ADMINS: ReadonlySet<LivestreamRole> = new Set(['moderator', 'organiser']);

export function isAlwaysOnStage(role: LivestreamRole): boolean {
  return ALWAYS_ON_STAGE.has(role);
}

/** The full permission of `role`; `onStage` matters for attendees, speakers, panelists and organisers. */
export function stagePermission(role: LivestreamRole, onStage: boolean): StagePermission {
  const publishing = onStage || isAlwaysOnStage(role);
  const sources = publishing ? ON_STAGE[role] : [];
  return {
    canSubscribe: true,
    canPublish: sources.length > 0,
    canPublishData: sources.length > 0 || DATA_ONLY.has(role),
    canPublishSources: TRACK_SOURCES.filter((s) => sources.includes(s)),
    roomAdmin: ADMINS.has(role),
    hidden: false,
    canUpdateMetadata: false,
  };
}

/** Same grant? (source order ignored, so a server echo in another order is not drift) */
export function samePermission(a: Omit<StagePermission, 'roomAdmin'>, b: Omit<StagePermission, 'roomAdmin'>): boolean {
  const sources = (p: Omit<StagePermission, 'roomAdmin'>) => [...p.canPublishSources].sort().join(',');
  return (
    a.canSubscribe === b.canSubscribe &&
    a.canPublish === b.canPublish &&
    a.canPublishData === b.canPublishData &&
    a.hidden === b.hidden &&
    a.canUpdateMetadata === b.canUpdateMetadata &&
    sources(a) === sources(b)
  );
}
