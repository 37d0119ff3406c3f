import { Injectable } from '@nestjs/common';
import type { ParticipantInfo } from 'livekit-server-sdk';
import { DataSource } from 'typeorm';
import { DomainError, type Attendance, type AttendanceTimelineBody } from '@podium/contracts';
import { attendanceTimeline, bucketCount, MAX_ATTENDANCE_BUCKETS, personIdOfIdentity, type PresenceInterval, type RoomKind } from '@podium/livestream';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface RoomRef {
  sessionId: string;
  kind: RoomKind;
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

/** Who was in which room when: one row per connection, written from webhooks and reconciliation. */
@Injectable()
export class PresenceService {
  constructor(private readonly db: DataSource) {}

  async joined(room: RoomRef, p: ParticipantInfo, atMs: number): Promise<void> {
    // A late joined after its left keeps the row closed; a duplicate keeps the earliest join.
    await this.db.query(
      `INSERT INTO livestream_presence (session_id, room_kind, room_sid, participant_sid, identity, person_id, joined_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (participant_sid) DO UPDATE SET joined_at = LEAST(livestream_presence.joined_at, EXCLUDED.joined_at)`,
      [room.sessionId, room.kind, room.roomSid, p.sid, p.identity, personOf(p.identity), joinedAtOf(p, atMs)],
    );
  }

  async left(room: RoomRef, p: ParticipantInfo, atMs: number, reason: string): Promise<void> {
    // A left before its joined creates the row already closed; a reconciler guess yields to the real time.
    await this.db.query(
      `INSERT INTO livestream_presence (session_id, room_kind, room_sid, participant_sid, identity, person_id, joined_at, left_at, left_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz, GREATEST($7::timestamptz, $8::timestamptz), $9)
       ON CONFLICT (participant_sid) DO UPDATE SET
         left_at = CASE WHEN livestream_presence.left_at IS NULL OR livestream_presence.left_reason LIKE 'reconciled%'
                        THEN GREATEST(livestream_presence.joined_at, EXCLUDED.left_at) ELSE livestream_presence.left_at END,
         left_reason = CASE WHEN livestream_presence.left_at IS NULL OR livestream_presence.left_reason LIKE 'reconciled%'
                        THEN EXCLUDED.left_reason ELSE livestream_presence.left_reason END`,
      [room.sessionId, room.kind, room.roomSid, p.sid, p.identity, personOf(p.identity), joinedAtOf(p, atMs), new Date(atMs), reason],
    );
  }

  /** room_finished: whoever is still open in that room instance has left. */
  async roomFinished(roomSid: string, atMs: number): Promise<void> {
    await this.db.query(
      `UPDATE livestream_presence SET left_at = GREATEST(joined_at, $2::timestamptz), left_reason = 'room_finished' WHERE room_sid = $1 AND left_at IS NULL`,
      [roomSid, new Date(atMs)],
    );
  }

  /** Makes the rows of one room match LiveKit's participant list (missed webhooks, restarts). */
  async syncRoom(room: RoomRef, participants: readonly ParticipantInfo[], listedAtMs: number): Promise<void> {
    const sids = participants.map((p) => p.sid);
    await this.db.query(
      `UPDATE livestream_presence SET left_at = GREATEST(joined_at, $4::timestamptz), left_reason = 'reconciled: not in the room'
        WHERE session_id = $1 AND room_kind = $2 AND left_at IS NULL AND joined_at < $4 AND NOT (participant_sid = ANY($3::text[]))`,
      [room.sessionId, room.kind, sids, new Date(listedAtMs)],
    );
    if (participants.length === 0) return;
    await this.db.query(
      `INSERT INTO livestream_presence (session_id, room_kind, room_sid, participant_sid, identity, person_id, joined_at)
       SELECT $1, $2, $3, x.sid, x.identity, x.person_id::uuid, x.joined_at
         FROM unnest($4::text[], $5::text[], $6::text[], $7::timestamptz[]) AS x(sid, identity, person_id, joined_at)
       ON CONFLICT (participant_sid) DO NOTHING`,
      [room.sessionId, room.kind, room.roomSid, sids, participants.map((p) => p.identity), participants.map((p) => personOf(p.identity)), participants.map((p) => joinedAtOf(p, listedAtMs))],
    );
  }

  /** Rooms LiveKit no longer has (restart, missed room_finished): close what is still open there. */
  async closeRoomsOtherThan(liveRoomSids: readonly string[], listedAtMs: number): Promise<number> {
    const result: [unknown[], number] = await this.db.query(
      `UPDATE livestream_presence SET left_at = GREATEST(joined_at, $2::timestamptz), left_reason = 'reconciled: room gone'
        WHERE left_at IS NULL AND joined_at < $2 AND NOT (room_sid = ANY($1::text[]))`,
      [liveRoomSids, new Date(listedAtMs)],
    );
    return result[1] ?? 0;
  }

  async attendance(sessionId: string): Promise<Attendance> {
    const [row] = await this.db.query(
      `WITH p AS (SELECT * FROM livestream_presence WHERE session_id = $1 AND room_kind = 'stage'),
            edges AS (SELECT joined_at AS t, 1 AS d FROM p UNION ALL SELECT left_at, -1 FROM p WHERE left_at IS NOT NULL),
            running AS (SELECT sum(d) OVER (ORDER BY t, d ROWS UNBOUNDED PRECEDING) AS c FROM edges)
       SELECT (SELECT count(DISTINCT identity) FROM p WHERE left_at IS NULL) AS live,
              COALESCE((SELECT max(c) FROM running), 0) AS peak,
              (SELECT count(DISTINCT COALESCE(person_id::text, identity)) FROM p) AS total_unique,
              (SELECT count(*) FROM p) AS connections,
              (SELECT count(DISTINCT identity) FROM livestream_presence WHERE session_id = $1 AND room_kind = 'backstage' AND left_at IS NULL) AS backstage_live`,
      [sessionId],
    );
    return {
      sessionId,
      live: Number(row.live),
      peak: Number(row.peak),
      totalUnique: Number(row.total_unique),
      connections: Number(row.connections),
      backstageLive: Number(row.backstage_live),
    };
  }

  /** The stage room's attendance in buckets of `minutes`, from the first connection to the last (or now). */
  async timeline(sessionId: string, minutes: number, nowMs = Date.now()): Promise<AttendanceTimelineBody> {
    const rows: { who: string; joined_at: Date; left_at: Date | null }[] = await this.db.query(
      `SELECT COALESCE(person_id::text, identity) AS who, joined_at, left_at FROM livestream_presence WHERE session_id = $1 AND room_kind = 'stage'`,
      [sessionId],
    );
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
