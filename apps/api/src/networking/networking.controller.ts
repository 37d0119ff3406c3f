import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CallGrant, ContactRequestStatus, ContactRequestView, DirectoryEntry, NetworkingSettings } from '@podium/contracts';
import { RateLimit } from '../common/rate-limit/rate-limit.decorator';
import { Access } from '../identity/access.decorator';
import { CurrentAccess, type AccessContext } from '../identity/principal';
import { ContactCalls } from './contact-calls';
import { NetworkingRetentionRepository } from './networking-retention-repository';
import { ContactAnswerDto, DirectoryEntryDto, NetworkingSettingsDto, NewContactRequestDto } from './networking.dto';
import { NetworkingService } from './networking.service';

const A = { conferenceSlugParam: 'slug' };

/** Meeting people: the opt-in directory and contact requests with both sides' consent. */
@ApiTags('networking')
@Controller('api/conferences/:slug')
export class NetworkingController {
  constructor(
    private readonly networking: NetworkingService,
    private readonly contactCalls: ContactCalls,
    private readonly repo: NetworkingRetentionRepository,
  ) {}

  @Get('directory')
  @Access.to('conference.read', A)
  @ApiOperation({ summary: 'The directory: people who opted in (only for people who opted in); never contact details' })
  directory(@CurrentAccess() a: AccessContext): Promise<DirectoryEntry[]> {
    return this.networking.directory(a.conferenceId!, a.principal!.personId);
  }

  @Put('directory/me')
  @Access.to('conference.read', A)
  @ApiOperation({ summary: 'Opt in to the directory (or change my entry)' })
  optIn(@CurrentAccess() a: AccessContext, @Body() body: DirectoryEntryDto): Promise<{ listed: true }> {
    return this.networking.optIn(a.conferenceId!, a.principal!.personId, body);
  }

  @Delete('directory/me')
  @HttpCode(200)
  @Access.to('conference.read', A)
  @ApiOperation({ summary: 'Opt out: my entry and my contact requests here are deleted' })
  optOut(@CurrentAccess() a: AccessContext): Promise<{ listed: false }> {
    return this.networking.optOut(a.conferenceId!, a.principal!.personId);
  }

  @Get('contact-requests')
  @Access.to('conference.read', A)
  @ApiOperation({ summary: 'My contact requests, sent and received; contact details only where both agreed' })
  mine(@CurrentAccess() a: AccessContext): Promise<ContactRequestView[]> {
    return this.networking.mine(a.conferenceId!, a.principal!.personId);
  }

  @Post('contact-requests')
  @Access.to('conference.read', A)
  @ApiOperation({ summary: '"Kontakt anfragen": ask someone in the directory' })
  request(@CurrentAccess() a: AccessContext, @Body() body: NewContactRequestDto): Promise<{ id: string; status: ContactRequestStatus }> {
    return this.networking.request(a.conferenceId!, a.principal!.personId, body);
  }

  @Post('contact-requests/:id/answer')
  @HttpCode(200)
  @Access.to('conference.read', A)
  @ApiOperation({ summary: 'Accept or decline a contact request addressed to me' })
  answer(@CurrentAccess() a: AccessContext, @Param('id') id: string, @Body() body: ContactAnswerDto): Promise<{ id: string; status: ContactRequestStatus }> {
    return this.networking.answer(a.conferenceId!, a.principal!.personId, id, body);
  }

  @Post('contact-requests/:id/call')
  @HttpCode(200)
  @Access.to('conference.read', A)
  @RateLimit('join')
  @ApiOperation({ summary: 'A token for the video call of an accepted request (its two people only; call again to refresh)' })
  call(@CurrentAccess() a: AccessContext, @Param('id') id: string): Promise<CallGrant> {
    return this.contactCalls.join(a, id);
  }

  @Get('networking-settings')
  @Access.to('conference.manage', A)
  @ApiOperation({ summary: 'How long networking data (requests, exchanged details, rounds) is kept' })
  async settings(@CurrentAccess() a: AccessContext): Promise<NetworkingSettings> {
    return { networkingRetentionDays: await this.repo.retentionDays(a.conferenceId!) };
  }

  @Put('networking-settings')
  @Access.to('conference.manage', A)
  @ApiOperation({ summary: 'Set how long networking data is kept (1–365 days); older data is deleted within the hour' })
  async setSettings(@CurrentAccess() a: AccessContext, @Body() body: NetworkingSettingsDto): Promise<NetworkingSettings> {
    return { networkingRetentionDays: await this.repo.setRetentionDays(a.conferenceId!, body.networkingRetentionDays) };
  }
}
