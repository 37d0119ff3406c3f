import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CallGrant, SpeedGroupView, SpeedNetworkingView } from '@podium/contracts';
import { RateLimit } from '../common/rate-limit/rate-limit.decorator';
import { Access } from '../identity/access.decorator';
import { CurrentAccess, type AccessContext } from '../identity/principal';
import { NewSpeedNetworkingDto, SpeedShareDto } from './networking.dto';
import { SpeedNetworkingService } from './speed-networking.service';

const A = { conferenceSlugParam: 'slug' };

/** Speed networking: rounds of pairs for N minutes, repeated; contact details only with both sides' consent. */
@ApiTags('networking')
@Controller('api/conferences/:slug/speed-networking')
export class SpeedNetworkingController {
  constructor(private readonly speed: SpeedNetworkingService) {}

  @Get()
  @Access.to('conference.read', A)
  @ApiOperation({ summary: 'Speed-networking runs of the conference, each as I see it' })
  list(@CurrentAccess() a: AccessContext): Promise<SpeedNetworkingView[]> {
    return this.speed.list(a);
  }

  @Post()
  @Access.to('conference.read', A)
  @ApiOperation({ summary: 'Set up rounds (organisers, moderators; a session\'s moderators for their session)' })
  create(@CurrentAccess() a: AccessContext, @Body() body: NewSpeedNetworkingDto): Promise<SpeedNetworkingView> {
    return this.speed.create(a, body);
  }

  @Get(':id')
  @Access.to('conference.read', A)
  @ApiOperation({ summary: 'The run as I see it: round, my group, the groups I was in, details shared both ways' })
  view(@CurrentAccess() a: AccessContext, @Param('id') id: string): Promise<SpeedNetworkingView> {
    return this.speed.view(a, id);
  }

  @Post(':id/join')
  @HttpCode(200)
  @Access.to('conference.read', A)
  @RateLimit('join')
  @ApiOperation({ summary: 'Take part (people in the directory): drawn from the next round on' })
  join(@CurrentAccess() a: AccessContext, @Param('id') id: string): Promise<SpeedNetworkingView> {
    return this.speed.join(a, id, true);
  }

  @Post(':id/leave')
  @HttpCode(200)
  @Access.to('conference.read', A)
  @ApiOperation({ summary: 'Stop taking part: the next draw goes without me' })
  leave(@CurrentAccess() a: AccessContext, @Param('id') id: string): Promise<SpeedNetworkingView> {
    return this.speed.join(a, id, false);
  }

  @Post(':id/start')
  @HttpCode(200)
  @Access.to('conference.read', A)
  @ApiOperation({ summary: 'Start the rounds (whoever may run them); the first round is drawn among the people present' })
  start(@CurrentAccess() a: AccessContext, @Param('id') id: string): Promise<SpeedNetworkingView> {
    return this.speed.start(a, id);
  }

  @Post(':id/call')
  @HttpCode(200)
  @Access.to('conference.read', A)
  @RateLimit('join')
  @ApiOperation({ summary: 'A token for my group\'s call room in the current round (its members only)' })
  call(@CurrentAccess() a: AccessContext, @Param('id') id: string): Promise<CallGrant> {
    return this.speed.call(a, id);
  }

  @Post(':id/groups/:groupId/share')
  @HttpCode(200)
  @Access.to('conference.read', A)
  @ApiOperation({ summary: 'Share my contact details with my group (or take it back); they cross only where both shared' })
  share(@CurrentAccess() a: AccessContext, @Param('id') id: string, @Param('groupId') groupId: string, @Body() body: SpeedShareDto): Promise<SpeedGroupView> {
    return this.speed.share(a, id, groupId, body.share);
  }
}
