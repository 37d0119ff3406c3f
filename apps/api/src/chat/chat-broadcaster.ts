import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import type { ChatClientToServerEvents, ChatMessage, ChatModerationView, ChatServerToClientEvents } from '@podium/contracts';
import { mutedUntil, tokenize, type ChatEvent, type ChatRoomState } from '@podium/chat';
import { Coalescer } from '@podium/live-store';
import { ChatRooms } from './chat-rooms';
import { ChatStore, type ChatCommitted } from './chat-store';

export type ChatNamespace = Namespace<ChatClientToServerEvents, ChatServerToClientEvents>;

export const roomOf = (roomId: string) => `chat:${roomId}`;
export const moderatorRoomOf = (roomId: string) => `chat-moderators:${roomId}`;
export const personRoomOf = (roomId: string, personId: string) => `chat-person:${roomId}:${personId}`;

/**
 * During a burst a room's messages go out at most this often, all of them in one `chat:messages` packet
 * per socket: 50 posts a second to 2,000 readers were 100,000 packets a second one by one. An isolated
 * message goes out at once; the interval grows with the cost of the last broadcast (LOAD_FACTOR).
 */
const MIN_INTERVAL_MS = 50;
const MAX_INTERVAL_MS = 500;
const LOAD_FACTOR = 2;

/** The moderators' view: current mutes from the fold, the newest reports from the rows. */
export async function moderationView(rooms: ChatRooms, state: ChatRoomState, now: number): Promise<ChatModerationView> {
  const mutes = Object.keys(state.mutes)
    .map((personId) => ({ personId, until: mutedUntil(state, personId, now) }))
    .filter((m): m is { personId: string; until: number } => m.until !== null);
  return { roomId: state.roomId, mutes, reports: await rooms.reports(state.roomId) };
}

type Outgoing = { seq: number; event: ChatEvent };

/**
 * After each commit: every message and deletion goes to the room (through the Redis adapter to every
 * process) in commit order; no message is dropped, but a burst's messages share one packet. Mutes and
 * reports go to the moderators, a mute also to the muted person's sockets.
 */
@Injectable()
export class ChatBroadcaster implements OnModuleDestroy {
  private readonly logger = new Logger('chat');
  private namespace: ChatNamespace | null = null;
  private readonly coalescer = new Coalescer<Outgoing>({
    flush: (roomId, items) => this.flush(roomId, items),
    onError: (roomId, error) => this.logger.error(`broadcast of chat ${roomId} failed: ${(error as Error).message}`),
    minIntervalMs: MIN_INTERVAL_MS,
    maxIntervalMs: MAX_INTERVAL_MS,
    loadFactor: LOAD_FACTOR,
  });

  constructor(
    store: ChatStore,
    private readonly rooms: ChatRooms,
  ) {
    store.onCommitted((c) => this.committed(c));
  }

  attach(namespace: ChatNamespace): void {
    this.namespace = namespace;
  }

  onModuleDestroy(): void {
    this.coalescer.stop();
  }

  private committed({ id: roomId, from, events, state }: ChatCommitted): void {
    const ns = this.namespace;
    if (!ns || events.length === 0) return;
    this.coalescer.push(roomId, events.map((event, i) => ({ seq: from + i + 1, event })));
    if (events.some((e) => e.type === 'person-muted' || e.type === 'person-unmuted' || e.type === 'message-reported')) {
      moderationView(this.rooms, state, Date.now()).then(
        (view) => ns.to(moderatorRoomOf(roomId)).emit('chat:moderation', view),
        (error: Error) => this.logger.warn(`moderation view of ${roomId} failed: ${error.message}`),
      );
    }
  }

  /** In seq order: consecutive posts as one `chat:messages`, each other event where it falls between them. */
  private flush(roomId: string, items: Outgoing[]): void {
    const ns = this.namespace;
    if (!ns) return;
    const room = ns.to(roomOf(roomId));
    let messages: ChatMessage[] = [];
    const sendMessages = () => {
      if (messages.length) room.emit('chat:messages', { roomId, messages });
      messages = [];
    };
    for (const { seq, event } of items) {
      if (event.type === 'message-posted') {
        messages.push({ roomId, id: event.messageId, seq, authorId: event.actor.personId, authorName: event.actor.displayName, at: event.at, tokens: tokenize(event.text), deleted: false });
        continue;
      }
      sendMessages();
      switch (event.type) {
        case 'message-deleted':
          room.emit('chat:deleted', { roomId, messageId: event.messageId, seq });
          break;
        case 'slow-mode-set':
          room.emit('chat:room', { roomId, slowModeSeconds: event.intervalMs === null ? null : event.intervalMs / 1000 });
          break;
        case 'person-muted':
        case 'person-unmuted':
          ns.to(personRoomOf(roomId, event.personId)).emit('chat:muted', { roomId, until: event.type === 'person-muted' ? event.until : null });
          break;
      }
    }
    sendMessages();
  }
}
