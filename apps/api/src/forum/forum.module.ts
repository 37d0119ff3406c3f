import { Module } from '@nestjs/common';
import { ForumBroadcaster } from './forum-broadcaster';
import { ForumController } from './forum.controller';
import { ForumGateway } from './forum.gateway';
import { ForumMedia } from './forum-media';
import { ForumMediaSync } from './forum-media-sync';
import { ForumSessions } from './forum-sessions';
import { ForumStore } from './forum-store';
import { ForumTimers } from './forum-timers';

/** Forums as conversations: the log in PostgreSQL, the `/forum` namespace, the forum's LiveKit rooms, the breakouts' timer. */
@Module({
  controllers: [ForumController],
  providers: [ForumSessions, ForumStore, ForumBroadcaster, ForumMedia, ForumMediaSync, ForumTimers, ForumGateway],
  exports: [ForumStore],
})
export class ForumModule {}
