import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../identity/access.decorator';
import { RateLimit } from '../common/rate-limit/rate-limit.decorator';
import { CurrentAccess, type AccessContext } from '../identity/principal';
import { JoinSessionDto } from './join.dto';
import { JoinService } from './join.service';
import type { JoinGrant } from '@podium/contracts';

/** LiveKit tokens for a session's rooms; call again to refresh (tokens live 10 minutes). */
@ApiTags('livestream')
@Controller('api/sessions')
export class JoinController {
  constructor(private readonly joins: JoinService) {}

  @Post(':id/join')
  @HttpCode(200)
  @Access.to('session.attend', { sessionIdParam: 'id' })
  @RateLimit('join')
  @ApiOperation({ summary: 'A short-lived LiveKit token for the stage (or backstage) room, with the grants of my role' })
  join(@Param('id') id: string, @CurrentAccess() access: AccessContext, @Body() body: JoinSessionDto = {}): Promise<JoinGrant> {
    return this.joins.join(access, id, { room: body?.room, as: body?.as });
  }

  @Post(':id/production-desk-token')
  @HttpCode(200)
  @Access.to('session.moderate', { sessionIdParam: 'id' })
  @RateLimit('join')
  @ApiOperation({ summary: 'A publisher token for the hall production desk (camera and microphone of the hall)' })
  productionDesk(@Param('id') id: string, @CurrentAccess() access: AccessContext): Promise<JoinGrant> {
    return this.joins.join(access, id, { room: 'stage', as: 'production-desk' });
  }
}
