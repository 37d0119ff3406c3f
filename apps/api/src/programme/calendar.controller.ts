import { Controller, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type CalendarFeed, DomainError } from '@podium/contracts';
import { toICalendar, toICalendarFeed, type ICalendarOptions, type Programme, type Session } from '@podium/programme';
import { Access } from '../identity/access.decorator';
import { CurrentAccess, type AccessContext } from '../identity/principal';
import { BookmarksRepository } from './bookmarks-repository';
import { CalendarFeeds } from './calendar-feeds.service';
import { conferenceUrl } from './exchange';
import { ProgrammeReads } from './programme-reads.service';
import { ProgrammeStore } from './programme-store';

const CALENDAR = 'text/calendar; charset=utf-8';

/** iCalendar (RFC 5545) feeds: a whole conference, one session, and a person's bookmarks behind a private URL. */
@ApiTags('programme')
@Controller('api')
export class CalendarController {
  constructor(
    private readonly bookmarks: BookmarksRepository,
    private readonly store: ProgrammeStore,
    private readonly reads: ProgrammeReads,
    private readonly feeds: CalendarFeeds,
  ) {}

  @Get('conferences/:slug/calendar.ics')
  @Access.public()
  @Header('Content-Type', CALENDAR)
  @ApiOperation({ summary: 'The whole conference as a calendar' })
  async conference(@Param('slug') slug: string, @CurrentAccess() access: AccessContext) {
    const { programme } = await this.reads.bySlug(slug, access);
    return toICalendar(programme, this.options(programme));
  }

  @Get('sessions/:id/calendar.ics')
  @Access.public()
  @Header('Content-Type', CALENDAR)
  @ApiOperation({ summary: 'One session as a calendar entry' })
  async session(@Param('id') id: string, @CurrentAccess() access: AccessContext) {
    const { conference } = await this.store.visibleSession(id, access);
    const { programme } = await this.reads.of(conference);
    return toICalendar({ ...programme, sessions: programme.sessions.filter((s) => s.id === id) }, this.options(programme));
  }

  @Get('calendar/:feed')
  @Access.public()
  @Header('Content-Type', CALENDAR)
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: "A person's bookmarks; the URL is the secret (GET /api/me/calendar-feed)" })
  async personal(@Param('feed') feed: string) {
    if (!feed.endsWith('.ics')) throw new DomainError('NOT_FOUND', 'No such calendar feed');
    const personId = await this.feeds.personFor(feed.slice(0, -'.ics'.length));
    // Only conferences the owner may still see: a bookmark does not outlive unpublishing.
    const rows = await this.bookmarks.visibleTo(personId);
    const inputs: Array<{ programme: Programme; input: Programme }> = [];
    for (const conferenceId of new Set(rows.map((r) => r.conference_id))) {
      const programme = await this.store.load(conferenceId);
      const mine = new Set(rows.filter((r) => r.conference_id === conferenceId).map((r) => r.session_id));
      inputs.push({ programme, input: { ...programme, sessions: programme.sessions.filter((s) => mine.has(s.id)) } });
    }
    const sessionUrl = (s: Session) => {
      const p = inputs.find((i) => i.input.sessions.includes(s));
      return p ? `${conferenceUrl(this.reads.publicUrl, p.programme.conference.slug)}s/${s.id}` : undefined;
    };
    return toICalendarFeed(inputs.map((i) => i.input), { domain: this.domain(), calendarName: 'Podium – Mein Programm', sessionUrl });
  }

  @Get('me/calendar-feed')
  @Access.signedIn()
  @ApiOperation({ summary: 'The private URL of my bookmark calendar' })
  current(@CurrentAccess() access: AccessContext): Promise<CalendarFeed> {
    return this.feeds.current(access.principal!.personId);
  }

  @Post('me/calendar-feed')
  @HttpCode(200)
  @Access.signedIn()
  @ApiOperation({ summary: 'A new private URL; the old one stops working' })
  rotate(@CurrentAccess() access: AccessContext): Promise<CalendarFeed> {
    return this.feeds.rotate(access.principal!.personId);
  }

  private options(programme: Programme): ICalendarOptions {
    const base = conferenceUrl(this.reads.publicUrl, programme.conference.slug);
    return { domain: this.domain(), sessionUrl: (s) => `${base}s/${s.id}` };
  }

  private domain(): string {
    return new URL(this.reads.publicUrl).hostname || 'podium';
  }
}
