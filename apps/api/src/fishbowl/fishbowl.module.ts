import { Module } from '@nestjs/common';
import { ChatModule } from '../chat/chat.module';
import { PollsModule } from '../polls/polls.module';
import { FishbowlBroadcaster } from './fishbowl-broadcaster';
import { FishbowlController } from './fishbowl.controller';
import { FishbowlGateway } from './fishbowl.gateway';
import { FishbowlPresence } from './fishbowl-presence';
import { FishbowlSessions } from './fishbowl-sessions';
import { FishbowlStore } from './fishbowl-store';
import { FishbowlTimers } from './fishbowl-timers';
import { StageSync } from './stage-sync';

/** The fishbowl edge: the log in PostgreSQL, the `/fishbowl` namespace, timers, stage sync and the minutes. */
@Module({
  imports: [PollsModule, ChatModule],
  controllers: [FishbowlController],
  providers: [FishbowlSessions, FishbowlStore, FishbowlBroadcaster, FishbowlTimers, StageSync, FishbowlPresence, FishbowlGateway],
  exports: [FishbowlStore, FishbowlSessions],
})
export class FishbowlModule {}
