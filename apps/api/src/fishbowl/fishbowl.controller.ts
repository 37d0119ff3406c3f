import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DomainError } from '@podium/contracts';
import { buildRecord, chatMarkdown, toChatCsv, toMinutesMarkdown, toPeopleCsv, toSeatingsCsv, toView, transcriptMarkdown } from '@podium/fishbowl';
import { toPollsResultsCsv } from '@podium/polls';
import { ChatRooms } from '../chat/chat-rooms';
import { Access } from '../identity/access.decorator';
import { CaptionStore } from '../livestream/caption-store';
import { opened, pollsMarkdown, pollsRecord } from '../polls/polls-record';
import { PollsStore } from '../polls/polls-store';
import { FishbowlSessions } from './fishbowl-sessions';
import { FishbowlStore } from './fishbowl-store';

type Format = 'md' | 'csv';
const TABLES = ['seatings', 'people', 'polls', 'chat'];

/** The fishbowl over HTTP: the current view for attendees, the record and minutes for moderators. */
@ApiTags('fishbowl')
@Controller('api/sessions/:id/fishbowl')
export class FishbowlController {
  constructor(
    private readonly sessions: FishbowlSessions,
    private readonly store: FishbowlStore,
    private readonly polls: PollsStore,
    private readonly captions: CaptionStore,
    private readonly chat: ChatRooms,
  ) {}

  @Get()
  @Access.to('session.attend', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'The current fishbowl view (chairs, the queue head in full plus the whole order, timers, version)' })
  async view(@Param('id') id: string) {
    const session = await this.sessions.find(id);
    return toView(await this.store.current(session.id), Date.now());
  }

  @Get('full')
  @Access.to('session.moderate', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'The current fishbowl view with every queue entry in full (moderators)' })
  async fullView(@Param('id') id: string) {
    const session = await this.sessions.find(id);
    return toView(await this.store.current(session.id), Date.now(), { fullQueue: true });
  }

  @Get('record')
  @Access.to('session.moderate', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'The record: every person, request, invitation and seating (JSON, epoch ms), the polls, the session chat and the live captions\' transcript' })
  async record(@Param('id') id: string) {
    const session = await this.sessions.find(id);
    const record = buildRecord(session.id, await this.store.log(session.id), { until: Date.now() });
    const chat = await this.chat.sessionRecord(session.id);
    return { ...record, polls: pollsRecord(await this.polls.current(session.id)), chat, transcript: (await this.captions.transcript(session.id)).lines };
  }

  @Get('minutes.md')
  @Access.to('session.moderate', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'Minutes in Markdown (German; ?lang=en for English)' })
  markdown(@Param('id') id: string, @Query('lang') lang: string | undefined, @Res({ passthrough: true }) res: Response) {
    return this.minutes(id, 'md', lang, undefined, res);
  }

  @Get('minutes.csv')
  @Access.to('session.moderate', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'CSV: one row per seating (?table=people: one row per person; ?table=polls: one row per poll option; ?table=chat: one row per chat message)' })
  csv(@Param('id') id: string, @Query('table') table: string | undefined, @Res({ passthrough: true }) res: Response) {
    return this.minutes(id, 'csv', undefined, table, res);
  }

  @Get('minutes')
  @Access.to('session.moderate', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'Minutes as ?format=md (default) or csv, ?lang=de|en, ?table=seatings|people|polls|chat' })
  any(@Param('id') id: string, @Query() query: Record<string, string | undefined>, @Res({ passthrough: true }) res: Response) {
    const format = query.format ?? 'md';
    if (format !== 'md' && format !== 'csv') throw new DomainError('VALIDATION', "format must be 'md' or 'csv'", { field: 'format' });
    return this.minutes(id, format, query.lang, query.table, res);
  }

  private async minutes(id: string, format: Format, lang: string | undefined, table: string | undefined, res: Response): Promise<string> {
    if (lang !== undefined && lang !== 'de' && lang !== 'en') throw new DomainError('VALIDATION', "lang must be 'de' or 'en'", { field: 'lang' });
    if (table !== undefined && !TABLES.includes(table)) throw new DomainError('VALIDATION', "table must be 'seatings', 'people', 'polls' or 'chat'", { field: 'table' });
    const session = await this.sessions.find(id);
    const record = buildRecord(session.id, await this.store.log(session.id), { until: Date.now() });
    const name = `fishbowl-${session.id.slice(0, 8)}`;
    if (format === 'csv') {
      res.type('text/csv; charset=utf-8').attachment(`${name}-${table ?? 'seatings'}.csv`);
      if (table === 'polls') return toPollsResultsCsv(opened(await this.polls.current(session.id)));
      if (table === 'chat') return toChatCsv(await this.chat.sessionRecord(session.id));
      return table === 'people' ? toPeopleCsv(record) : toSeatingsCsv(record);
    }
    res.type('text/markdown; charset=utf-8').attachment(`${name}.md`);
    const minutesLang = lang === 'en' ? 'en' : 'de';
    const minutes = toMinutesMarkdown(record, { lang: minutesLang, timeZone: session.timeZone, title: session.title });
    // The session's polls, its chat, then the caption transcript follow the fishbowl's minutes (issues 14, 15).
    const polls = pollsMarkdown(opened(await this.polls.current(session.id)), minutesLang);
    const chat = chatMarkdown(await this.chat.sessionRecord(session.id), session.timeZone, minutesLang);
    const transcript = transcriptMarkdown((await this.captions.transcript(session.id)).lines, minutesLang);
    const extra = [polls, chat, transcript].filter(Boolean).map((section) => section.trimEnd());
    return extra.length ? `${[minutes.trimEnd(), ...extra].join('\n\n')}\n` : minutes;
  }
}
