import { Module } from '@nestjs/common';
import { FishbowlModule } from '../fishbowl/fishbowl.module';
import { QuestionsBroadcaster } from './questions-broadcaster';
import { QuestionsController } from './questions.controller';
import { QuestionsGateway } from './questions.gateway';
import { QuestionsPodium } from './questions-podium';
import { QuestionSessions } from './questions-sessions';
import { QuestionsStore } from './questions-store';

/** Questions (Q&A) per session: the log in PostgreSQL, the `/questions` namespace, the record. */
@Module({
  imports: [FishbowlModule],
  controllers: [QuestionsController],
  providers: [QuestionSessions, QuestionsStore, QuestionsBroadcaster, QuestionsPodium, QuestionsGateway],
  exports: [QuestionsStore],
})
export class QuestionsModule {}
