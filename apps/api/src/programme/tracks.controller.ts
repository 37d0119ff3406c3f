import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { DomainError, type TrackView } from '@podium/contracts';
import { validateTrack } from '@podium/programme';
import { Access } from '../identity/access.decorator';
import { CurrentAccess, type AccessContext } from '../identity/principal';
import { CreateTrackDto, UpdateTrackDto } from './dto/resources.dto';
import { isUuid, ProgrammeStore } from './programme-store';
import { toTrack, type TrackRow } from './rows';
import { trackView } from './views';

/** Tracks (themes, day mottos) of a conference. */
@ApiTags('programme')
@Controller('api/conferences/:slug/tracks')
export class TracksController {
  constructor(
    private readonly db: DataSource,
    private readonly store: ProgrammeStore,
  ) {}

  @Get()
  @Access.public()
  @ApiOperation({ summary: 'Tracks' })
  async list(@Param('slug') slug: string, @CurrentAccess() access: AccessContext): Promise<TrackView[]> {
    const conference = await this.store.visibleConference(slug, access);
    const rows: TrackRow[] = await this.db.query('SELECT id, name, color FROM track WHERE conference_id = $1 ORDER BY position, name', [conference.id]);
    return rows.map((r) => trackView(toTrack(r)));
  }

  @Post()
  @Access.to('conference.manage', { conferenceSlugParam: 'slug' })
  @ApiOperation({ summary: 'Add a track' })
  async create(@Body() body: CreateTrackDto, @CurrentAccess() access: AccessContext): Promise<TrackView> {
    const track = validateTrack({ id: 'new', name: body.name, color: body.color ?? undefined });
    await this.assertNameFree(access.conferenceId!, track.name, null);
    const [row]: TrackRow[] = await this.db.query(
      `INSERT INTO track (conference_id, name, color, position) VALUES ($1, $2, $3, (SELECT count(*) FROM track WHERE conference_id = $1)) RETURNING id, name, color`,
      [access.conferenceId, track.name, track.color ?? null],
    );
    return trackView(toTrack(row));
  }

  @Patch(':trackId')
  @Access.to('conference.manage', { conferenceSlugParam: 'slug' })
  @ApiOperation({ summary: 'Change a track' })
  async update(@Param('trackId') trackId: string, @Body() body: UpdateTrackDto, @CurrentAccess() access: AccessContext): Promise<TrackView> {
    const current = await this.find(access.conferenceId!, trackId);
    const track = validateTrack({ ...current, name: body.name ?? current.name, color: body.color === null ? undefined : (body.color ?? current.color) });
    await this.assertNameFree(access.conferenceId!, track.name, trackId);
    const [row]: TrackRow[] = await this.db.query('WITH u AS (UPDATE track SET name = $2, color = $3 WHERE id = $1 RETURNING id, name, color) SELECT * FROM u', [trackId, track.name, track.color ?? null]);
    return trackView(toTrack(row));
  }

  @Delete(':trackId')
  @HttpCode(204)
  @Access.to('conference.manage', { conferenceSlugParam: 'slug' })
  @ApiOperation({ summary: 'Remove a track (its sessions stay)' })
  async remove(@Param('trackId') trackId: string, @CurrentAccess() access: AccessContext) {
    await this.find(access.conferenceId!, trackId);
    await this.db.query('DELETE FROM track WHERE id = $1', [trackId]);
  }

  private async find(conferenceId: string, trackId: string) {
    const rows: TrackRow[] = isUuid(trackId) ? await this.db.query('SELECT id, name, color FROM track WHERE id = $1 AND conference_id = $2', [trackId, conferenceId]) : [];
    if (!rows[0]) throw new DomainError('NOT_FOUND', 'No such track in this conference');
    return toTrack(rows[0]);
  }

  private async assertNameFree(conferenceId: string, name: string, except: string | null): Promise<void> {
    const rows = await this.db.query('SELECT 1 FROM track WHERE conference_id = $1 AND name = $2 AND id IS DISTINCT FROM $3::uuid', [conferenceId, name, except]);
    if (rows.length) throw new DomainError('CONFLICT', `name: a track "${name}" already exists in this conference`, { field: 'name' });
  }
}
