import { Module } from '@nestjs/common';
import { ChatModule } from '../chat/chat.module';
import { FishbowlModule } from '../fishbowl/fishbowl.module';
import { ForumModule } from '../forum/forum.module';
import { PollsModule } from '../polls/polls.module';
import { QuestionsModule } from '../questions/questions.module';
import { SessionRecordController } from './session-record.controller';
import { SessionRecords } from './session-records';

/** The session record of every kind of session: reads each feature's store, assembles with `@podium/session-record`. */
@Module({
  imports: [FishbowlModule, ForumModule, QuestionsModule, PollsModule, ChatModule],
  controllers: [SessionRecordController],
  providers: [SessionRecords],
})
export class SessionRecordModule {}
