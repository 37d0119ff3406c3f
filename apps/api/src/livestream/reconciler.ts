import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { ParticipantInfo } from 'livekit-server-sdk';
import {
  computeStageDrift,
  desiredStage,
  fromParticipantPermission,
  parseRoomName,
  personIdOfIdentity,
  roomNameFor,
  toParticipantPermission,
  type StageUpdate,
} from '@podium/livestream';
import { RUNTIME, type Runtime } from '../runtime';
import { isNotFound, LiveKitRooms } from './livekit-rooms';
import { LIVESTREAM_SETTINGS, type LivestreamSettings } from './livestream-settings';
import { PresenceService } from './presence.service';
import { RoomDirectory } from './room-directory';
import { RoomLocks } from './room-locks';
import { StageRepository } from './stage-repository';
import { WebhookEventsRepository } from './webhook-events-repository';

export interface ReconcilerStats {
  runs: number;
  roomsChecked: number;
  driftFound: number;
  driftFixed: number;
  promotions: number;
  demotions: number;
  repairs: number;
  bannedRemoved: number;
  failures: number;
  lastRunAt: string | null;
  lastDriftAt: string | null;
  lastError: string | null;
}

export interface RoomReport {
  room: string;
  participants: number;
  updates: Pick<StageUpdate, 'identity' | 'change'>[];
  removed: string[];
  absent: string[];
}

/**
 * Our database says who should be on stage; LiveKit says who can publish. This makes LiveKit follow
 * the database on webhooks, on a timer and on demand, removes banned identities again on sight, and
 * counts every drift it fixes.
 */
@Injectable()
export class StageReconciler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('reconciler');
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<unknown> | null = null;
  private readonly pending = new Set<string>();
  readonly stats: ReconcilerStats = {
    runs: 0, roomsChecked: 0, driftFound: 0, driftFixed: 0, promotions: 0, demotions: 0, repairs: 0,
    bannedRemoved: 0, failures: 0, lastRunAt: null, lastDriftAt: null, lastError: null,
  };

  constructor(
    private readonly livekit: LiveKitRooms,
    private readonly rooms: RoomDirectory,
    private readonly locks: RoomLocks,
    private readonly stage: StageRepository,
    private readonly webhookEvents: WebhookEventsRepository,
    private readonly presence: PresenceService,
    @Inject(RUNTIME) private readonly runtime: Runtime,
    @Inject(LIVESTREAM_SETTINGS) private readonly settings: LivestreamSettings,
  ) {}

  onApplicationBootstrap(): void {
    if (this.settings.reconcileIntervalMs > 0 && 'url' in this.runtime.livekit) this.startTimer(this.settings.reconcileIntervalMs);
  }

  onModuleDestroy(): void {
    this.stopTimer();
  }

  startTimer(intervalMs: number): void {
    this.stopTimer();
    this.timer = setInterval(() => void this.reconcileAll().catch(() => undefined), intervalMs);
    this.timer.unref();
  }

  stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Every Podium room LiveKit has, plus rooms of sessions whose backstage is open; one sweep at a time. */
  reconcileAll(): Promise<RoomReport[]> {
    this.sweeping ??= this.sweep().finally(() => (this.sweeping = null));
    return this.sweeping as Promise<RoomReport[]>;
  }

  /** Webhook hint: reconcile this room soon; bursts collapse into one run (plus one after it). */
  schedule(roomName: string): void {
    if (this.pending.has(roomName) || !parseRoomName(roomName)) return;
    this.pending.add(roomName);
    void this.locks
      .run(roomName, async () => {
        this.pending.delete(roomName);
        await this.reconcileRoomLocked(roomName);
      })
      .catch((error) => this.failed(`reconcile ${roomName}`, error));
  }

  reconcileRoom(roomName: string): Promise<RoomReport | null> {
    return this.locks.run(roomName, () => this.reconcileRoomLocked(roomName));
  }

  /** One person of the stage room (after a moderator's change, or their participant_joined). */
  reconcilePerson(sessionId: string, identity: string, options: { countAsDrift: boolean; known?: ParticipantInfo }): Promise<{ connected: boolean; changed: boolean }> {
    const room = roomNameFor(sessionId, 'stage');
    return this.locks.run(room, async () => {
      let participant = options.known;
      if (!participant) {
        try {
          participant = await this.livekit.call('getParticipant', (c) => c.getParticipant(room, identity));
        } catch (error) {
          if (isNotFound(error)) return { connected: false, changed: false };
          throw error;
        }
      }
      const rows = await this.stage.desired(sessionId);
      if (!rows) return { connected: true, changed: false };
      if (rows.banned.has(personIdOfIdentity(identity))) {
        await this.removeBanned(room, [identity]);
        return { connected: false, changed: true };
      }
      const drift = computeStageDrift(desiredStage('stage', { ...rows, present: [identity] }), [actualOf(participant)]);
      await this.apply(room, drift.updates, options.countAsDrift);
      return { connected: true, changed: drift.updates.length > 0 };
    });
  }

  private async sweep(): Promise<RoomReport[]> {
    const startedAt = Date.now();
    try {
      const listed = await this.livekit.call('listRooms', (c) => c.listRooms());
      const ours = listed.filter((r) => parseRoomName(r.name));
      this.rooms.retainOnly(new Set(ours.map((r) => r.name)));
      const reports: RoomReport[] = [];
      for (const room of ours) {
        const report = await this.reconcileRoom(room.name).catch((e) => void this.failed(`reconcile ${room.name}`, e));
        if (report) reports.push(report);
      }
      await this.presence.closeRoomsOtherThan(listed.map((r) => r.sid), startedAt);
      await this.openBackstages(new Set(ours.map((r) => r.name)));
      await this.webhookEvents.pruneOld();
      this.stats.runs++;
      this.stats.lastRunAt = new Date().toISOString();
      return reports;
    } catch (error) {
      this.failed('sweep', error);
      throw error;
    }
  }

  private async reconcileRoomLocked(roomName: string): Promise<RoomReport | null> {
    const parsed = parseRoomName(roomName);
    if (!parsed) return null;
    const [room] = await this.livekit.call('listRooms', (c) => c.listRooms([roomName]));
    if (!room) {
      this.rooms.forget(roomName);
      return null;
    }
    const rows = await this.stage.desired(parsed.sessionId);
    // A room named like ours but of a session we do not know belongs to someone else: hands off.
    if (!rows) return null;
    const listedAt = Date.now();
    const participants = await this.livekit.call('listParticipants', (c) => c.listParticipants(roomName));
    const banned = participants.filter((p) => rows.banned.has(personIdOfIdentity(p.identity))).map((p) => p.identity);
    await this.removeBanned(roomName, banned);
    const staying = participants.filter((p) => !banned.includes(p.identity));
    const desired = desiredStage(parsed.kind, { ...rows, present: staying.map((p) => p.identity) });
    const drift = computeStageDrift(desired, staying.map(actualOf));
    await this.apply(roomName, drift.updates, true);
    await this.presence.syncRoom({ sessionId: parsed.sessionId, kind: parsed.kind, roomSid: room.sid }, staying, listedAt);
    this.stats.roomsChecked++;
    return { room: roomName, participants: staying.length, updates: drift.updates.map((u) => ({ identity: u.identity, change: u.change })), removed: banned, absent: drift.absent };
  }

  private async apply(room: string, updates: StageUpdate[], countAsDrift: boolean): Promise<void> {
    for (const u of updates) {
      if (countAsDrift) {
        this.stats.driftFound++;
        this.stats.lastDriftAt = new Date().toISOString();
        this.logger.warn({ msg: 'stage drift', room, identity: u.identity, change: u.change, onStage: u.onStage });
      }
      try {
        await this.livekit.call('updateParticipant', (c) =>
          c.updateParticipant(room, u.identity, { permission: toParticipantPermission(u.permission), ...(Object.keys(u.attributes).length ? { attributes: u.attributes } : {}) }),
        );
      } catch (error) {
        if (isNotFound(error)) continue; // left meanwhile: nothing to fix
        throw error;
      }
      if (!countAsDrift) continue;
      this.stats.driftFixed++;
      if (u.change === 'promote') this.stats.promotions++;
      else if (u.change === 'demote') this.stats.demotions++;
      else this.stats.repairs++;
    }
  }

  private async removeBanned(room: string, identities: readonly string[]): Promise<void> {
    for (const identity of identities) {
      try {
        await this.livekit.call('removeParticipant', (c) => c.removeParticipant(room, identity));
        this.stats.bannedRemoved++;
        this.logger.warn({ msg: 'removed a banned participant again', room, identity });
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
  }

  /** Rooms are made when the backstage opens (BACKSTAGE_MINUTES before the shown start). */
  private async openBackstages(existing: ReadonlySet<string>): Promise<void> {
    const due = await this.stage.dueRooms(this.runtime.config.backstageMinutes);
    for (const s of due) {
      for (const kind of ['backstage', 'stage'] as const) {
        if (!existing.has(roomNameFor(s.id, kind))) await this.rooms.ensure({ id: s.id, title: s.title, capacity: s.capacity, conferenceSlug: s.slug }, kind);
      }
    }
  }

  private failed(what: string, error: unknown): void {
    this.stats.failures++;
    this.stats.lastError = `${what}: ${(error as Error).message}`;
    this.logger.warn({ msg: 'reconciliation failed', what, error: (error as Error).message });
  }
}

function actualOf(p: ParticipantInfo) {
  return { identity: p.identity, permission: fromParticipantPermission(p.permission as never), attributes: p.attributes ?? {} };
}
