import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CHAT_LIMITS, DomainError, type ChatMessage, type ChatRecordEntry, type ChatReport, type ChatRoomId } from '@podium/contracts';
import { parseRoomId, tokenize, type ChatActor, type MessageRef } from '@podium/chat';
import { allows } from '@podium/identity';
import { CachedLookup } from '../live/cached-lookup';
import { SessionDirectory } from '../live/session-directory';
import { SessionPeople } from '../live/session-people';
import { IdentityService } from '../identity/identity.service';
import type { Principal } from '../identity/principal';

export interface ChatRoom {
  roomId: ChatRoomId;
  conferenceId: string;
  sessionId: string | null;
  /** A market booth's chat: its staff moderate it. */
  boothId: string | null;
}

const ROOM_SQL = {
  lobby: 'SELECT id AS conference_id FROM conference WHERE id = $1',
  booth: 'SELECT conference_id FROM booth WHERE id = $1',
} as const;

interface MessageRow {
  room_id: string;
  seq: number;
  message_id: string;
  author_id: string;
  author_name: string;
  text: string;
  at: Date;
  deleted_at: Date | null;
}

const ROOM_TTL_MS = 60_000;
const MESSAGE_COLUMNS = 'room_id, seq, message_id, author_id, author_name, text, at, deleted_at';

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
    private readonly db: DataSource,
    private readonly identity: IdentityService,
    private readonly sessions: SessionDirectory,
    private readonly people: SessionPeople,
  ) {}

  /** How many days the conference keeps its chat. */
  async retentionDays(conferenceId: string): Promise<number> {
    const rows: { days: number }[] = await this.db.query('SELECT chat_retention_days AS days FROM conference WHERE id = $1', [conferenceId]);
    return rows[0].days;
  }

  async setRetentionDays(conferenceId: string, days: number): Promise<void> {
    await this.db.query('UPDATE conference SET chat_retention_days = $2 WHERE id = $1', [conferenceId, days]);
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
    const rows: { conference_id: string }[] = await this.db.query(ROOM_SQL[parsed.kind], [parsed.id]);
    if (!rows[0]) return null;
    return { roomId, conferenceId: rows[0].conference_id, sessionId: null, boothId: parsed.kind === 'booth' ? parsed.id : null };
  }

  /** The actor in this room; FORBIDDEN unless the person may attend the session (or, for a lobby, belongs to the conference). */
  async actorFor(principal: Principal, room: ChatRoom): Promise<ChatActor> {
    const roles = await this.identity.rolesFor(principal.personId, room.conferenceId, room.sessionId, principal.guest);
    if (!allows('session.attend', roles)) throw new DomainError('FORBIDDEN', 'You are not part of this chat’s conference');
    const moderator = room.boothId ? allows('conference.manage', roles) || (await this.staffs(room.boothId, principal.personId)) : allows('session.moderate', roles);
    return { personId: principal.personId, displayName: principal.displayName.slice(0, 100), moderator };
  }

  /** A booth's staff moderate its chat (as the organisers do). */
  private async staffs(boothId: string, personId: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM booth_staff WHERE booth_id = $1 AND person_id = $2', [boothId, personId])).length > 0;
  }

  /** Removed from the session by its moderators (a livestream ban): they may read its chat, not write in it. */
  async refuseIfRemoved(room: ChatRoom, personId: string): Promise<void> {
    if (room.sessionId) await this.people.refuseIfRemoved(room.sessionId, personId);
  }

  async message(roomId: string, messageId: string): Promise<MessageRef | null> {
    const rows: { author_id: string; deleted_at: Date | null }[] = await this.db.query('SELECT author_id, deleted_at FROM chat_message WHERE room_id = $1 AND message_id = $2', [roomId, messageId]);
    return rows[0] ? { id: messageId, authorId: rows[0].author_id, deleted: rows[0].deleted_at !== null } : null;
  }

  async hasReported(messageId: string, personId: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM chat_report WHERE message_id = $1 AND reporter_id = $2', [messageId, personId])).length > 0;
  }

  /** The message with this id if it is in this room (a retried post), for its seq. */
  async messageRow(messageId: string): Promise<MessageRow | null> {
    const rows: MessageRow[] = await this.db.query(`SELECT ${MESSAGE_COLUMNS} FROM chat_message WHERE message_id = $1`, [messageId]);
    return rows[0] ?? null;
  }

  /** Up to `limit` messages with seq < before, oldest first. */
  async history(roomId: string, before: number, limit: number): Promise<ChatMessage[]> {
    const rows: MessageRow[] = await this.db.query(`SELECT ${MESSAGE_COLUMNS} FROM chat_message WHERE room_id = $1 AND seq < $2::bigint ORDER BY seq DESC LIMIT $3`, [roomId, before, limit]);
    return rows.reverse().map(toChatMessage);
  }

  /**
   * A session chat's every message for the record, oldest first: what retention left (nothing after it),
   * deleted messages with an empty text and whether a moderator or the author deleted them.
   */
  async sessionRecord(sessionId: string): Promise<ChatRecordEntry[]> {
    const rows: { seq: number; message_id: string; at: Date; author_name: string; text: string; deleted: 'moderator' | 'author' | null }[] = await this.db.query(
      `SELECT seq, message_id, at, author_name, CASE WHEN deleted_at IS NULL THEN text ELSE '' END AS text,
              CASE WHEN deleted_at IS NULL THEN NULL WHEN deleted_by = author_id THEN 'author' ELSE 'moderator' END AS deleted
         FROM chat_message WHERE room_id = $1 ORDER BY seq`,
      [`session:${sessionId}`],
    );
    return rows.map((r) => ({ seq: r.seq, messageId: r.message_id, at: r.at.getTime(), authorName: r.author_name, text: r.text, deleted: r.deleted }));
  }

  /** The newest reports of the room (moderators only). */
  async reports(roomId: string): Promise<ChatReport[]> {
    const rows: { message_id: string; reporter_id: string; reporter_name: string; reason: string; at: Date }[] = await this.db.query(
      `SELECT r.message_id, r.reporter_id, r.reporter_name, r.reason, r.at FROM chat_report r JOIN chat_message m ON m.message_id = r.message_id
        WHERE m.room_id = $1 ORDER BY r.at DESC LIMIT $2`,
      [roomId, CHAT_LIMITS.historyLimit],
    );
    return rows.map((r) => ({ roomId, messageId: r.message_id, reporterId: r.reporter_id, reporterName: r.reporter_name, reason: r.reason, at: r.at.getTime() }));
  }
}
