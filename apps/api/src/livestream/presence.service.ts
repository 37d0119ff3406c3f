import { Injectable } from '@nestjs/common';
import type { ParticipantInfo } from 'livekit-server-sdk';
import { DomainError, type Attendance, type AttendanceTimelineBody } from '@podium/contracts';
import { attendanceTimeline, bucketCount, MAX_ATTENDANCE_BUCKETS, personIdOfIdentity, type PresenceInterval } from '@podium/livestream';
import { PresenceRepository, type Connection, type PresenceKind } from './presence-repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface RoomRef {
  sessionId: string;
  kind: PresenceKind;
  roomSid: string;
}

/** When LiveKit says a participant connected (ms; their joinedAt survives late delivery). */
export function joinedAtOf(p: ParticipantInfo | undefined, fallbackMs: number): Date {
  const ms = Number(p?.joinedAtMs ?? 0n) || Number(p?.joinedAt ?? 0n) * 1000;
  return new Date(ms > 0 ? ms : fallbackMs);
}

const personOf = (identity: string) => {
  const id = personIdOfIdentity(identity);
  return UUID.test(id) ? id : null;
};

/** A participant of a room as a presence row; `fallbackMs` when LiveKit gave no join time. */
const connection = (room: RoomRef, p: ParticipantInfo, fallbackMs: number): Connection => ({
  sessionId: room.sessionId,
  kind: room.kind,
  roomSid: room.roomSid,
  participantSid: p.sid,
  identity: p.identity,
  personId: personOf(p.identity),
  joinedAt: joinedAtOf(p, fallbackMs),
});

/** Who was in which room when: one row per connection, written from webhooks and reconciliation. */
@Injectable()
export class PresenceService {
  constructor(private readonly rows: PresenceRepository) {}

  async joined(room: RoomRef, p: ParticipantInfo, atMs: number): Promise<void> {
    await this.rows.opened(connection(room, p, atMs));
  }

  async left(room: RoomRef, p: ParticipantInfo, atMs: number, reason: string): Promise<void> {
    await this.rows.closed(connection(room, p, atMs), new Date(atMs), reason);
  }

  /** room_finished: whoever is still open in that room instance has left. */
  async roomFinished(roomSid: string, atMs: number): Promise<void> {
    await this.rows.closeRoom(roomSid, new Date(atMs));
  }

  /** Makes the rows of one room match LiveKit's participant list (missed webhooks, restarts). */
  async syncRoom(room: RoomRef, participants: readonly ParticipantInfo[], listedAtMs: number): Promise<void> {
    await this.rows.closeAbsent(room.sessionId, room.kind, participants.map((p) => p.sid), new Date(listedAtMs));
    await this.rows.openMissing(participants.map((p) => connection(room, p, listedAtMs)));
  }

  /** Rooms LiveKit no longer has (restart, missed room_finished): close what is still open there. */
  closeRoomsOtherThan(liveRoomSids: readonly string[], listedAtMs: number): Promise<number> {
    return this.rows.closeRoomsOtherThan(liveRoomSids, new Date(listedAtMs));
  }

  async attendance(sessionId: string): Promise<Attendance> {
    return { sessionId, ...(await this.rows.counts(sessionId)) };
  }

  /** The stage room's attendance in buckets of `minutes`, from the first connection to the last (or now). */
  async timeline(sessionId: string, minutes: number, nowMs = Date.now()): Promise<AttendanceTimelineBody> {
    const rows = await this.rows.stageIntervals(sessionId);
    const intervals: PresenceInterval[] = rows.map((r) => ({ who: r.who, fromMs: new Date(r.joined_at).getTime(), toMs: r.left_at ? new Date(r.left_at).getTime() : null }));
    const bucketMs = minutes * 60_000;
    const count = bucketCount(intervals, bucketMs, nowMs);
    if (count > MAX_ATTENDANCE_BUCKETS) {
      const enough = Math.ceil((count * minutes) / MAX_ATTENDANCE_BUCKETS);
      throw new DomainError('VALIDATION', `minutes: ${minutes}-minute buckets would make ${count} (at most ${MAX_ATTENDANCE_BUCKETS}); choose at least ${enough}`, { field: 'minutes', atLeast: enough });
    }
    const t = attendanceTimeline(intervals, bucketMs, nowMs);
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    return { sessionId, minutes, from: iso(t.fromMs), to: iso(t.toMs), buckets: t.buckets.map((b) => ({ start: new Date(b.startMs).toISOString(), peak: b.peak, unique: b.unique })) };
  }
}
