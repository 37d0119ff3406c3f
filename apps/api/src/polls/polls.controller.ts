import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DomainError, type PollResultExport } from '@podium/contracts';
import { openedPolls, resultsTable, toPollCsv, toPollsMarkdown, toPollsResultsCsv, type Poll } from '@podium/polls';
import { Access } from '../identity/access.decorator';
import { PollsRepository } from './polls-repository';
import { PollSessions, type PollSession } from './polls-sessions';
import { PollsStore } from './polls-store';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Results over HTTP for moderators and organisers: one poll's exported result, and every poll for the session's record. */
@ApiTags('polls')
@Controller('api/sessions/:id/polls')
export class PollsController {
  constructor(
    private readonly sessions: PollSessions,
    private readonly store: PollsStore,
    private readonly rows: PollsRepository,
  ) {}

  @Get('record')
  @Access.to('session.moderate', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'Every poll of the session with its results table (JSON), in creation order' })
  async record(@Param('id') id: string): Promise<{ sessionId: string; polls: PollResultExport[] }> {
    const session = await this.sessions.find(id);
    const state = await this.store.current(session.id);
    const polls = await Promise.all(state.order.map((pollId) => this.exported(session, state.polls.get(pollId)!)));
    return { sessionId: session.id, polls };
  }

  @Get('minutes.md')
  @Access.to('session.moderate', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'Every opened poll as a Markdown table (German; ?lang=en for English)' })
  async markdown(@Param('id') id: string, @Query('lang') lang: string | undefined, @Res({ passthrough: true }) res: Response) {
    if (lang !== undefined && lang !== 'de' && lang !== 'en') throw new DomainError('VALIDATION', "lang must be 'de' or 'en'", { field: 'lang' });
    const session = await this.sessions.find(id);
    const state = await this.store.current(session.id);
    res.type('text/markdown; charset=utf-8').attachment(`polls-${session.id.slice(0, 8)}.md`);
    return toPollsMarkdown(openedPolls(state), lang === 'en' ? 'en' : 'de');
  }

  @Get('minutes.csv')
  @Access.to('session.moderate', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'Every opened poll in one CSV table: one row per option, split hall/remote (never names)' })
  async csvAll(@Param('id') id: string, @Res({ passthrough: true }) res: Response) {
    const session = await this.sessions.find(id);
    res.type('text/csv; charset=utf-8').attachment(`polls-${session.id.slice(0, 8)}.csv`);
    return toPollsResultsCsv(openedPolls(await this.store.current(session.id)));
  }

  @Get(':pollId/result')
  @Access.to('session.moderate', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'One poll’s result (JSON); formal votes add the number of eligible people' })
  async result(@Param('id') id: string, @Param('pollId') pollId: string) {
    const session = await this.sessions.find(id);
    return this.exported(session, await this.poll(session, pollId));
  }

  @Get(':pollId/result.csv')
  @Access.to('session.moderate', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'One poll’s result as CSV: summary, one row per option, named polls one row per ballot' })
  async csv(@Param('id') id: string, @Param('pollId') pollId: string, @Res({ passthrough: true }) res: Response) {
    const session = await this.sessions.find(id);
    const poll = await this.poll(session, pollId);
    res.type('text/csv; charset=utf-8').attachment(`poll-${poll.id}.csv`);
    return toPollCsv(poll);
  }

  private async poll(session: PollSession, pollId: string): Promise<Poll> {
    const poll = (await this.store.current(session.id)).polls.get(pollId);
    if (!poll) throw new DomainError('NOT_FOUND', 'No such poll', { reason: 'NO_POLL' });
    return poll;
  }

  private async exported(session: PollSession, poll: Poll): Promise<PollResultExport> {
    const ballots = [...poll.ballots.values()].sort((a, b) => a.at - b.at || (a.personId < b.personId ? -1 : 1));
    return {
      sessionId: session.id,
      pollId: poll.id,
      question: poll.question,
      kind: poll.kind,
      formal: poll.formal,
      anonymous: poll.anonymous,
      status: poll.status,
      openedAt: iso(poll.openedAt),
      closedAt: iso(poll.closedAt),
      eligibleRoles: poll.eligibleRoles,
      eligible: poll.formal ? await this.rows.eligibleCount(session.conferenceId, session.id, poll.eligibleRoles ?? []) : null,
      results: resultsTable(poll),
      ballots: poll.anonymous ? null : ballots.map((b) => ({ personId: b.personId, displayName: b.displayName, origin: b.origin, choices: b.choices, at: iso(b.at)! })),
    };
  }
}

