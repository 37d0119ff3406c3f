import { Inject, Injectable } from '@nestjs/common';
import type { StageLayout, StageRoomMetadata } from '@podium/contracts';
import { roomNameFor, type RoomKind } from '@podium/livestream';
import { LiveKitRooms } from './livekit-rooms';
import { LIVESTREAM_SETTINGS, type LivestreamSettings } from './livestream-settings';

export interface RoomSession {
  id: string;
  title: string;
  capacity: number | null;
  conferenceSlug: string;
  layout?: StageLayout;
}

/** The metadata of a session's room; the stage's carries the layout every viewer follows. */
export function roomMetadata(session: RoomSession, kind: RoomKind): string {
  const meta: StageRoomMetadata = { podium: 1, sessionId: session.id, kind, title: session.title, conference: session.conferenceSlug };
  if (kind === 'stage' && session.layout) meta.layout = session.layout;
  return JSON.stringify(meta);
}

/** Seconds an empty room waits for its first participant, and after the last one left. */
const EMPTY_TIMEOUT_S = 15 * 60;
const DEPARTURE_TIMEOUT_S = 60;

/**
 * Creates a session's rooms with our settings (limit from the session's capacity, metadata naming
 * the session) and remembers that they exist, so a join storm costs one LiveKit call per room.
 */
@Injectable()
export class RoomDirectory {
  private readonly known = new Map<string, number>();

  constructor(
    private readonly livekit: LiveKitRooms,
    @Inject(LIVESTREAM_SETTINGS) private readonly settings: LivestreamSettings,
  ) {}

  async ensure(session: RoomSession, kind: RoomKind): Promise<string> {
    const name = roomNameFor(session.id, kind);
    const trusted = (this.known.get(name) ?? 0) > Date.now();
    // While LiveKit is known to be down every join asks it again: the first answer ends the outage.
    if (trusted && !this.livekit.outage) {
      await this.livekit.ensureReachable();
      return name;
    }
    if (this.livekit.outage) this.known.clear(); // a restarted server has forgotten every room
    await this.livekit.call('createRoom', (c) =>
      c.createRoom({
        name,
        emptyTimeout: EMPTY_TIMEOUT_S,
        departureTimeout: DEPARTURE_TIMEOUT_S,
        maxParticipants: kind === 'stage' ? (session.capacity ?? 0) : 0,
        metadata: roomMetadata(session, kind),
      }),
    );
    this.known.set(name, Date.now() + this.settings.roomCacheMs);
    return name;
  }

  /** The reconciler saw the room missing (finished, or LiveKit restarted). */
  forget(name: string): void {
    this.known.delete(name);
  }

  /** Keep only rooms LiveKit listed. */
  retainOnly(names: ReadonlySet<string>): void {
    for (const name of [...this.known.keys()]) if (!names.has(name)) this.known.delete(name);
  }
}
