import type { ExceptionEvents } from './errors';

/** Chat (issue 14): one room per session, one lobby per conference, on the `/chat` namespace. */
export const CHAT_LIMITS = {
  /** Characters of a message after trimming. */
  textMaxLength: 1000,
  /** Messages on join and per `chat:history` page. */
  historyLimit: 200,
  /** A mute lasts at most a day. */
  maxMuteMs: 24 * 60 * 60 * 1000,
  /** Slow mode: at most one message per person per this many seconds. */
  maxSlowModeSeconds: 300,
  reportReasonMaxLength: 300,
  retentionDaysMin: 1,
  retentionDaysMax: 3650,
} as const;

/** `session:<sessionId>`, `lobby:<conferenceId>` or `booth:<boothId>` (a market booth's chat). */
export type ChatRoomId = string;

/** A message as the client renders it: `tokens` only, never HTML; links get rel="noopener noreferrer nofollow ugc". */
export type ChatToken = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string; host: string };

export interface ChatMessage {
  roomId: ChatRoomId;
  id: string;
  /** Commit order within the room (gaps allowed: moderation events share the sequence). */
  seq: number;
  authorId: string;
  authorName: string;
  /** Epoch milliseconds. */
  at: number;
  /** Empty once deleted. */
  tokens: ChatToken[];
  deleted: boolean;
}

/**
 * One chat message in the session record (moderators' JSON and CSV): a deleted message keeps its place
 * with `text` empty and who deleted it (`moderator` or its `author`); the Markdown minutes leave it out.
 */
export interface ChatRecordEntry {
  seq: number;
  messageId: string;
  /** Epoch milliseconds. */
  at: number;
  authorName: string;
  text: string;
  deleted: 'moderator' | 'author' | null;
}

export interface ChatRoomView {
  roomId: ChatRoomId;
  slowModeSeconds: number | null;
  /** Whether the viewer moderates this room (moderation controls). */
  moderator: boolean;
  /** Until when the viewer is muted (epoch ms), or null. */
  mutedUntil: number | null;
}

export interface ChatReport {
  roomId: ChatRoomId;
  messageId: string;
  reporterId: string;
  reporterName: string;
  reason: string;
  at: number;
}

export interface ChatMute {
  personId: string;
  until: number;
}

/** What moderators see beside the messages. */
export interface ChatModerationView {
  roomId: ChatRoomId;
  mutes: ChatMute[];
  reports: ChatReport[];
}

export interface ChatClientPayloads {
  'chat:join': { roomId: ChatRoomId };
  'chat:part': { roomId: ChatRoomId };
  'chat:post': { roomId: ChatRoomId; messageId: string; text: string };
  /** Messages with seq < before, newest `limit` (<= 200), oldest first. */
  'chat:history': { roomId: ChatRoomId; before: number; limit?: number };
  'chat:delete': { roomId: ChatRoomId; messageId: string };
  'chat:mute': { roomId: ChatRoomId; personId: string; untilMs: number };
  'chat:unmute': { roomId: ChatRoomId; personId: string };
  'chat:slow-mode': { roomId: ChatRoomId; intervalSeconds: number | null };
  'chat:report': { roomId: ChatRoomId; messageId: string; reason?: string };
}
export type ChatClientEventName = keyof ChatClientPayloads;
export type ChatClientPayload<E extends ChatClientEventName> = ChatClientPayloads[E];

export type ChatAck<R extends object = object> = ({ ok: true } & R) | { error: import('./errors').ErrorBody };
export interface ChatAckBodies {
  'chat:join': { room: ChatRoomView; messages: ChatMessage[]; moderation: ChatModerationView | null };
  'chat:part': object;
  'chat:post': { seq: number };
  'chat:history': { messages: ChatMessage[] };
  'chat:delete': { seq: number };
  'chat:mute': { seq: number };
  'chat:unmute': { seq: number };
  'chat:slow-mode': { seq: number };
  'chat:report': { seq: number };
}

export type ChatClientToServerEvents = {
  [E in ChatClientEventName]: (payload: ChatClientPayloads[E], ack?: (body: ChatAck<ChatAckBodies[E]>) => void) => void;
};

export interface ChatServerToClientEvents extends ExceptionEvents {
  /** New messages, to the room, in seq order: one packet per broadcast interval during a burst (never dropped). */
  'chat:messages': (body: { roomId: ChatRoomId; messages: ChatMessage[] }) => void;
  /** A message was deleted by a moderator or its author. */
  'chat:deleted': (body: { roomId: ChatRoomId; messageId: string; seq: number }) => void;
  /** Slow mode changed. */
  'chat:room': (body: { roomId: ChatRoomId; slowModeSeconds: number | null }) => void;
  /** To moderators: mutes and reports after a change. */
  'chat:moderation': (view: ChatModerationView) => void;
  /** To the muted person's sockets in the room. */
  'chat:muted': (body: { roomId: ChatRoomId; until: number | null }) => void;
}

/** HTTP: `GET/PUT /api/conferences/:id/chat-settings` (organisers). */
export interface ChatSettings {
  chatRetentionDays: number;
}
