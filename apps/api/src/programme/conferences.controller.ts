import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { type ConferenceSummary, DomainError } from '@podium/contracts';
import { addDays, isLocalDate, validateConference, type Conference } from '@podium/programme';
import { Access } from '../identity/access.decorator';
import { ScopeCache } from '../identity/scope-cache';
import { CurrentAccess, type AccessContext } from '../identity/principal';
import { CreateConferenceDto, UpdateConferenceDto } from './dto/resources.dto';
import { ProgrammeStore } from './programme-store';
import { ConferencesRepository } from './conferences-repository';
import { ProgrammeEvents } from './programme-events';
import { toConference } from './rows';
import { conferenceSummary } from './views';

/** Conferences: public reads of published ones; organisers create and edit. */
@ApiTags('programme')
@Controller('api/conferences')
export class ConferencesController {
  constructor(
    private readonly conferences: ConferencesRepository,
    private readonly store: ProgrammeStore,
    private readonly scopes: ScopeCache,
    private readonly events: ProgrammeEvents,
  ) {}

  @Get()
  @Access.public()
  @ApiOperation({ summary: 'Published conferences (and unpublished ones the caller has a role in), newest first' })
  async list(@CurrentAccess() access: AccessContext): Promise<ConferenceSummary[]> {
    const rows = await this.conferences.visibleTo(access.principal?.personId ?? null);
    return rows.map(conferenceSummary);
  }

  @Get(':slug')
  @Access.public()
  @ApiOperation({ summary: 'One conference' })
  async get(@Param('slug') slug: string, @CurrentAccess() access: AccessContext): Promise<ConferenceSummary> {
    return conferenceSummary(await this.store.visibleConference(slug, access));
  }

  @Post()
  @Access.to('platform.manage')
  @ApiOperation({ summary: 'Create a conference (platform organisers)' })
  async create(@Body() body: CreateConferenceDto): Promise<ConferenceSummary> {
    const c = conferenceFrom(body, { id: 'new', slug: body.slug, title: body.title, timezone: 'Europe/Berlin', startDate: body.startDate, endDate: body.startDate, format: 'digital', allowGuests: false });
    if (await this.conferences.slugTaken(c.slug)) throw new DomainError('CONFLICT', `slug: a conference "${c.slug}" already exists`, { field: 'slug' });
    const id = await this.conferences.insert(c.slug, c, body.published ?? false);
    return conferenceSummary(await this.store.conferenceById(id));
  }

  @Patch(':slug')
  @Access.to('conference.manage', { conferenceSlugParam: 'slug' })
  @ApiOperation({ summary: 'Change a conference (the slug stays)' })
  async update(@Param('slug') slug: string, @Body() body: UpdateConferenceDto): Promise<ConferenceSummary> {
    const row = await this.store.conferenceBySlug(slug);
    if (Object.keys(body).length === 0) return conferenceSummary(row); // nothing to change: not even updated_at
    const current = toConference(row);
    const c = conferenceFrom(body, current);
    const published = body.published ?? row.published;
    await this.conferences.update(row.id, c, published);
    // Live followers who may no longer see it are cut off (the gateway checks each socket's roles).
    if (row.published && !published) this.events.publish({ type: 'conference-hidden', conferenceId: row.id, reason: 'unpublished' });
    return conferenceSummary(await this.store.conferenceById(row.id));
  }

  @Delete(':slug')
  @HttpCode(204)
  @Access.to('platform.manage')
  @ApiQuery({ name: 'confirm', required: true, description: 'the slug again' })
  @ApiOperation({ summary: 'Delete a conference with its programme, roles and invitations (platform organisers; ?confirm=<slug>)' })
  async remove(@Param('slug') slug: string, @Query('confirm') confirm: string | undefined) {
    // Everything hangs on a conference (sign-in links too), so the slug must be repeated.
    if (confirm !== slug) throw new DomainError('VALIDATION', 'confirm: repeat the slug (?confirm=<slug>) to delete a conference and everything in it', { field: 'confirm' });
    const id = await this.conferences.deleteBySlug(slug);
    if (!id) throw new DomainError('NOT_FOUND', `No conference "${slug}"`);
    this.scopes.forget(); // its slug and sessions must not resolve from the guard's cache any more
    this.events.publish({ type: 'conference-hidden', conferenceId: id, reason: 'deleted' });
  }
}

type ConferenceBody = Partial<Omit<CreateConferenceDto, 'slug'>>;

/** The body over the current values; days or endDate; the domain checks zone and dates. */
function conferenceFrom(body: ConferenceBody, current: Conference): Conference {
  const startDate = body.startDate ?? current.startDate;
  if (!isLocalDate(startDate)) throw new DomainError('VALIDATION', `startDate: "${startDate}" is not a calendar date`, { field: 'startDate' });
  // A new conference without endDate or days lasts one day (current.endDate is its start then).
  const endDate = body.endDate ?? (body.days === undefined ? current.endDate : addDays(startDate, body.days - 1));
  if (body.days !== undefined && body.endDate !== undefined && body.endDate !== addDays(startDate, body.days - 1)) {
    throw new DomainError('VALIDATION', `days: ${body.days} days from ${startDate} end on ${addDays(startDate, body.days - 1)}, not ${body.endDate}`, { field: 'days' });
  }
  const pick = <T>(given: T | null | undefined, existing: T | undefined) => (given === null ? undefined : given === undefined ? existing : given);
  return validateConference(
    {
      ...current,
      title: body.title ?? current.title,
      description: pick(body.description, current.description),
      timezone: body.timezone ?? current.timezone,
      startDate,
      endDate,
      format: body.format ?? current.format,
      venue: pick(body.venue, current.venue),
      allowGuests: body.allowGuests ?? current.allowGuests,
      url: pick(body.url, current.url),
      dayChange: pick(body.dayChange, current.dayChange),
    },
    'conference',
  );
}
