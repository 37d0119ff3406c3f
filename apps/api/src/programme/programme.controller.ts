import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { type ConflictsView, DomainError, type NowNextView, type ProgrammeView } from '@podium/contracts';
import { allConflicts, isInstant, isLocalDate, nowAndNext, sessionsByDay, toMs, type Programme, type Session } from '@podium/programme';
import { Access } from '../identity/access.decorator';
import { CurrentAccess, type AccessContext } from '../identity/principal';
import { ProgrammeReads } from './programme-reads.service';
import { ProgrammeStore } from './programme-store';
import { conferenceSummary, personView, roomView, sessionView, trackView } from './views';

interface Filters {
  day?: string;
  room?: string;
  track?: string;
}

/** Filters are checked against the programme, so a typo answers 400 naming the filter instead of an empty list. */
function filterSessions(programme: Programme, f: Filters): Session[] {
  if (f.day !== undefined && !isLocalDate(f.day)) throw new DomainError('VALIDATION', "day: must be a date 'YYYY-MM-DD'", { field: 'day' });
  if (f.room !== undefined && !programme.rooms.some((r) => r.id === f.room)) throw new DomainError('VALIDATION', `room: unknown room ${f.room}`, { field: 'room' });
  if (f.track !== undefined && !programme.tracks.some((t) => t.id === f.track)) throw new DomainError('VALIDATION', `track: unknown track ${f.track}`, { field: 'track' });
  return programme.sessions.filter((s) => (f.room === undefined || s.roomId === f.room) && (f.track === undefined || s.trackId === f.track));
}

/** The programme as people read it: by day and room, now-and-next, and the organisers' conflict list. */
@ApiTags('programme')
@Controller('api/conferences/:slug')
export class ProgrammeController {
  constructor(
    private readonly reads: ProgrammeReads,
    private readonly store: ProgrammeStore,
  ) {}

  @Get('programme')
  @Access.public()
  @ApiQuery({ name: 'day', required: false, description: "local date 'YYYY-MM-DD' in the conference timezone" })
  @ApiQuery({ name: 'room', required: false })
  @ApiQuery({ name: 'track', required: false })
  @ApiOperation({ summary: 'Days -> rooms -> sessions (shown times include delays), plus flat lists of rooms, tracks, people and sessions' })
  async programme(@Param('slug') slug: string, @Query() query: Record<string, string>, @CurrentAccess() access: AccessContext): Promise<ProgrammeView> {
    const { row, programme, ctx } = await this.reads.bySlug(slug, access);
    const filters: Filters = { day: query.day, room: query.room, track: query.track };
    const sessions = filterSessions(programme, filters);
    const rooms = programme.rooms.filter((r) => filters.room === undefined || r.id === filters.room);
    const days = sessionsByDay(sessions, programme.conference)
      .filter((d) => filters.day === undefined || d.date === filters.day)
      .map((d) => ({
        date: d.date,
        rooms: rooms.map((r) => ({ ...roomView(r), sessions: d.sessions.filter((s) => s.roomId === r.id).map((s) => sessionView(s, ctx)) })),
        // Sessions without a room (a break for everyone, an online-only item).
        unplaced: d.sessions.filter((s) => !s.roomId).map((s) => sessionView(s, ctx)),
      }));
    const shown = new Set(days.flatMap((d) => [...d.rooms.flatMap((r) => r.sessions), ...d.unplaced].map((s) => s.id)));
    return {
      conference: conferenceSummary(row),
      timezone: programme.conference.timezone,
      days,
      rooms: programme.rooms.map(roomView),
      tracks: programme.tracks.map(trackView),
      people: programme.people.map(personView),
      sessions: sessions.filter((s) => shown.has(s.id)).map((s) => sessionView(s, ctx)),
    };
  }

  @Get('now-next')
  @Access.public()
  @ApiQuery({ name: 'at', required: false, description: 'ISO instant to ask about instead of now' })
  @ApiOperation({ summary: 'Per room: the session live now and the next one' })
  async nowNext(@Param('slug') slug: string, @Query('at') at: string | undefined, @CurrentAccess() access: AccessContext): Promise<NowNextView> {
    if (at !== undefined && !isInstant(at)) throw new DomainError('VALIDATION', 'at: must be an ISO 8601 instant with a zone', { field: 'at' });
    const now = at === undefined ? Date.now() : toMs(at);
    const { programme, ctx } = await this.reads.bySlug(slug, access);
    const viewCtx = { ...ctx, now };
    return {
      at: new Date(now).toISOString(),
      rooms: nowAndNext(programme.sessions, programme.rooms, now, this.reads.backstageMinutes).map((e) => ({
        room: roomView(e.room),
        now: e.now ? sessionView(e.now, viewCtx) : null,
        next: e.next ? sessionView(e.next, viewCtx) : null,
      })),
    };
  }

  @Get('conflicts')
  @Access.to('conference.manage', { conferenceSlugParam: 'slug' })
  @ApiOperation({ summary: 'Every conflict in the programme (rooms, people, outside the days)' })
  async conflicts(@Param('slug') slug: string): Promise<ConflictsView> {
    const row = await this.store.conferenceBySlug(slug);
    const { programme } = await this.reads.of(row);
    const conflicts = allConflicts(programme);
    return { count: conflicts.length, conflicts };
  }
}
