import type { DataSource, EntityManager } from 'typeorm';
import type { ChatEvent } from '@podium/chat';
import type { EventLogPort, LogTransaction } from '@podium/live-store';
import { isVersionConflict } from '../live/postgres-event-log';

interface Row {
  seq: number;
  type: ChatEvent['type'];
  payload: Record<string, unknown>;
  actor: ChatEvent['actor'];
  at: Date;
}

const ENSURE = `INSERT INTO chat_room (room_id, conference_id)
  SELECT $1, CASE WHEN $1 LIKE 'lobby:%' THEN substr($1, 7)::uuid
                  WHEN $1 LIKE 'booth:%' THEN (SELECT conference_id FROM booth WHERE id = substr($1, 7)::uuid)
                  ELSE (SELECT conference_id FROM session WHERE id = substr($1, 9)::uuid) END
  ON CONFLICT (room_id) DO NOTHING`;
// Posts are read back without their text: the fold needs only who posted when (slow mode).
const AFTER = `SELECT seq, 'message-posted' AS type, jsonb_build_object('messageId', message_id, 'text', '') AS payload,
         jsonb_build_object('personId', author_id, 'displayName', author_name, 'moderator', false) AS actor, at
    FROM chat_message WHERE room_id = $1 AND seq > $2
  UNION ALL
  SELECT seq, type, payload, actor, at FROM chat_event WHERE room_id = $1 AND seq > $2
  ORDER BY seq`;
const INSERT_MESSAGES = `INSERT INTO chat_message (room_id, seq, message_id, author_id, author_name, text, at)
  SELECT $1, x.seq, x.id, x.author, x.name, x.text, x.at
    FROM unnest($2::int[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::timestamptz[]) AS x(seq, id, author, name, text, at)
  ON CONFLICT (message_id) DO NOTHING`; // a raced duplicate id (checked before) must not fail the whole group commit
const INSERT_EVENTS = `INSERT INTO chat_event (room_id, seq, type, payload, actor, at)
  SELECT $1, x.seq, x.type, x.payload::jsonb, x.actor::jsonb, x.at FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::timestamptz[]) AS x(seq, type, payload, actor, at)`;

/**
 * A chat room's log in PostgreSQL: posts are `chat_message` rows, every other event a `chat_event` row,
 * both numbered by the room's version (one sequence, so order = commit order). Deletions blank the
 * message's text; reports are kept once per person and message. Retention deletes old rows and so leaves
 * gaps: events come back with their `seq`, which the fold takes as the version.
 */
export class ChatLog implements EventLogPort<ChatEvent> {
  constructor(private readonly db: DataSource) {}

  async ensure(id: string): Promise<void> {
    await this.db.manager.query(ENSURE, [id]);
  }

  after(id: string, version: number): Promise<ChatEvent[]> {
    return read(this.db.manager, id, version);
  }

  transaction<T>(work: (tx: LogTransaction<ChatEvent>) => Promise<T>): Promise<T> {
    return this.db.transaction((m) =>
      work({
        lock: async (id) => {
          const rows: { version: number }[] = await m.query('SELECT version FROM chat_room WHERE room_id = $1 FOR UPDATE', [id]);
          if (!rows[0]) throw new Error(`chat room ${id} has no row`);
          return rows[0].version;
        },
        after: (id, version) => read(m, id, version),
        append: (id, from, events) => append(m, id, from, events),
      }),
    );
  }

  isVersionConflict(error: unknown): boolean {
    return isVersionConflict(error);
  }

  /** Chat rooms have no timers. */
  async due(): Promise<{ id: string; deadline: number }[]> {
    return [];
  }
}

async function read(m: EntityManager, id: string, version: number): Promise<ChatEvent[]> {
  const rows: Row[] = await m.query(AFTER, [id, version]);
  return rows.map((r) => ({ ...r.payload, type: r.type, at: r.at.getTime(), actor: r.actor, seq: r.seq }) as ChatEvent);
}

async function append(m: EntityManager, id: string, from: number, events: readonly ChatEvent[]): Promise<void> {
  const posts = { seq: [] as number[], id: [] as string[], author: [] as string[], name: [] as string[], text: [] as string[], at: [] as string[] };
  const others = { seq: [] as number[], type: [] as string[], payload: [] as string[], actor: [] as string[], at: [] as string[] };
  const effects: [string, unknown[]][] = [];
  events.forEach((event, i) => {
    const seq = from + i + 1;
    const at = new Date(event.at).toISOString();
    if (event.type === 'message-posted') {
      posts.seq.push(seq);
      posts.id.push(event.messageId);
      posts.author.push(event.actor.personId);
      posts.name.push(event.actor.displayName);
      posts.text.push(event.text);
      posts.at.push(at);
      return;
    }
    const { type, at: _at, actor, seq: _seq, ...payload } = event;
    others.seq.push(seq);
    others.type.push(type);
    others.payload.push(JSON.stringify(payload));
    others.actor.push(JSON.stringify(actor));
    others.at.push(at);
    if (event.type === 'message-deleted') {
      effects.push(['UPDATE chat_message SET text = \'\', deleted_at = $2, deleted_by = $3 WHERE message_id = $1 AND deleted_at IS NULL', [event.messageId, at, actor.personId]]);
    }
    if (event.type === 'message-reported') {
      effects.push([
        'INSERT INTO chat_report (message_id, reporter_id, reporter_name, reason, at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (message_id, reporter_id) DO NOTHING',
        [event.messageId, actor.personId, actor.displayName, event.reason, at],
      ]);
    }
  });
  if (posts.seq.length) await m.query(INSERT_MESSAGES, [id, posts.seq, posts.id, posts.author, posts.name, posts.text, posts.at]);
  if (others.seq.length) await m.query(INSERT_EVENTS, [id, others.seq, others.type, others.payload, others.actor, others.at]);
  for (const [sql, params] of effects) await m.query(sql, params);
  await m.query('UPDATE chat_room SET version = $2, updated_at = now() WHERE room_id = $1', [id, from + events.length]);
}
