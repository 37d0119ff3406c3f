import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RoomKind } from '@podium/livestream';

/** The rooms presence rows are kept for: the livestream's stage and backstage, and a forum's rooms (groups included). */
export type PresenceKind = RoomKind | 'forum';
/** The audience's rooms: a session is a livestream (stage) or a forum, so both count as attending it. */
const ATTENDING = `room_kind IN ('stage', 'forum')`;

/** One connection to a room as the presence table keeps it. */
export interface Connection {
  sessionId: string;
  kind: PresenceKind;
  roomSid: string;
  participantSid: string;
  identity: string;
  personId: string | null;
  joinedAt: Date;
}

export interface AttendanceCounts {
  live: number;
  peak: number;
  totalUnique: number;
  connections: number;
  backstageLive: number;
}

export interface PresenceRow {
  who: string;
  joined_at: Date;
  left_at: Date | null;
}

/** The livestream_presence table's SQL: one row per connection, opened on join, closed on leave. */
@Injectable()
export class PresenceRepository {
  constructor(private readonly db: DataSource) {}

  /** A late joined after its left keeps the row closed; a duplicate keeps the earliest join. */
  async opened(c: Connection): Promise<void> {
    await this.db.query(
      `INSERT INTO livestream_presence (session_id, room_kind, room_sid, participant_sid, identity, person_id, joined_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (participant_sid) DO UPDATE SET joined_at = LEAST(livestream_presence.joined_at, EXCLUDED.joined_at)`,
      [c.sessionId, c.kind, c.roomSid, c.participantSid, c.identity, c.personId, c.joinedAt],
    );
  }

  /** A left before its joined creates the row already closed; a reconciler guess yields to the real time. */
  async closed(c: Connection, leftAt: Date, reason: string): Promise<void> {
    await this.db.query(
      `INSERT INTO livestream_presence (session_id, room_kind, room_sid, participant_sid, identity, person_id, joined_at, left_at, left_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz, GREATEST($7::timestamptz, $8::timestamptz), $9)
       ON CONFLICT (participant_sid) DO UPDATE SET
         left_at = CASE WHEN livestream_presence.left_at IS NULL OR livestream_presence.left_reason LIKE 'reconciled%'
                        THEN GREATEST(livestream_presence.joined_at, EXCLUDED.left_at) ELSE livestream_presence.left_at END,
         left_reason = CASE WHEN livestream_presence.left_at IS NULL OR livestream_presence.left_reason LIKE 'reconciled%'
                        THEN EXCLUDED.left_reason ELSE livestream_presence.left_reason END`,
      [c.sessionId, c.kind, c.roomSid, c.participantSid, c.identity, c.personId, c.joinedAt, leftAt, reason],
    );
  }

  /** Whoever is still open in that room instance has left. */
  async closeRoom(roomSid: string, at: Date): Promise<void> {
    await this.db.query(
      `UPDATE livestream_presence SET left_at = GREATEST(joined_at, $2::timestamptz), left_reason = 'room_finished' WHERE room_sid = $1 AND left_at IS NULL`,
      [roomSid, at],
    );
  }

  /** Closes the open rows of the session's room that joined before `listedAt` and are not among `participantSids`. */
  async closeAbsent(sessionId: string, kind: PresenceKind, participantSids: readonly string[], listedAt: Date): Promise<void> {
    await this.db.query(
      `UPDATE livestream_presence SET left_at = GREATEST(joined_at, $4::timestamptz), left_reason = 'reconciled: not in the room'
        WHERE session_id = $1 AND room_kind = $2 AND left_at IS NULL AND joined_at < $4 AND NOT (participant_sid = ANY($3::text[]))`,
      [sessionId, kind, participantSids, listedAt],
    );
  }

  /** Opens rows for connections not seen yet (one statement for the whole list). */
  async openMissing(connections: readonly Connection[]): Promise<void> {
    if (connections.length === 0) return;
    const [first] = connections;
    await this.db.query(
      `INSERT INTO livestream_presence (session_id, room_kind, room_sid, participant_sid, identity, person_id, joined_at)
       SELECT $1, $2, $3, x.sid, x.identity, x.person_id::uuid, x.joined_at
         FROM unnest($4::text[], $5::text[], $6::text[], $7::timestamptz[]) AS x(sid, identity, person_id, joined_at)
       ON CONFLICT (participant_sid) DO NOTHING`,
      [
        first.sessionId,
        first.kind,
        first.roomSid,
        connections.map((c) => c.participantSid),
        connections.map((c) => c.identity),
        connections.map((c) => c.personId),
        connections.map((c) => c.joinedAt),
      ],
    );
  }

  /** Closes open rows of rooms not in `liveRoomSids` that joined before `listedAt`; answers how many. */
  async closeRoomsOtherThan(liveRoomSids: readonly string[], listedAt: Date): Promise<number> {
    const result: [unknown[], number] = await this.db.query(
      `UPDATE livestream_presence SET left_at = GREATEST(joined_at, $2::timestamptz), left_reason = 'reconciled: room gone'
        WHERE left_at IS NULL AND joined_at < $2 AND NOT (room_sid = ANY($1::text[]))`,
      [liveRoomSids, listedAt],
    );
    return result[1] ?? 0;
  }

  /** Live, peak, unique and connection counts of the stage room (a forum's rooms), and who is in the backstage now. */
  async counts(sessionId: string): Promise<AttendanceCounts> {
    const [row] = await this.db.query(
      `WITH p AS (SELECT * FROM livestream_presence WHERE session_id = $1 AND ${ATTENDING}),
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
      live: Number(row.live),
      peak: Number(row.peak),
      totalUnique: Number(row.total_unique),
      connections: Number(row.connections),
      backstageLive: Number(row.backstage_live),
    };
  }

  /** The stage room's (a forum's rooms') connections (person id, else identity, as `who`). */
  stageIntervals(sessionId: string): Promise<PresenceRow[]> {
    return this.db.query(`SELECT COALESCE(person_id::text, identity) AS who, joined_at, left_at FROM livestream_presence WHERE session_id = $1 AND ${ATTENDING}`, [
      sessionId,
    ]);
  }
}
