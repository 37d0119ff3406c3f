import { Module } from '@nestjs/common';
import { ChatBroadcaster } from './chat-broadcaster';
import { ChatController } from './chat.controller';
import { ChatGateway } from './chat.gateway';
import { CHAT_CLOCK, ChatRetention } from './chat-retention';
import { ChatRepository } from './chat-repository';
import { ChatRooms } from './chat-rooms';
import { ChatStore } from './chat-store';

/** The chat edge: rooms on the live store, the `/chat` namespace, the retention sweep, the organiser's setting; the rows for the session record. */
@Module({
  controllers: [ChatController],
  providers: [{ provide: CHAT_CLOCK, useValue: () => Date.now() }, ChatRepository, ChatRooms, ChatStore, ChatBroadcaster, ChatRetention, ChatGateway],
  exports: [ChatStore, ChatRetention, ChatRooms],
})
export class ChatModule {}
