import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { toView } from '@podium/fishbowl';
import { Access } from '../identity/access.decorator';
import { FishbowlSessions } from './fishbowl-sessions';
import { FishbowlStore } from './fishbowl-store';

/** The fishbowl over HTTP: the current view; its record and minutes are the session record's (`record/`). */
@ApiTags('fishbowl')
@Controller('api/sessions/:id/fishbowl')
export class FishbowlController {
  constructor(
    private readonly sessions: FishbowlSessions,
    private readonly store: FishbowlStore,
  ) {}

  @Get()
  @Access.to('session.attend', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'The current fishbowl view (chairs, the queue head in full plus the whole order, timers, version)' })
  async view(@Param('id') id: string) {
    const session = await this.sessions.find(id);
    return toView(await this.store.current(session.id), Date.now());
  }

  @Get('full')
  @Access.to('session.moderate', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'The current fishbowl view with every queue entry in full (moderators)' })
  async fullView(@Param('id') id: string) {
    const session = await this.sessions.find(id);
    return toView(await this.store.current(session.id), Date.now(), { fullQueue: true });
  }
}
