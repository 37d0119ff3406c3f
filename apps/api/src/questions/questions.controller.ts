import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DomainError, type QuestionRecordEntry } from '@podium/contracts';
import { attendeeView, buildQuestionRecord, toQuestionsCsv, toQuestionsMarkdown } from '@podium/questions';
import { Access } from '../identity/access.decorator';
import { QuestionSessions } from './questions-sessions';
import { QuestionsStore } from './questions-store';

/** A session's questions over HTTP: the public list for attendees, the record and exports for moderators. */
@ApiTags('questions')
@Controller('api/sessions/:id/questions')
export class QuestionsController {
  constructor(
    private readonly sessions: QuestionSessions,
    private readonly store: QuestionsStore,
  ) {}

  @Get()
  @Access.to('session.attend', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'The public questions (what every attendee sees; no person ids)' })
  async view(@Param('id') id: string) {
    const session = await this.sessions.find(id);
    return attendeeView(await this.store.current(session.id), '');
  }

  @Get('record')
  @Access.to('session.moderate', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'The record: every question with status, votes, original text, merge and podium (JSON; askers named, for moderators)' })
  async record(@Param('id') id: string): Promise<QuestionRecordEntry[]> {
    const session = await this.sessions.find(id);
    return buildQuestionRecord(await this.store.current(session.id), { names: 'moderators' });
  }

  @Get('export')
  @Access.to('session.moderate', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'Export as ?format=md (minutes section, anonymous askers unnamed; ?lang=de|en) or csv (one row per question, askers named)' })
  async export(@Param('id') id: string, @Query('format') format: string | undefined, @Query('lang') lang: string | undefined, @Res({ passthrough: true }) res: Response): Promise<string> {
    if (format !== undefined && format !== 'md' && format !== 'csv') throw new DomainError('VALIDATION', "format must be 'md' or 'csv'", { field: 'format' });
    if (lang !== undefined && lang !== 'de' && lang !== 'en') throw new DomainError('VALIDATION', "lang must be 'de' or 'en'", { field: 'lang' });
    const session = await this.sessions.find(id);
    const state = await this.store.current(session.id);
    const name = `questions-${session.id.slice(0, 8)}`;
    if (format === 'csv') {
      res.type('text/csv; charset=utf-8').attachment(`${name}.csv`);
      return toQuestionsCsv(buildQuestionRecord(state, { names: 'moderators' }));
    }
    res.type('text/markdown; charset=utf-8').attachment(`${name}.md`);
    return toQuestionsMarkdown(buildQuestionRecord(state, { names: 'public' }), lang === 'en' ? 'en' : 'de');
  }
}
