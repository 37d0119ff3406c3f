import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { DomainError, type RoomView } from '@podium/contracts';
import { validateRoom, type Room } from '@podium/programme';
import { Access } from '../identity/access.decorator';
import { CurrentAccess, type AccessContext } from '../identity/principal';
import { CreateRoomDto, UpdateRoomDto } from './dto/resources.dto';
import { isUuid, ProgrammeStore } from './programme-store';
import { toRoom, type RoomRow } from './rows';
import { roomView } from './views';

const ROOM_COLUMNS = 'id, name, kind, capacity, changeover_minutes, position, guid';

/** Rooms of a conference: virtual stages, forum rooms, halls, with capacity and changeover buffer. */
@ApiTags('programme')
@Controller('api/conferences/:slug/rooms')
export class RoomsController {
  constructor(
    private readonly db: DataSource,
    private readonly store: ProgrammeStore,
  ) {}

  @Get()
  @Access.public()
  @ApiOperation({ summary: 'Rooms in display order' })
  async list(@Param('slug') slug: string, @CurrentAccess() access: AccessContext): Promise<RoomView[]> {
    const conference = await this.store.visibleConference(slug, access);
    const rows: RoomRow[] = await this.db.query(`SELECT ${ROOM_COLUMNS} FROM room WHERE conference_id = $1 ORDER BY position, name`, [conference.id]);
    return rows.map((r) => roomView(toRoom(r)));
  }

  @Post()
  @Access.to('conference.manage', { conferenceSlugParam: 'slug' })
  @ApiOperation({ summary: 'Add a room' })
  async create(@Body() body: CreateRoomDto, @CurrentAccess() access: AccessContext): Promise<RoomView> {
    const room = validateRoom({ id: 'new', name: body.name, kind: body.kind ?? 'virtual-stage', capacity: body.capacity ?? undefined, changeoverMinutes: body.changeoverMinutes ?? 0, position: body.position ?? 0 });
    await this.assertNameFree(access.conferenceId!, room.name, null);
    const [row]: RoomRow[] = await this.db.query(
      `INSERT INTO room (conference_id, name, kind, capacity, changeover_minutes, position) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${ROOM_COLUMNS}`,
      [access.conferenceId, room.name, room.kind, room.capacity ?? null, room.changeoverMinutes, room.position],
    );
    return roomView(toRoom(row));
  }

  @Patch(':roomId')
  @Access.to('conference.manage', { conferenceSlugParam: 'slug' })
  @ApiOperation({ summary: 'Change a room (conflicts it creates show in /conflicts)' })
  async update(@Param('roomId') roomId: string, @Body() body: UpdateRoomDto, @CurrentAccess() access: AccessContext): Promise<RoomView> {
    const current = await this.find(access.conferenceId!, roomId);
    const room: Room = validateRoom({
      ...current,
      name: body.name ?? current.name,
      kind: body.kind ?? current.kind,
      capacity: body.capacity === null ? undefined : (body.capacity ?? current.capacity),
      changeoverMinutes: body.changeoverMinutes ?? current.changeoverMinutes,
      position: body.position ?? current.position,
    });
    await this.assertNameFree(access.conferenceId!, room.name, roomId);
    const [row]: RoomRow[] = await this.db.query(
      `WITH u AS (UPDATE room SET name = $2, kind = $3, capacity = $4, changeover_minutes = $5, position = $6 WHERE id = $1 RETURNING ${ROOM_COLUMNS}) SELECT * FROM u`,
      [roomId, room.name, room.kind, room.capacity ?? null, room.changeoverMinutes, room.position],
    );
    return roomView(toRoom(row));
  }

  @Delete(':roomId')
  @HttpCode(204)
  @Access.to('conference.manage', { conferenceSlugParam: 'slug' })
  @ApiOperation({ summary: 'Remove a room (its sessions stay, without a room)' })
  async remove(@Param('roomId') roomId: string, @CurrentAccess() access: AccessContext) {
    await this.find(access.conferenceId!, roomId);
    await this.db.query('DELETE FROM room WHERE id = $1', [roomId]);
  }

  private async find(conferenceId: string, roomId: string): Promise<Room> {
    const rows: RoomRow[] = isUuid(roomId) ? await this.db.query(`SELECT ${ROOM_COLUMNS} FROM room WHERE id = $1 AND conference_id = $2`, [roomId, conferenceId]) : [];
    if (!rows[0]) throw new DomainError('NOT_FOUND', 'No such room in this conference');
    return toRoom(rows[0]);
  }

  private async assertNameFree(conferenceId: string, name: string, except: string | null): Promise<void> {
    const rows = await this.db.query('SELECT 1 FROM room WHERE conference_id = $1 AND name = $2 AND id IS DISTINCT FROM $3::uuid', [conferenceId, name, except]);
    if (rows.length) throw new DomainError('CONFLICT', `name: a room "${name}" already exists in this conference`, { field: 'name' });
  }
}
