import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { decide, evolve, initialRoom, type ChatCommand, type ChatEvent, type ChatRoomState } from '@podium/chat';
import { LiveStore, type Aggregate, type Committed as LiveCommitted } from '@podium/live-store';
import { ChatLog } from './chat-log';

export type ChatCommitted = LiveCommitted<ChatRoomState, ChatEvent>;

export const CHAT_AGGREGATE: Aggregate<ChatRoomState, ChatCommand, ChatEvent> = {
  initial: initialRoom,
  decide,
  evolve,
  summary: () => ({ status: 'open', nextDeadline: null }),
};

/** The chat rooms of this process on the live store: one queue per room, so messages commit in order. */
@Injectable()
export class ChatStore extends LiveStore<ChatRoomState, ChatCommand, ChatEvent> {
  constructor(db: DataSource) {
    super({ name: 'chat', aggregate: CHAT_AGGREGATE, log: new ChatLog(db), logger: new Logger('chat') });
  }
}
