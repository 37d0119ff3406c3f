import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { DomainError } from '@podium/contracts';
import { Access } from '../identity/access.decorator';
import { ConferenceEntity } from './entities/conference.entity';

/** Public reads of published conferences. */
@ApiTags('programme')
@Controller('api/conferences')
export class ConferencesController {
  constructor(private readonly db: DataSource) {}

  @Get()
  @Access.public()
  @ApiOperation({ summary: 'Published conferences, newest first' })
  async list() {
    const conferences = await this.db.getRepository(ConferenceEntity).find({ where: { published: true }, order: { startDate: 'DESC' } });
    return conferences.map(toSummary);
  }

  @Get(':slug')
  @Access.public()
  @ApiOperation({ summary: 'One published conference' })
  async get(@Param('slug') slug: string) {
    const conference = await this.db.getRepository(ConferenceEntity).findOne({ where: { slug, published: true } });
    if (!conference) throw new DomainError('NOT_FOUND', `No conference "${slug}"`);
    return toSummary(conference);
  }
}

export function toSummary(c: ConferenceEntity) {
  return {
    id: c.id,
    slug: c.slug,
    title: c.title,
    description: c.description,
    timezone: c.timezone,
    startDate: c.startDate,
    endDate: c.endDate,
    format: c.format,
    venue: c.venue,
    allowGuests: c.allowGuests,
  };
}
