import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ForumJoinGrant } from '@podium/contracts';
import { participantOf } from '@podium/forum';
import { RateLimit } from '../common/rate-limit/rate-limit.decorator';
import { Access } from '../identity/access.decorator';
import { CurrentAccess, type AccessContext } from '../identity/principal';
import { ForumMedia } from './forum-media';
import { actorOf, ForumSessions } from './forum-sessions';
import { ForumStore } from './forum-store';

/** Entering a forum: a place in its room (talking on a free slot, else listening) and a LiveKit token to match. */
@ApiTags('forum')
@Controller('api/sessions')
export class ForumController {
  constructor(
    private readonly sessions: ForumSessions,
    private readonly store: ForumStore,
    private readonly media: ForumMedia,
  ) {}

  @Post(':id/forum/join')
  @HttpCode(200)
  @Access.to('session.attend', { sessionIdParam: 'id' })
  @RateLimit('join')
  @ApiOperation({ summary: 'Enter the forum (interactive room) and get a LiveKit token with the right to talk if a place is free; call again to refresh' })
  async join(@Param('id') id: string, @CurrentAccess() access: AccessContext): Promise<ForumJoinGrant> {
    this.media.available(); // media off: 503 before anything is recorded
    const session = await this.sessions.find(id);
    this.sessions.refuseIfEnded(session, Date.now());
    await this.sessions.refuseIfRemoved(session.id, access.principal!.personId);
    const actor = actorOf(access.principal!, access.roles);
    await this.store.submit(session.id, { type: 'enter', actor });
    const right = participantOf(await this.store.current(session.id), actor.personId)?.right ?? null;
    return this.media.grant(session.id, session.title, actor, right);
  }
}
