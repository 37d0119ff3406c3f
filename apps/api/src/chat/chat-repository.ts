import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CHAT_LIMITS, type ChatRecordEntry, type ChatReport } from '@podium/contracts';

/** A chat message as stored. */
export interface MessageRow {
  room_id: string;
  seq: number;
  message_id: string;
  author_id: string;
  author_name: string;
  text: string;
  at: Date;
  deleted_at: Date | null;
}

const ROOM_SQL = {
  lobby: 'SELECT id AS conference_id FROM conference WHERE id = $1',
  booth: 'SELECT conference_id FROM booth WHERE id = $1',
} as const;
const MESSAGE_COLUMNS = 'room_id, seq, message_id, author_id, author_name, text, at, deleted_at';

/** The chat's SQL beside its log (`ChatLog`): rooms' conferences, retention, message rows and reports. */
@Injectable()
export class ChatRepository {
  constructor(private readonly db: DataSource) {}

  async retentionDays(conferenceId: string): Promise<number> {
    const rows: { days: number }[] = await this.db.query('SELECT chat_retention_days AS days FROM conference WHERE id = $1', [conferenceId]);
    return rows[0].days;
  }

  async setRetentionDays(conferenceId: string, days: number): Promise<void> {
    await this.db.query('UPDATE conference SET chat_retention_days = $2 WHERE id = $1', [conferenceId, days]);
  }

  /** The conference of a lobby (the conference itself) or a booth; null if there is none. */
  async conferenceOf(kind: keyof typeof ROOM_SQL, id: string): Promise<string | null> {
    const rows: { conference_id: string }[] = await this.db.query(ROOM_SQL[kind], [id]);
    return rows[0]?.conference_id ?? null;
  }

  async staffs(boothId: string, personId: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM booth_staff WHERE booth_id = $1 AND person_id = $2', [boothId, personId])).length > 0;
  }

  async message(roomId: string, messageId: string): Promise<{ author_id: string; deleted_at: Date | null } | null> {
    const rows: { author_id: string; deleted_at: Date | null }[] = await this.db.query('SELECT author_id, deleted_at FROM chat_message WHERE room_id = $1 AND message_id = $2', [roomId, messageId]);
    return rows[0] ?? null;
  }

  async hasReported(messageId: string, personId: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM chat_report WHERE message_id = $1 AND reporter_id = $2', [messageId, personId])).length > 0;
  }

  async messageRow(messageId: string): Promise<MessageRow | null> {
    const rows: MessageRow[] = await this.db.query(`SELECT ${MESSAGE_COLUMNS} FROM chat_message WHERE message_id = $1`, [messageId]);
    return rows[0] ?? null;
  }

  /** Up to `limit` messages with seq < before, newest first. */
  newestBefore(roomId: string, before: number, limit: number): Promise<MessageRow[]> {
    return this.db.query(`SELECT ${MESSAGE_COLUMNS} FROM chat_message WHERE room_id = $1 AND seq < $2::bigint ORDER BY seq DESC LIMIT $3`, [roomId, before, limit]);
  }

  /** A session chat's every message, oldest first; deleted ones with an empty text and who deleted them. */
  async sessionRecord(sessionId: string): Promise<ChatRecordEntry[]> {
    const rows: { seq: number; message_id: string; at: Date; author_name: string; text: string; deleted: 'moderator' | 'author' | null }[] = await this.db.query(
      `SELECT seq, message_id, at, author_name, CASE WHEN deleted_at IS NULL THEN text ELSE '' END AS text,
              CASE WHEN deleted_at IS NULL THEN NULL WHEN deleted_by = author_id THEN 'author' ELSE 'moderator' END AS deleted
         FROM chat_message WHERE room_id = $1 ORDER BY seq`,
      [`session:${sessionId}`],
    );
    return rows.map((r) => ({ seq: r.seq, messageId: r.message_id, at: r.at.getTime(), authorName: r.author_name, text: r.text, deleted: r.deleted }));
  }

  /** The newest reports of the room. */
  async reports(roomId: string): Promise<ChatReport[]> {
    const rows: { message_id: string; reporter_id: string; reporter_name: string; reason: string; at: Date }[] = await this.db.query(
      `SELECT r.message_id, r.reporter_id, r.reporter_name, r.reason, r.at FROM chat_report r JOIN chat_message m ON m.message_id = r.message_id
        WHERE m.room_id = $1 ORDER BY r.at DESC LIMIT $2`,
      [roomId, CHAT_LIMITS.historyLimit],
    );
    return rows.map((r) => ({ roomId, messageId: r.message_id, reporterId: r.reporter_id, reporterName: r.reporter_name, reason: r.reason, at: r.at.getTime() }));
  }

  /** Deletes messages (their reports go with them) and events about messages and people older than their conference's retention at `at`; how many messages went. */
  deleteExpired(at: Date): Promise<number> {
    return this.db.transaction(async (m) => {
      const [, deleted] = (await m.query(
        `DELETE FROM chat_message msg USING chat_room r JOIN conference c ON c.id = r.conference_id
          WHERE msg.room_id = r.room_id AND msg.at < $1::timestamptz - c.chat_retention_days * interval '1 day'`,
        [at],
      )) as [unknown, number];
      await m.query(
        `DELETE FROM chat_event e USING chat_room r JOIN conference c ON c.id = r.conference_id
          WHERE e.room_id = r.room_id AND e.type <> 'slow-mode-set' AND e.at < $1::timestamptz - c.chat_retention_days * interval '1 day'`,
        [at],
      );
      return deleted;
    });
  }
}
