import { Injectable, Logger } from '@nestjs/common';
import { DomainError, type Ban, type LayoutState, type StageChange, type StageLayout } from '@podium/contracts';
import { participantIdentity, roomNameFor } from '@podium/livestream';
import { JoinSnapshots } from './join-snapshots';
import { isNotFound, LiveKitRooms } from './livekit-rooms';
import { roomMetadata } from './room-directory';
import { StageReconciler } from './reconciler';
import { StageControl } from './stage-control';
import { StageRepository } from './stage-repository';

const isUnavailable = (e: unknown) => e instanceof DomainError && e.code === 'UNAVAILABLE';

/**
 * Moderation of a session's rooms: the desired state goes to the database first (the truth), then
 * to LiveKit if it answers; the reconciler catches up with whatever LiveKit missed.
 */
@Injectable()
export class StageService extends StageControl {
  private readonly logger = new Logger('stage');

  constructor(
    private readonly rows: StageRepository,
    private readonly livekit: LiveKitRooms,
    private readonly reconciler: StageReconciler,
    private readonly snapshots: JoinSnapshots,
  ) {
    super();
  }

  async setOnStage(sessionId: string, personId: string, onStage: boolean): Promise<void> {
    await this.changeStage(sessionId, personId, onStage, null);
  }

  async changeStage(sessionId: string, personId: string, onStage: boolean, by: string | null): Promise<StageChange> {
    await this.rows.setAssignment(sessionId, personId, onStage, by);
    this.snapshots.invalidate(sessionId);
    try {
      const { connected } = await this.reconciler.reconcilePerson(sessionId, participantIdentity(personId), { countAsDrift: false });
      return { personId, onStage, connected, applied: true };
    } catch (error) {
      if (!isUnavailable(error)) throw error;
      this.logger.warn({ msg: 'stage change recorded; LiveKit will get it from the reconciler', sessionId, personId, onStage });
      return { personId, onStage, connected: false, applied: false };
    }
  }

  /** Mutes one published track (moderators can mute, only the participant can unmute). */
  async mute(sessionId: string, personId: string, trackSid: string): Promise<{ trackSid: string; muted: boolean }> {
    const identity = participantIdentity(personId);
    for (const kind of ['stage', 'backstage'] as const) {
      const room = roomNameFor(sessionId, kind);
      // Look first: LiveKit 1.13.5 answers an unknown track with 200 and nothing, an absent room only after 3 s with 503.
      const participant = await this.livekit.call('getParticipant', (c) => c.getParticipant(room, identity)).catch((e) => (isNotFound(e) ? null : Promise.reject(e)));
      if (!participant?.tracks.some((t) => t.sid === trackSid)) continue;
      const track = await this.livekit.call('mutePublishedTrack', (c) => c.mutePublishedTrack(room, identity, trackSid, true));
      return { trackSid, muted: track?.muted ?? true };
    }
    throw new DomainError('NOT_FOUND', 'This person is not connected or has no such track', { personId, trackSid });
  }

  /** Removed for good: a ban row (refuses joins; the webhook and reconciler remove reconnects), then disconnect. */
  async remove(sessionId: string, personId: string, by: string | null): Promise<{ personId: string; banned: true; disconnected: number; pending: boolean }> {
    // An unknown id is a 404 in words, not a foreign-key error that names our tables.
    if (!(await this.rows.personExists(personId))) throw new DomainError('NOT_FOUND', 'No such person');
    await this.rows.ban(sessionId, personId, by);
    this.snapshots.invalidate(sessionId);
    let disconnected = 0;
    try {
      for (const kind of ['stage', 'backstage'] as const) {
        for (const identity of [participantIdentity(personId), participantIdentity(personId, true)]) {
          try {
            await this.livekit.call('removeParticipant', (c) => c.removeParticipant(roomNameFor(sessionId, kind), identity));
            disconnected++;
          } catch (error) {
            if (!isNotFound(error)) throw error;
          }
        }
      }
    } catch (error) {
      if (!isUnavailable(error)) throw error;
      return { personId, banned: true, disconnected, pending: true };
    }
    return { personId, banned: true, disconnected, pending: false };
  }

  /** Who is removed from this session, newest first, so a moderator can take a mistake back. */
  async bans(sessionId: string): Promise<Ban[]> {
    const rows = await this.rows.bans(sessionId);
    return rows.map((r) => ({ personId: r.person_id, displayName: r.display_name, bannedBy: r.banned_by, bannedAt: new Date(r.created_at).toISOString() }));
  }

  /** Takes a removal back: the person may join again with a new token. */
  async unban(sessionId: string, personId: string, by: string | null): Promise<{ personId: string; banned: false }> {
    if (!(await this.rows.unban(sessionId, personId))) throw new DomainError('NOT_FOUND', 'This person is not removed from this session', { personId });
    this.snapshots.invalidate(sessionId);
    this.logger.log({ msg: 'removal taken back', sessionId, personId, by });
    return { personId, banned: false };
  }

  /** Whether the stage room is locked (false until a moderator locks it). */
  async lockState(sessionId: string): Promise<{ locked: boolean }> {
    return { locked: await this.rows.locked(sessionId) };
  }

  /**
   * The stage layout every viewer sees: stored first (joins carry it from then on), then set as the stage
   * room's metadata, which LiveKit sends to everyone connected; a room that does not exist yet gets it when created.
   */
  async setLayout(sessionId: string, layout: StageLayout, by: string | null): Promise<LayoutState> {
    await this.rows.setLayout(sessionId, layout, by);
    this.snapshots.invalidate(sessionId);
    const session = await this.snapshots.get(sessionId);
    if (!session) throw new DomainError('NOT_FOUND', 'No such session');
    const metadata = roomMetadata({ id: sessionId, title: session.title, capacity: session.capacity, conferenceSlug: session.conferenceSlug, layout }, 'stage');
    try {
      await this.livekit.call('updateRoomMetadata', (c) => c.updateRoomMetadata(roomNameFor(sessionId, 'stage'), metadata));
      return { layout, applied: true };
    } catch (error) {
      if (!isNotFound(error) && !isUnavailable(error)) throw error;
      return { layout, applied: isNotFound(error) }; // no room yet: nobody is watching, the room is created with it
    }
  }

  /** A locked room refuses new join tokens for everyone but moderators, organisers and the desk. */
  async lock(sessionId: string, locked: boolean, by: string | null): Promise<{ locked: boolean }> {
    await this.rows.setLocked(sessionId, locked, by);
    this.snapshots.invalidate(sessionId);
    return { locked };
  }
}
