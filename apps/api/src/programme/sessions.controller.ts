import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DomainError, type SessionDetails, type SessionView, type SessionWriteAnswer } from '@podium/contracts';
import { effectiveCapacity, type Programme, type Session } from '@podium/programme';
import { Access } from '../identity/access.decorator';
import { CurrentAccess, type AccessContext } from '../identity/principal';
import { CreateSessionDto, UpdateSessionDto } from './dto/session.dto';
import { ProgrammeReads } from './programme-reads.service';
import { ProgrammeStore } from './programme-store';
import { RegistrationsRepository } from './registrations-repository';
import { SessionWrites, type SessionWriteResult } from './session-writes.service';
import { roomView, sessionView, trackView, type ViewContext } from './views';

export const isForced = (force: string | undefined) => force === 'true' || force === '1';

/** Sessions: public reads, organiser writes (409 on conflicts unless ?force=true). */
@ApiTags('programme')
@Controller('api')
export class SessionsController {
  constructor(
    private readonly seats: RegistrationsRepository,
    private readonly store: ProgrammeStore,
    private readonly reads: ProgrammeReads,
    private readonly writes: SessionWrites,
  ) {}

  @Get('conferences/:slug/sessions')
  @Access.public()
  @ApiOperation({ summary: 'Every session of the conference, in programme order' })
  async list(@Param('slug') slug: string, @CurrentAccess() access: AccessContext): Promise<SessionView[]> {
    const { programme, ctx } = await this.reads.bySlug(slug, access);
    return programme.sessions.map((s) => sessionView(s, ctx));
  }

  @Get('conferences/:slug/sessions/:id')
  @Access.public()
  @ApiOperation({ summary: 'One session with its people, room and track' })
  async getInConference(@Param('slug') slug: string, @Param('id') id: string, @CurrentAccess() access: AccessContext): Promise<SessionDetails> {
    return this.details(id, access, slug);
  }

  @Get('sessions/:id')
  @Access.public()
  @ApiOperation({ summary: 'One session with its people, room and track' })
  async get(@Param('id') id: string, @CurrentAccess() access: AccessContext): Promise<SessionDetails> {
    return this.details(id, access);
  }

  @Post('conferences/:slug/sessions')
  @Access.to('conference.manage', { conferenceSlugParam: 'slug' })
  @ApiQuery({ name: 'force', required: false, description: 'true: write even if it creates conflicts' })
  @ApiOperation({ summary: 'Create a session (409 naming the other session on a conflict)' })
  async create(@Body() body: CreateSessionDto, @Query('force') force: string | undefined, @CurrentAccess() access: AccessContext): Promise<SessionWriteAnswer> {
    return this.answer(await this.writes.create(access.conferenceId!, body, isForced(force)));
  }

  @Patch('sessions/:id')
  @Access.to('conference.manage', { sessionIdParam: 'id' })
  @ApiQuery({ name: 'force', required: false })
  @ApiOperation({ summary: 'Change a session (409 naming the other session on a conflict)' })
  async update(@Param('id') id: string, @Body() body: UpdateSessionDto, @Query('force') force: string | undefined, @CurrentAccess() access: AccessContext): Promise<SessionWriteAnswer> {
    return this.answer(await this.writes.update(access.conferenceId!, id, body, isForced(force)));
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  @Access.to('conference.manage', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'Delete a session' })
  async remove(@Param('id') id: string, @CurrentAccess() access: AccessContext) {
    await this.writes.remove(access.conferenceId!, id);
  }

  private answer(result: SessionWriteResult): SessionWriteAnswer {
    return { ...sessionView(result.session, this.reads.context(result.programme)), conflicts: result.conflicts };
  }

  private async details(id: string, access: AccessContext, slug?: string): Promise<SessionDetails> {
    const { conference } = await this.store.visibleSession(id, access, slug);
    const { programme, ctx } = await this.reads.of(conference);
    const session = programme.sessions.find((s) => s.id === id);
    if (!session) throw new DomainError('NOT_FOUND', 'No such session');
    return sessionDetails(session, programme, ctx, await this.seats.count(id));
  }
}

export function sessionDetails(session: Session, programme: Programme, ctx: ViewContext, registrations: number) {
  const room = programme.rooms.find((r) => r.id === session.roomId);
  const track = programme.tracks.find((t) => t.id === session.trackId);
  const c = programme.conference;
  return {
    ...sessionView(session, ctx),
    conference: { id: c.id, slug: c.slug, title: c.title, timezone: c.timezone },
    room: room ? roomView(room) : null,
    track: track ? trackView(track) : null,
    registrations: { count: registrations, capacity: effectiveCapacity(session, room) ?? null },
  };
}
