import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Room } from '@podium/programme';
import type { RoomRow } from './rows';

const ROOM_COLUMNS = 'id, name, kind, capacity, changeover_minutes, position, guid';

/** The room table's SQL. */
@Injectable()
export class RoomsRepository {
  constructor(private readonly db: DataSource) {}

  /** A conference's rooms in display order. */
  list(conferenceId: string, m: EntityManager = this.db.manager): Promise<RoomRow[]> {
    return m.query(`SELECT ${ROOM_COLUMNS} FROM room WHERE conference_id = $1 ORDER BY position, name`, [conferenceId]);
  }

  async find(conferenceId: string, roomId: string): Promise<RoomRow | null> {
    const rows: RoomRow[] = await this.db.query(`SELECT ${ROOM_COLUMNS} FROM room WHERE id = $1 AND conference_id = $2`, [roomId, conferenceId]);
    return rows[0] ?? null;
  }

  /** Whether another room (not `except`) of the conference has this name. */
  async nameTaken(conferenceId: string, name: string, except: string | null): Promise<boolean> {
    const rows: unknown[] = await this.db.query('SELECT 1 FROM room WHERE conference_id = $1 AND name = $2 AND id IS DISTINCT FROM $3::uuid', [conferenceId, name, except]);
    return rows.length > 0;
  }

  async insert(conferenceId: string, room: Room): Promise<RoomRow> {
    const [row]: RoomRow[] = await this.db.query(
      `INSERT INTO room (conference_id, name, kind, capacity, changeover_minutes, position) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${ROOM_COLUMNS}`,
      [conferenceId, room.name, room.kind, room.capacity ?? null, room.changeoverMinutes, room.position],
    );
    return row;
  }

  async update(id: string, room: Room): Promise<RoomRow> {
    const [row]: RoomRow[] = await this.db.query(
      `WITH u AS (UPDATE room SET name = $2, kind = $3, capacity = $4, changeover_minutes = $5, position = $6 WHERE id = $1 RETURNING ${ROOM_COLUMNS}) SELECT * FROM u`,
      [id, room.name, room.kind, room.capacity ?? null, room.changeoverMinutes, room.position],
    );
    return row;
  }

  async remove(id: string): Promise<void> {
    await this.db.query('DELETE FROM room WHERE id = $1', [id]);
  }
}
