import { Injectable, Logger } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import type { ChatClientToServerEvents, ChatModerationView, ChatServerToClientEvents } from '@podium/contracts';
import { mutedUntil, tokenize, type ChatRoomState } from '@podium/chat';
import { ChatRooms } from './chat-rooms';
import { ChatStore, type ChatCommitted } from './chat-store';

export type ChatNamespace = Namespace<ChatClientToServerEvents, ChatServerToClientEvents>;

export const roomOf = (roomId: string) => `chat:${roomId}`;
export const moderatorRoomOf = (roomId: string) => `chat-moderators:${roomId}`;
export const personRoomOf = (roomId: string, personId: string) => `chat-person:${roomId}:${personId}`;

/** The moderators' view: current mutes from the fold, the newest reports from the rows. */
export async function moderationView(rooms: ChatRooms, state: ChatRoomState, now: number): Promise<ChatModerationView> {
  const mutes = Object.keys(state.mutes)
    .map((personId) => ({ personId, until: mutedUntil(state, personId, now) }))
    .filter((m): m is { personId: string; until: number } => m.until !== null);
  return { roomId: state.roomId, mutes, reports: await rooms.reports(state.roomId) };
}

/**
 * After each commit: every message and deletion goes to the room as it is (through the Redis adapter to
 * every process), in commit order; no coalescing, since each message must reach every reader. Mutes and
 * reports go to the moderators, a mute also to the muted person's sockets.
 */
@Injectable()
export class ChatBroadcaster {
  private readonly logger = new Logger('chat');
  private namespace: ChatNamespace | null = null;

  constructor(
    store: ChatStore,
    private readonly rooms: ChatRooms,
  ) {
    store.onCommitted((c) => this.committed(c));
  }

  attach(namespace: ChatNamespace): void {
    this.namespace = namespace;
  }

  private committed({ id: roomId, from, events, state }: ChatCommitted): void {
    const ns = this.namespace;
    if (!ns || events.length === 0) return;
    let moderation = false;
    events.forEach((event, i) => {
      const seq = from + i + 1;
      switch (event.type) {
        case 'message-posted':
          ns.to(roomOf(roomId)).emit('chat:message', {
            roomId,
            id: event.messageId,
            seq,
            authorId: event.actor.personId,
            authorName: event.actor.displayName,
            at: event.at,
            tokens: tokenize(event.text),
            deleted: false,
          });
          break;
        case 'message-deleted':
          ns.to(roomOf(roomId)).emit('chat:deleted', { roomId, messageId: event.messageId, seq });
          break;
        case 'slow-mode-set':
          ns.to(roomOf(roomId)).emit('chat:room', { roomId, slowModeSeconds: event.intervalMs === null ? null : event.intervalMs / 1000 });
          break;
        case 'person-muted':
        case 'person-unmuted':
          ns.to(personRoomOf(roomId, event.personId)).emit('chat:muted', { roomId, until: event.type === 'person-muted' ? event.until : null });
          moderation = true;
          break;
        case 'message-reported':
          moderation = true;
          break;
      }
    });
    if (moderation) {
      moderationView(this.rooms, state, Date.now()).then(
        (view) => ns.to(moderatorRoomOf(roomId)).emit('chat:moderation', view),
        (error: Error) => this.logger.warn(`moderation view of ${roomId} failed: ${error.message}`),
      );
    }
  }
}
