import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError, type RoomView } from '@podium/contracts';
import { validateRoom, type Room } from '@podium/programme';
import { Access } from '../identity/access.decorator';
import { CurrentAccess, type AccessContext } from '../identity/principal';
import { CreateRoomDto, UpdateRoomDto } from './dto/resources.dto';
import { isUuid, ProgrammeStore } from './programme-store';
import { RoomsRepository } from './rooms-repository';
import { toRoom } from './rows';
import { roomView } from './views';

/** Rooms of a conference: virtual stages, forum rooms, halls, with capacity and changeover buffer. */
@ApiTags('programme')
@Controller('api/conferences/:slug/rooms')
export class RoomsController {
  constructor(
    private readonly rooms: RoomsRepository,
    private readonly store: ProgrammeStore,
  ) {}

  @Get()
  @Access.public()
  @ApiOperation({ summary: 'Rooms in display order' })
  async list(@Param('slug') slug: string, @CurrentAccess() access: AccessContext): Promise<RoomView[]> {
    const conference = await this.store.visibleConference(slug, access);
    const rows = await this.rooms.list(conference.id);
    return rows.map((r) => roomView(toRoom(r)));
  }

  @Post()
  @Access.to('conference.manage', { conferenceSlugParam: 'slug' })
  @ApiOperation({ summary: 'Add a room' })
  async create(@Body() body: CreateRoomDto, @CurrentAccess() access: AccessContext): Promise<RoomView> {
    const room = validateRoom({ id: 'new', name: body.name, kind: body.kind ?? 'virtual-stage', capacity: body.capacity ?? undefined, changeoverMinutes: body.changeoverMinutes ?? 0, position: body.position ?? 0 });
    await this.assertNameFree(access.conferenceId!, room.name, null);
    const row = await this.rooms.insert(access.conferenceId!, room);
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
    const row = await this.rooms.update(roomId, room);
    return roomView(toRoom(row));
  }

  @Delete(':roomId')
  @HttpCode(204)
  @Access.to('conference.manage', { conferenceSlugParam: 'slug' })
  @ApiOperation({ summary: 'Remove a room (its sessions stay, without a room)' })
  async remove(@Param('roomId') roomId: string, @CurrentAccess() access: AccessContext) {
    await this.find(access.conferenceId!, roomId);
    await this.rooms.remove(roomId);
  }

  private async find(conferenceId: string, roomId: string): Promise<Room> {
    const row = isUuid(roomId) ? await this.rooms.find(conferenceId, roomId) : null;
    if (!row) throw new DomainError('NOT_FOUND', 'No such room in this conference');
    return toRoom(row);
  }

  private async assertNameFree(conferenceId: string, name: string, except: string | null): Promise<void> {
    if (await this.rooms.nameTaken(conferenceId, name, except)) throw new DomainError('CONFLICT', `name: a room "${name}" already exists in this conference`, { field: 'name' });
  }
}
