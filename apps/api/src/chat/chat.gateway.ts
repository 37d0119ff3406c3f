import { OnGatewayConnection, OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import { CHAT_LIMITS, DomainError, type ChatClientEventName, type ChatClientPayload, type ChatRoomView } from '@podium/contracts';
import { historyWindow, mutedUntil, validateChatPayload, type ChatActor, type ChatCommand } from '@podium/chat';
import type { Principal } from '../identity/principal';
import { socketActor } from '../live/socket-actors';
import { SocketCommands, type SocketCommand } from '../realtime/socket-commands';
import { SocketGuard } from '../realtime/socket-guard';
import { ChatBroadcaster, moderationView, moderatorRoomOf, personRoomOf, roomOf, type ChatNamespace } from './chat-broadcaster';
import { ChatRooms, toChatMessage, type ChatRoom } from './chat-rooms';
import { ChatStore } from './chat-store';

type ChatSocketData = { principal: Principal };
type P<E extends ChatClientEventName> = ChatClientPayload<E>;

/**
 * The `/chat` namespace (one namespace per live feature): join a room (the last 200 messages), page
 * older ones, post, and the moderation commands; every event through the one command pipeline. The
 * actor comes from the authenticated socket and the roles, never from the payload.
 */
@WebSocketGateway({ namespace: '/chat' })
export class ChatGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly commands: Record<string, SocketCommand<any, object>>;

  constructor(
    private readonly rooms: ChatRooms,
    private readonly store: ChatStore,
    private readonly broadcaster: ChatBroadcaster,
    private readonly guard: SocketGuard,
    private readonly pipeline: SocketCommands,
  ) {
    const declare = <E extends ChatClientEventName>(event: E, command: Omit<SocketCommand<P<E>, object>, 'validate'>) => {
      this.commands[event] = { validate: (raw) => validateChatPayload(event, raw), ...command };
    };
    this.commands = {};
    // A join only reads (and joins rooms): safe to repeat while the database is briefly away.
    declare('chat:join', { recheck: 'required', retry: true, handle: (s, p) => this.join(s, p) });
    declare('chat:part', { handle: (s, p) => this.part(s, p) });
    declare('chat:history', { recheck: 'required', retry: true, handle: (s, p) => this.history(s, p) });
    declare('chat:post', { recheck: 'required', limit: 'chat', handle: (s, p) => this.post(s, p) });
    declare('chat:report', { recheck: 'required', limit: 'chat', handle: (s, p) => this.report(s, p) });
    declare('chat:delete', { recheck: 'required', handle: (s, p) => this.delete(s, p) });
    declare('chat:mute', { recheck: 'required', handle: (s, p) => this.run(s, p.roomId, (actor) => ({ type: 'mute', actor, personId: p.personId, untilMs: p.untilMs })) });
    declare('chat:unmute', { recheck: 'required', handle: (s, p) => this.run(s, p.roomId, (actor) => ({ type: 'unmute', actor, personId: p.personId })) });
    declare('chat:slow-mode', { recheck: 'required', handle: (s, p) => this.run(s, p.roomId, (actor) => ({ type: 'slow-mode', actor, intervalSeconds: p.intervalSeconds })) });
  }

  afterInit(namespace: ChatNamespace): void {
    this.guard.protect(namespace, { authenticate: 'required' });
    this.broadcaster.attach(namespace);
  }

  handleConnection(socket: Socket): void {
    this.pipeline.register(socket, this.commands);
  }

  private async join(socket: Socket, p: P<'chat:join'>) {
    const room = await this.rooms.find(p.roomId);
    const actor = await this.actorFor(socket, room, true);
    // In the rooms before reading: anything committed after the read reaches this socket (the client drops seqs it has).
    await socket.join([roomOf(room.roomId), personRoomOf(room.roomId, actor.personId), ...(actor.moderator ? [moderatorRoomOf(room.roomId)] : [])]);
    if (!actor.moderator) await socket.leave(moderatorRoomOf(room.roomId));
    const state = await this.store.current(room.roomId);
    const now = Date.now();
    const view: ChatRoomView = {
      roomId: room.roomId,
      slowModeSeconds: state.slowModeMs === null ? null : state.slowModeMs / 1000,
      moderator: actor.moderator,
      mutedUntil: mutedUntil(state, actor.personId, now),
    };
    const messages = await this.rooms.history(room.roomId, Number.MAX_SAFE_INTEGER, CHAT_LIMITS.historyLimit);
    return { room: view, messages, moderation: actor.moderator ? await moderationView(this.rooms, state, now) : null };
  }

  private async part(socket: Socket, p: P<'chat:part'>) {
    const personId = (socket.data as ChatSocketData).principal.personId;
    await socket.leave(roomOf(p.roomId));
    await socket.leave(moderatorRoomOf(p.roomId));
    await socket.leave(personRoomOf(p.roomId, personId));
    return {};
  }

  private async history(socket: Socket, p: P<'chat:history'>) {
    const room = await this.rooms.find(p.roomId);
    await this.actorFor(socket, room, false);
    const window = historyWindow(p.before, p.limit);
    return { messages: await this.rooms.history(room.roomId, window.before, window.limit) };
  }

  private async post(socket: Socket, p: P<'chat:post'>) {
    const room = await this.rooms.find(p.roomId);
    const actor = await this.actorFor(socket, room, false);
    await this.rooms.refuseIfRemoved(room, actor.personId);
    // A retried post (same id, same author, same room) is answered with the first one's seq.
    const existing = await this.rooms.messageRow(p.messageId);
    if (existing) {
      if (existing.author_id === actor.personId && existing.room_id === room.roomId) return { seq: existing.seq, message: toChatMessage(existing) };
      throw new DomainError('CONFLICT', 'This message id is already taken', { reason: 'CHAT_MESSAGE_ID_TAKEN' });
    }
    const result = await this.store.submit(room.roomId, { type: 'post', actor, messageId: p.messageId, text: p.text });
    return { seq: result.version };
  }

  private async delete(socket: Socket, p: P<'chat:delete'>) {
    const room = await this.rooms.find(p.roomId);
    const message = await this.rooms.message(room.roomId, p.messageId);
    return this.run(socket, p.roomId, (actor) => ({ type: 'delete', actor, message }));
  }

  private async report(socket: Socket, p: P<'chat:report'>) {
    const room = await this.rooms.find(p.roomId);
    const message = await this.rooms.message(room.roomId, p.messageId);
    // Once per person and message: a repeat is answered without a new event (the table's key holds it anyway).
    const actor = await this.actorFor(socket, room, false);
    if (message && (await this.rooms.hasReported(message.id, actor.personId))) return { seq: (await this.store.current(room.roomId)).version };
    return this.run(socket, p.roomId, (a) => ({ type: 'report', actor: a, message, reason: p.reason ?? '' }));
  }

  private async run(socket: Socket, roomId: string, command: (actor: ChatActor) => ChatCommand) {
    const room = await this.rooms.find(roomId);
    const actor = await this.actorFor(socket, room, false);
    const result = await this.store.submit(room.roomId, command(actor));
    return { seq: result.version };
  }

  /** Roles are looked up on join and remembered for the socket's commands in that room, until the token is checked again. */
  private actorFor(socket: Socket, room: ChatRoom, fresh: boolean): Promise<ChatActor> {
    return socketActor(socket, room.roomId, fresh, (principal) => this.rooms.actorFor(principal, room));
  }
}
