import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BoothContact, BoothPlace, BoothSetupView, BoothSummary } from '@podium/contracts';
import { RateLimit } from '../common/rate-limit/rate-limit.decorator';
import { Access } from '../identity/access.decorator';
import { CurrentAccess, type AccessContext } from '../identity/principal';
import { BoothContactDto, NewBoothDto } from './market.dto';
import { MarketService } from './market.service';

const A = { conferenceSlugParam: 'slug' };

/** Markt der Möglichkeiten: booths, visits with a fair queue, staff inviting the next, contacts by the visitor's choice. */
@ApiTags('market')
@Controller('api/conferences/:slug/booths')
export class MarketController {
  constructor(private readonly market: MarketService) {}

  @Get()
  @Access.to('conference.read', A)
  @ApiOperation({ summary: 'The market: booths with open/closed, staff present, visitors and queue' })
  list(@CurrentAccess() access: AccessContext): Promise<BoothSummary[]> {
    return this.market.list(access.conferenceId!);
  }

  @Post()
  @Access.to('conference.manage', A)
  @ApiOperation({ summary: 'Add a booth (organisers)' })
  create(@CurrentAccess() access: AccessContext, @Body() body: NewBoothDto): Promise<BoothSummary> {
    return this.market.create(access.conferenceId!, body);
  }

  @Get('setup')
  @Access.to('conference.manage', A)
  @ApiOperation({ summary: 'The booths as organisers edit them, with their staff, and who may staff one (organisers)' })
  setup(@CurrentAccess() access: AccessContext): Promise<BoothSetupView> {
    return this.market.setup(access.conferenceId!);
  }

  @Put(':boothId')
  @Access.to('conference.manage', A)
  @ApiOperation({ summary: 'Change a booth: name, description, links, logo, size, staff (organisers; the whole booth is sent)' })
  update(@CurrentAccess() access: AccessContext, @Param('boothId') boothId: string, @Body() body: NewBoothDto): Promise<BoothSummary> {
    return this.market.update(access.conferenceId!, boothId, body);
  }

  @Delete(':boothId')
  @HttpCode(204)
  @Access.to('conference.manage', A)
  @ApiOperation({ summary: 'Delete a booth with its staff, contacts, queue and chat (organisers)' })
  async remove(@CurrentAccess() access: AccessContext, @Param('boothId') boothId: string): Promise<void> {
    await this.market.remove(access.conferenceId!, boothId);
  }

  @Post(':boothId/visit')
  @HttpCode(200)
  @Access.to('conference.read', A)
  @RateLimit('join')
  @ApiOperation({ summary: 'Visit a booth: a token for its room, or a place in its queue (call again to refresh)' })
  visit(@CurrentAccess() access: AccessContext, @Param('boothId') boothId: string): Promise<BoothPlace> {
    return this.market.visit(access, access.conferenceId!, boothId);
  }

  @Post(':boothId/leave')
  @HttpCode(200)
  @Access.to('conference.read', A)
  @ApiOperation({ summary: 'Leave the booth or its queue (staff: stop staffing it)' })
  leave(@CurrentAccess() access: AccessContext, @Param('boothId') boothId: string): Promise<{ left: true }> {
    return this.market.leave(access, access.conferenceId!, boothId);
  }

  @Post(':boothId/staff')
  @HttpCode(200)
  @Access.to('conference.read', A)
  @RateLimit('join')
  @ApiOperation({ summary: 'Staff the booth (its staff and the organisers): the booth opens' })
  staff(@CurrentAccess() access: AccessContext, @Param('boothId') boothId: string): Promise<BoothPlace> {
    return this.market.staffEnter(access, access.conferenceId!, boothId);
  }

  @Post(':boothId/invite-next')
  @HttpCode(200)
  @Access.to('conference.read', A)
  @ApiOperation({ summary: 'Let the first in the queue in (staff)' })
  inviteNext(@CurrentAccess() access: AccessContext, @Param('boothId') boothId: string): Promise<{ personId: string }> {
    return this.market.inviteNext(access, access.conferenceId!, boothId);
  }

  @Post(':boothId/contact')
  @HttpCode(200)
  @Access.to('conference.read', A)
  @ApiOperation({ summary: 'Leave my contact details for the exhibitor (my own choice, while visiting)' })
  contact(@CurrentAccess() access: AccessContext, @Param('boothId') boothId: string, @Body() body: BoothContactDto): Promise<BoothContact> {
    return this.market.leaveContact(access, access.conferenceId!, boothId, body.contact);
  }

  @Get(':boothId/contacts')
  @Access.to('conference.read', A)
  @ApiOperation({ summary: 'Contacts visitors chose to leave (staff)' })
  contacts(@CurrentAccess() access: AccessContext, @Param('boothId') boothId: string): Promise<BoothContact[]> {
    return this.market.contacts(access, access.conferenceId!, boothId);
  }
}
