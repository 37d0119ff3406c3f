import { Module } from '@nestjs/common';
import { FishbowlBroadcaster } from './fishbowl-broadcaster';
import { FishbowlController } from './fishbowl.controller';
import { FishbowlGateway } from './fishbowl.gateway';
import { FishbowlPresence } from './fishbowl-presence';
import { FishbowlSessions } from './fishbowl-sessions';
import { FishbowlStore } from './fishbowl-store';
import { FishbowlTimers } from './fishbowl-timers';
import { StageSync } from './stage-sync';

/** The fishbowl edge: the log in PostgreSQL, the `/fishbowl` namespace, timers, stage sync (its record and minutes: `record/`). */
@Module({
  controllers: [FishbowlController],
  providers: [FishbowlSessions, FishbowlStore, FishbowlBroadcaster, FishbowlTimers, StageSync, FishbowlPresence, FishbowlGateway],
  exports: [FishbowlStore, FishbowlSessions],
})
export class FishbowlModule {}
