import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { importRefusal, toScheduleXml } from '@podium/programme';
import { ApiBody, ApiConsumes, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Access } from '../identity/access.decorator';
import { CurrentAccess, type AccessContext } from '../identity/principal';
import { exportConference, importConference } from './exchange';
import { ProgrammeReads } from './programme-reads.service';
import { ProgrammeStore } from './programme-store';
import { conferenceSummary } from './views';
import type { ImportAnswer } from '@podium/contracts';

/** An import is a draft unless the organiser opts in: a file must not go public before anyone checked it. */
function publishFlag(raw: unknown): boolean {
  if (raw === undefined || raw === 'false') return false;
  if (raw === 'true') return true;
  throw importRefusal('PUBLISH_INVALID', {}, { field: 'publish' });
}

/** schedule.json and schedule.xml (frab/pretalx) in and out. */
@ApiTags('programme')
@Controller('api/conferences')
export class ExchangeController {
  constructor(
    private readonly db: DataSource,
    private readonly store: ProgrammeStore,
    private readonly reads: ProgrammeReads,
  ) {}

  @Post('import')
  @Access.to('platform.manage')
  @ApiQuery({ name: 'slug', required: false, description: 'slug of the new conference (else from the acronym)' })
  @ApiQuery({ name: 'publish', required: false, description: "'true' makes the imported programme public at once; by default it stays an unpublished draft" })
  @ApiOperation({ summary: 'Import a schedule.json or schedule.xml as a new (unpublished unless ?publish=true) conference, all or nothing; answers the slug and what had to be repaired' })
  @ApiConsumes('application/json', 'application/xml')
  @ApiBody({
    description: 'a schedule.json document (version 1: $schema, generator, schedule { version, conference { days, rooms, ... } }), or a schedule.xml (frab/pretalx) sent as application/xml or text/xml',
    schema: { type: 'object' },
  })
  async import(@Body() body: unknown, @Query('slug') slug: string | undefined, @Query('publish') publish: unknown): Promise<ImportAnswer> {
    // No DTO: the domain is the one reader of schedule.json and schedule.xml, for HTTP and the CLI alike (same checks, same report).
    const outcome = await importConference(this.db, body, { slug, published: publishFlag(publish) });
    const conference = conferenceSummary(await this.store.conferenceById(outcome.conferenceId));
    return { slug: outcome.slug, conference, report: outcome.report, counts: outcome.counts };
  }

  @Get(':slug/schedule.json')
  @Access.public()
  @ApiOperation({ summary: 'The programme as schedule.json (always valid against the published schema)' })
  async export(@Param('slug') slug: string, @CurrentAccess() access: AccessContext) {
    const row = await this.store.visibleConference(slug, access);
    return exportConference(this.db, slug, this.reads.publicUrl, row);
  }

  @Get(':slug/schedule.xml')
  @Access.public()
  @ApiOperation({ summary: 'The programme as schedule.xml (valid against the published XSD; the same events, version and visibility as schedule.json)' })
  async exportXml(@Param('slug') slug: string, @CurrentAccess() access: AccessContext, @Res({ passthrough: true }) res: Response) {
    const xml = toScheduleXml(await this.export(slug, access));
    // Set only on success (not by @Header), so a 404 keeps its JSON error body's content type.
    res.setHeader('Content-Type', 'application/xml; charset=utf-8');
    return xml;
  }
}
