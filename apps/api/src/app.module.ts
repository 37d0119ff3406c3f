import { DynamicModule, Module, type Type } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ChatModule } from './chat/chat.module';
import { DatabaseModule } from './database/database.module';
import { FishbowlModule } from './fishbowl/fishbowl.module';
import { ForumModule } from './forum/forum.module';
import { MarketModule } from './market/market.module';
import { NetworkingModule } from './networking/networking.module';
import { HealthController } from './health/health.controller';
import { IdentityModule } from './identity/identity.module';
import { InvitationsModule } from './invitations/invitations.module';
import { LiveModule } from './live/live.module';
import { LivestreamModule } from './livestream/livestream.module';
import { PollsModule } from './polls/polls.module';
import { ProgrammeModule } from './programme/programme.module';
import { QuestionsModule } from './questions/questions.module';
import { SessionRecordModule } from './record/session-record.module';
import { RedisModule } from './redis/redis.module';
import { RUNTIME, type Runtime } from './runtime';
import { RuntimeModule } from './runtime.module';

/** Feature modules of the api; each domain adds its module here. */
export const FEATURE_MODULES: Type[] = [IdentityModule, ProgrammeModule, LivestreamModule, FishbowlModule, InvitationsModule, QuestionsModule, PollsModule, ChatModule, SessionRecordModule, ForumModule, MarketModule, NetworkingModule];

@Module({})
export class AppModule {
  static with(runtime: Runtime, dataSource: DataSource): DynamicModule {
    return {
      module: AppModule,
      imports: [RuntimeModule.with(runtime), DatabaseModule.with(dataSource), RedisModule, LiveModule, ...FEATURE_MODULES],
      controllers: [HealthController],
    };
  }
}

export { RUNTIME };
