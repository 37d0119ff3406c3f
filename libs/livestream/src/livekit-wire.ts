// LiveKit's wire shapes, written out by hand: this library must not import LiveKit packages.
import type { StagePermission, TrackSourceName } from './permissions';

/** livekit.TrackSource enum values (protocol). */
export const TRACK_SOURCE_CODES: Record<TrackSourceName, number> = {
  camera: 1,
  microphone: 2,
  screen_share: 3,
  screen_share_audio: 4,
};

const NAMES = new Map<number, TrackSourceName>(
  Object.entries(TRACK_SOURCE_CODES).map(([name, code]) => [code, name as TrackSourceName]),
);

/** What RoomServiceClient.updateParticipant wants as `permission` (roomAdmin has no place there). */
export interface ParticipantPermissionWire {
  canSubscribe: boolean;
  canPublish: boolean;
  canPublishData: boolean;
  canPublishSources: number[];
  hidden: boolean;
  canUpdateMetadata: boolean;
}

export function toParticipantPermission(p: StagePermission): ParticipantPermissionWire {
  return {
    canSubscribe: p.canSubscribe,
    canPublish: p.canPublish,
    canPublishData: p.canPublishData,
    canPublishSources: p.canPublishSources.map((s) => TRACK_SOURCE_CODES[s]),
    hidden: p.hidden,
    canUpdateMetadata: p.canUpdateMetadata,
  };
}

/** A permission as the server reports it (getParticipant/listParticipants); unknown sources dropped. */
export function fromParticipantPermission(w: Partial<ParticipantPermissionWire> | undefined): Omit<StagePermission, 'roomAdmin'> {
  return {
    canSubscribe: w?.canSubscribe ?? false,
    canPublish: w?.canPublish ?? false,
    canPublishData: w?.canPublishData ?? false,
    canPublishSources: (w?.canPublishSources ?? []).flatMap((c) => NAMES.get(c) ?? []),
    hidden: w?.hidden ?? false,
    canUpdateMetadata: w?.canUpdateMetadata ?? false,
  };
}

/** The video grant of an AccessToken for one room (AccessToken.addGrant). */
export function toVideoGrant(p: StagePermission, room: string) {
  return {
    room,
    roomJoin: true,
    canSubscribe: p.canSubscribe,
    canPublish: p.canPublish,
    canPublishData: p.canPublishData,
    canPublishSources: p.canPublishSources.map((s) => TRACK_SOURCE_CODES[s]),
    canUpdateOwnMetadata: p.canUpdateMetadata,
    roomAdmin: p.roomAdmin,
    hidden: p.hidden,
  };
}
