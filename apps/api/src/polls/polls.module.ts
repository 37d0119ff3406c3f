import { Module } from '@nestjs/common';
import { PollsBroadcaster } from './polls-broadcaster';
import { PollsController } from './polls.controller';
import { PollsGateway } from './polls.gateway';
import { PollsRepository } from './polls-repository';
import { PollSessions } from './polls-sessions';
import { PollsStore } from './polls-store';
import { ReactionsGateway } from './reactions.gateway';

/** Polls, formal votes and reactions: the log in PostgreSQL, the `/polls` and `/reactions` namespaces, the results. */
@Module({
  controllers: [PollsController],
  providers: [PollSessions, PollsRepository, PollsStore, PollsBroadcaster, PollsGateway, ReactionsGateway],
  exports: [PollsStore],
})
export class PollsModule {}
