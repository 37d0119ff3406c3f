import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError, type TrackView } from '@podium/contracts';
import { validateTrack } from '@podium/programme';
import { Access } from '../identity/access.decorator';
import { CurrentAccess, type AccessContext } from '../identity/principal';
import { CreateTrackDto, UpdateTrackDto } from './dto/resources.dto';
import { isUuid, ProgrammeStore } from './programme-store';
import { toTrack } from './rows';
import { TracksRepository } from './tracks-repository';
import { trackView } from './views';

/** Tracks (themes, day mottos) of a conference. */
@ApiTags('programme')
@Controller('api/conferences/:slug/tracks')
export class TracksController {
  constructor(
    private readonly tracks: TracksRepository,
    private readonly store: ProgrammeStore,
  ) {}

  @Get()
  @Access.public()
  @ApiOperation({ summary: 'Tracks' })
  async list(@Param('slug') slug: string, @CurrentAccess() access: AccessContext): Promise<TrackView[]> {
    const conference = await this.store.visibleConference(slug, access);
    const rows = await this.tracks.list(conference.id);
    return rows.map((r) => trackView(toTrack(r)));
  }

  @Post()
  @Access.to('conference.manage', { conferenceSlugParam: 'slug' })
  @ApiOperation({ summary: 'Add a track' })
  async create(@Body() body: CreateTrackDto, @CurrentAccess() access: AccessContext): Promise<TrackView> {
    const track = validateTrack({ id: 'new', name: body.name, color: body.color ?? undefined });
    await this.assertNameFree(access.conferenceId!, track.name, null);
    const row = await this.tracks.insert(access.conferenceId!, track);
    return trackView(toTrack(row));
  }

  @Patch(':trackId')
  @Access.to('conference.manage', { conferenceSlugParam: 'slug' })
  @ApiOperation({ summary: 'Change a track' })
  async update(@Param('trackId') trackId: string, @Body() body: UpdateTrackDto, @CurrentAccess() access: AccessContext): Promise<TrackView> {
    const current = await this.find(access.conferenceId!, trackId);
    const track = validateTrack({ ...current, name: body.name ?? current.name, color: body.color === null ? undefined : (body.color ?? current.color) });
    await this.assertNameFree(access.conferenceId!, track.name, trackId);
    const row = await this.tracks.update(trackId, track);
    return trackView(toTrack(row));
  }

  @Delete(':trackId')
  @HttpCode(204)
  @Access.to('conference.manage', { conferenceSlugParam: 'slug' })
  @ApiOperation({ summary: 'Remove a track (its sessions stay)' })
  async remove(@Param('trackId') trackId: string, @CurrentAccess() access: AccessContext) {
    await this.find(access.conferenceId!, trackId);
    await this.tracks.remove(trackId);
  }

  private async find(conferenceId: string, trackId: string) {
    const row = isUuid(trackId) ? await this.tracks.find(conferenceId, trackId) : null;
    if (!row) throw new DomainError('NOT_FOUND', 'No such track in this conference');
    return toTrack(row);
  }

  private async assertNameFree(conferenceId: string, name: string, except: string | null): Promise<void> {
    if (await this.tracks.nameTaken(conferenceId, name, except)) throw new DomainError('CONFLICT', `name: a track "${name}" already exists in this conference`, { field: 'name' });
  }
}
