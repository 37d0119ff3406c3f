import { Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { agenda } from '@podium/programme';
import { Access } from '../identity/access.decorator';
import { CurrentAccess, type AccessContext } from '../identity/principal';
import { BookmarksRepository } from './bookmarks-repository';
import { ProgrammeReads } from './programme-reads.service';
import { ProgrammeStore } from './programme-store';
import { sessionView } from './views';
import type { BookmarkIds, MyAgenda } from '@podium/contracts';

/** A signed-in person's own agenda: bookmarks, and the agenda with overlap warnings. */
@ApiTags('programme')
@Controller('api')
export class BookmarksController {
  constructor(
    private readonly bookmarkRows: BookmarksRepository,
    private readonly store: ProgrammeStore,
    private readonly reads: ProgrammeReads,
  ) {}

  @Put('sessions/:id/bookmark')
  @HttpCode(204)
  @Access.signedIn()
  @ApiOperation({ summary: 'Bookmark a session (idempotent)' })
  async add(@Param('id') id: string, @CurrentAccess() access: AccessContext) {
    const { conference } = await this.store.visibleSession(id, access);
    await this.store.assertGuestOf(conference.id, access);
    await this.bookmarkRows.add(access.principal!.personId, id);
  }

  @Delete('sessions/:id/bookmark')
  @HttpCode(204)
  @Access.signedIn()
  @ApiOperation({ summary: 'Remove a bookmark (idempotent)' })
  async remove(@Param('id') id: string, @CurrentAccess() access: AccessContext) {
    // The same door as adding: a guest acts only in the conference it signed in to.
    const { conference } = await this.store.visibleSession(id, access);
    await this.store.assertGuestOf(conference.id, access);
    await this.bookmarkRows.remove(access.principal!.personId, id);
  }

  @Get('conferences/:slug/my-agenda')
  @Access.signedIn()
  @ApiOperation({ summary: 'My bookmarked sessions in programme order, with overlap and cancellation warnings' })
  async myAgenda(@Param('slug') slug: string, @CurrentAccess() access: AccessContext): Promise<MyAgenda> {
    const { programme, ctx } = await this.reads.bySlug(slug, access);
    const mine = await this.bookmarkRows.inConference(access.principal!.personId, programme.conference.id);
    const result = agenda(programme.sessions, mine);
    return { sessions: result.sessions.map((s) => sessionView(s, ctx)), warnings: result.warnings };
  }

  // The web client's shape: bookmarks per conference.
  @Get('conferences/:slug/bookmarks')
  @Access.signedIn()
  @ApiOperation({ summary: 'My bookmarked session ids in this conference' })
  async list(@Param('slug') slug: string, @CurrentAccess() access: AccessContext): Promise<BookmarkIds> {
    const conference = await this.store.visibleConference(slug, access);
    return { sessionIds: await this.bookmarkRows.inConference(access.principal!.personId, conference.id) };
  }

  @Put('conferences/:slug/bookmarks/:id')
  @HttpCode(204)
  @Access.signedIn()
  @ApiOperation({ summary: 'Bookmark a session (same as PUT /api/sessions/:id/bookmark)' })
  async addInConference(@Param('slug') slug: string, @Param('id') id: string, @CurrentAccess() access: AccessContext) {
    await this.store.visibleSession(id, access, slug);
    await this.add(id, access);
  }

  @Delete('conferences/:slug/bookmarks/:id')
  @HttpCode(204)
  @Access.signedIn()
  @ApiOperation({ summary: 'Remove a bookmark' })
  async removeInConference(@Param('slug') slug: string, @Param('id') id: string, @CurrentAccess() access: AccessContext) {
    await this.store.visibleSession(id, access, slug);
    await this.remove(id, access);
  }
}
