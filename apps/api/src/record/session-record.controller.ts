import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DomainError } from '@podium/contracts';
import { buildSessionRecord, csvTable, toSessionCsv, toSessionMinutes, type SessionRecord } from '@podium/session-record';
import { Access } from '../identity/access.decorator';
import { SessionRecords } from './session-records';

type MinutesQuery = Record<string, string | undefined>;
/** The fishbowl's paths from before every session had a record: the same answers, for fishbowl sessions only. */
const FISHBOWL = { fishbowlOnly: true };

const language = (lang: unknown): 'de' | 'en' => {
  if (lang !== undefined && lang !== 'de' && lang !== 'en') throw new DomainError('VALIDATION', "lang must be 'de' or 'en'", { field: 'lang' });
  return lang === 'en' ? 'en' : 'de';
};

/** The record of a session of any kind for its moderators: JSON, Markdown minutes and CSV tables. */
@ApiTags('record')
@Controller('api/sessions/:id')
export class SessionRecordController {
  constructor(private readonly records: SessionRecords) {}

  @Get('record')
  @Access.to('session.moderate', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'The session record (JSON, epoch ms): a fishbowl\'s record when it is one, a forum\'s under `forum`, the questions (askers named), polls, session chat and caption transcript' })
  async record(@Param('id') id: string): Promise<SessionRecord> {
    return buildSessionRecord(await this.records.source(await this.records.find(id)));
  }

  @Get('minutes.md')
  @Access.to('session.moderate', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'Minutes in Markdown (German; ?lang=en for English): fishbowl or forum, questions, polls, chat, transcript' })
  markdown(@Param('id') id: string, @Query('lang') lang: string | undefined, @Res({ passthrough: true }) res: Response) {
    return this.minutes(id, { format: 'md', lang }, res);
  }

  @Get('minutes.csv')
  @Access.to('session.moderate', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'CSV, ?table=questions|polls|chat (fishbowls also seatings, the default there, and people; forums also attendance); other kinds default to questions' })
  csv(@Param('id') id: string, @Query('table') table: string | undefined, @Res({ passthrough: true }) res: Response) {
    return this.minutes(id, { format: 'csv', table }, res);
  }

  @Get('minutes')
  @Access.to('session.moderate', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'Minutes as ?format=md (default) or csv, ?lang=de|en, ?table=…' })
  any(@Param('id') id: string, @Query() query: MinutesQuery, @Res({ passthrough: true }) res: Response) {
    return this.minutes(id, query, res);
  }

  @Get('fishbowl/record')
  @Access.to('session.moderate', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'The session record of a fishbowl (as GET /api/sessions/:id/record)' })
  async fishbowlRecord(@Param('id') id: string): Promise<SessionRecord> {
    return buildSessionRecord(await this.records.source(await this.records.find(id, FISHBOWL)));
  }

  @Get('fishbowl/minutes.md')
  @Access.to('session.moderate', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'Minutes of a fishbowl in Markdown (as GET /api/sessions/:id/minutes.md)' })
  fishbowlMarkdown(@Param('id') id: string, @Query('lang') lang: string | undefined, @Res({ passthrough: true }) res: Response) {
    return this.minutes(id, { format: 'md', lang }, res, FISHBOWL);
  }

  @Get('fishbowl/minutes.csv')
  @Access.to('session.moderate', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'CSV of a fishbowl (as GET /api/sessions/:id/minutes.csv)' })
  fishbowlCsv(@Param('id') id: string, @Query('table') table: string | undefined, @Res({ passthrough: true }) res: Response) {
    return this.minutes(id, { format: 'csv', table }, res, FISHBOWL);
  }

  @Get('fishbowl/minutes')
  @Access.to('session.moderate', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'Minutes of a fishbowl (as GET /api/sessions/:id/minutes)' })
  fishbowlAny(@Param('id') id: string, @Query() query: MinutesQuery, @Res({ passthrough: true }) res: Response) {
    return this.minutes(id, query, res, FISHBOWL);
  }

  /** Validates the query before reading the stores, then answers Markdown or one CSV table as a download. */
  private async minutes(id: string, query: MinutesQuery, res: Response, options: { fishbowlOnly?: boolean } = {}): Promise<string> {
    const format = query.format ?? 'md';
    if (format !== 'md' && format !== 'csv') throw new DomainError('VALIDATION', "format must be 'md' or 'csv'", { field: 'format' });
    const lang = language(query.lang);
    const session = await this.records.find(id, options);
    const name = `${session.kind}-${session.id.slice(0, 8)}`;
    if (format === 'csv') {
      const table = csvTable(session.kind, query.table);
      res.type('text/csv; charset=utf-8').attachment(`${name}-${table}.csv`);
      return toSessionCsv(await this.records.source(session), table);
    }
    res.type('text/markdown; charset=utf-8').attachment(`${name}.md`);
    return toSessionMinutes(await this.records.source(session), lang);
  }
}
