import { Injectable } from '@nestjs/common';
import { DomainError, type ChatMessage, type ChatRecordEntry, type ChatReport, type ChatRoomId } from '@podium/contracts';
import { parseRoomId, tokenize, type ChatActor, type MessageRef } from '@podium/chat';
import { allows } from '@podium/identity';
import { CachedLookup } from '../live/cached-lookup';
import { SessionDirectory } from '../live/session-directory';
import { SessionPeople } from '../live/session-people';
import { IdentityService } from '../identity/identity.service';
import type { Principal } from '../identity/principal';
import { ChatRepository, type MessageRow } from './chat-repository';

export interface ChatRoom {
  roomId: ChatRoomId;
  conferenceId: string;
  sessionId: string | null;
  /** A market booth's chat: its staff moderate it. */
  boothId: string | null;
}

const ROOM_TTL_MS = 60_000;

export const toChatMessage = (r: MessageRow): ChatMessage => ({
  roomId: r.room_id,
  id: r.message_id,
  seq: r.seq,
  authorId: r.author_id,
  authorName: r.author_name,
  at: r.at.getTime(),
  tokens: r.deleted_at ? [] : tokenize(r.text),
  deleted: r.deleted_at !== null,
});

/** Which rooms exist, who may read and moderate them, and the message rows (history, lookups, reports). */
@Injectable()
export class ChatRooms {
  // Rooms never move between conferences; a short cache keeps 2,000 joins from asking 2,000 times.
  private readonly rooms = new CachedLookup<ChatRoom>((roomId) => this.load(roomId), { ttlMs: ROOM_TTL_MS });

  constructor(
    private readonly repository: ChatRepository,
    private readonly identity: IdentityService,
    private readonly sessions: SessionDirectory,
    private readonly people: SessionPeople,
  ) {}

  /** How many days the conference keeps its chat. */
  retentionDays(conferenceId: string): Promise<number> {
    return this.repository.retentionDays(conferenceId);
  }

  setRetentionDays(conferenceId: string, days: number): Promise<void> {
    return this.repository.setRetentionDays(conferenceId, days);
  }

  /** The room if its session, conference or booth exists; NOT_FOUND otherwise. */
  async find(roomId: string): Promise<ChatRoom> {
    const room = await this.rooms.get(roomId);
    if (!room) throw new DomainError('NOT_FOUND', 'No such chat: the session or conference does not exist');
    return room;
  }

  private async load(roomId: string): Promise<ChatRoom | null> {
    const parsed = parseRoomId(roomId);
    if (!parsed) return null;
    if (parsed.kind === 'session') {
      const session = await this.sessions.lookup(parsed.id);
      return session ? { roomId, conferenceId: session.conferenceId, sessionId: parsed.id, boothId: null } : null;
    }
    const conferenceId = await this.repository.conferenceOf(parsed.kind, parsed.id);
    if (!conferenceId) return null;
    return { roomId, conferenceId, sessionId: null, boothId: parsed.kind === 'booth' ? parsed.id : null };
  }

  /** The actor in this room; FORBIDDEN unless the person may attend the session (or, for a lobby, belongs to the conference). */
  async actorFor(principal: Principal, room: ChatRoom): Promise<ChatActor> {
    const roles = await this.identity.rolesFor(principal.personId, room.conferenceId, room.sessionId, principal.guest);
    if (!allows('session.attend', roles)) throw new DomainError('FORBIDDEN', 'You are not part of this chat’s conference');
    const moderator = room.boothId ? allows('conference.manage', roles) || (await this.repository.staffs(room.boothId, principal.personId)) : allows('session.moderate', roles);
    return { personId: principal.personId, displayName: principal.displayName.slice(0, 100), moderator };
  }

  /** Removed from the session by its moderators (a livestream ban): they may read its chat, not write in it. */
  async refuseIfRemoved(room: ChatRoom, personId: string): Promise<void> {
    if (room.sessionId) await this.people.refuseIfRemoved(room.sessionId, personId);
  }

  async message(roomId: string, messageId: string): Promise<MessageRef | null> {
    const row = await this.repository.message(roomId, messageId);
    return row ? { id: messageId, authorId: row.author_id, deleted: row.deleted_at !== null } : null;
  }

  hasReported(messageId: string, personId: string): Promise<boolean> {
    return this.repository.hasReported(messageId, personId);
  }

  /** The message with this id if it is in this room (a retried post), for its seq. */
  messageRow(messageId: string): Promise<MessageRow | null> {
    return this.repository.messageRow(messageId);
  }

  /** Up to `limit` messages with seq < before, oldest first. */
  async history(roomId: string, before: number, limit: number): Promise<ChatMessage[]> {
    return (await this.repository.newestBefore(roomId, before, limit)).reverse().map(toChatMessage);
  }

  /**
   * A session chat's every message for the record, oldest first: what retention left (nothing after it),
   * deleted messages with an empty text and whether a moderator or the author deleted them.
   */
  sessionRecord(sessionId: string): Promise<ChatRecordEntry[]> {
    return this.repository.sessionRecord(sessionId);
  }

  /** The newest reports of the room (moderators only). */
  reports(roomId: string): Promise<ChatReport[]> {
    return this.repository.reports(roomId);
  }
}
