import { Injectable, Logger } from '@nestjs/common';
import { WebhookReceiver, type WebhookEvent } from 'livekit-server-sdk';
import { DomainError } from '@podium/contracts';
import { parseForumRoomName } from '@podium/forum';
import { parseRoomName } from '@podium/livestream';
import { LiveKitRooms } from './livekit-rooms';
import { PresenceService, type RoomRef } from './presence.service';
import { StageReconciler } from './reconciler';
import { RoomDirectory } from './room-directory';
import { WebhookEventsRepository } from './webhook-events-repository';

/**
 * When the event happened: its createdAt has whole seconds, so take the end of that second, but never
 * later than now (it happened before we received it). Joins use the participant's joinedAtMs instead.
 */
export function eventTimeMs(event: Pick<WebhookEvent, 'createdAt'>, nowMs: number): number {
  const seconds = Number(event.createdAt ?? 0n);
  return seconds > 0 ? Math.min(nowMs, seconds * 1000 + 999) : nowMs;
}

export type WebhookOutcome = 'handled' | 'duplicate' | 'ignored';

/** Rooms whose webhooks write presence: the livestream's stage and backstage, a forum's room and its groups. */
function presenceRoomOf(name: string): Pick<RoomRef, 'sessionId' | 'kind'> | null {
  const stage = parseRoomName(name);
  if (stage) return stage;
  const forum = parseForumRoomName(name);
  return forum ? { sessionId: forum.sessionId, kind: 'forum' } : null;
}

/** LiveKit's webhooks: verified, counted once, turned into presence rows and reconciliation hints. */
@Injectable()
export class WebhookService {
  private readonly logger = new Logger('livekit-webhook');
  private receiver: { key: string; receiver: WebhookReceiver } | null = null;

  constructor(
    private readonly events: WebhookEventsRepository,
    private readonly livekit: LiveKitRooms,
    private readonly presence: PresenceService,
    private readonly reconciler: StageReconciler,
    private readonly rooms: RoomDirectory,
  ) {}

  /** Checks the JWT signature and the body's sha256 against the raw bytes LiveKit sent. */
  async verify(body: unknown, authorization: string | undefined): Promise<WebhookEvent> {
    const t = this.livekit.target();
    const key = `${t.apiKey}|${t.apiSecret}`;
    if (this.receiver?.key !== key) this.receiver = { key, receiver: new WebhookReceiver(t.apiKey, t.apiSecret) };
    if (!Buffer.isBuffer(body) || body.length === 0 || !authorization) throw new DomainError('UNAUTHENTICATED', 'Webhook without a signed body');
    try {
      return await this.receiver.receiver.receive(body.toString('utf8'), authorization);
    } catch (error) {
      throw new DomainError('UNAUTHENTICATED', `Webhook signature or body hash does not match: ${(error as Error).message}`);
    }
  }

  async handle(event: WebhookEvent): Promise<WebhookOutcome> {
    const parsed = event.room ? presenceRoomOf(event.room.name) : null;
    if (!parsed || !event.id) return 'ignored';
    if (!(await this.events.recordOnce(event.id, event.event, event.room!.name))) return 'duplicate';
    const room: RoomRef = { sessionId: parsed.sessionId, kind: parsed.kind, roomSid: event.room!.sid };
    const atMs = eventTimeMs(event, Date.now());
    // A forum's rooms are the forum's (ForumMedia sets their rights): presence only, no stage reconciliation.
    const stage = room.kind !== 'forum';
    switch (event.event) {
      case 'participant_joined':
        if (!event.participant) return 'ignored';
        await this.presence.joined(room, event.participant, atMs);
        if (stage) this.checkJoined(room, event);
        return 'handled';
      case 'participant_left':
      case 'participant_connection_aborted':
        if (!event.participant) return 'ignored';
        await this.presence.left(room, event.participant, atMs, event.event);
        return 'handled';
      case 'track_published':
      case 'room_started':
        if (stage) this.reconciler.schedule(event.room!.name);
        return 'handled';
      case 'room_finished':
        // room_started may follow room_finished: only this room instance (sid) is closed.
        await this.presence.roomFinished(event.room!.sid, atMs);
        if (stage) this.rooms.forget(event.room!.name);
        return 'handled';
      default:
        return 'ignored';
    }
  }

  /** A banned identity that rejoined with an old token is removed; a stale grant is corrected. */
  private checkJoined(room: RoomRef, event: WebhookEvent): void {
    const participant = event.participant!;
    const job =
      room.kind === 'stage'
        ? this.reconciler.reconcilePerson(room.sessionId, participant.identity, { countAsDrift: true, known: participant })
        : Promise.resolve(this.reconciler.schedule(event.room!.name));
    void job.catch((error) => this.logger.warn({ msg: 'could not check a joined participant', identity: participant.identity, error: (error as Error).message }));
  }
}
