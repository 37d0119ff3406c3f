import type { ChatRoomId } from '@podium/contracts';

/** Who acts: the edge fills `moderator` from the session's and conference's roles, never from a payload. */
export interface ChatActor {
  personId: string;
  displayName: string;
  moderator: boolean;
}

/** The fold of a room's events: what rules need, bounded (messages themselves are rows, not state). */
export interface ChatRoomState {
  roomId: ChatRoomId;
  version: number;
  slowModeMs: number | null;
  /** personId -> muted until (epoch ms); expired entries are dropped on the next event. */
  mutes: Record<string, number>;
  /** personId -> last post (epoch ms), only as long as slow mode could still refuse. */
  lastPostAt: Record<string, number>;
}

/** The message a delete or report is about, as the edge read it from the rows (null: not in this room). */
export interface MessageRef {
  id: string;
  authorId: string;
  deleted: boolean;
}

export type ChatCommand =
  | { type: 'post'; actor: ChatActor; messageId: string; text: string }
  | { type: 'delete'; actor: ChatActor; message: MessageRef | null }
  | { type: 'mute'; actor: ChatActor; personId: string; untilMs: number }
  | { type: 'unmute'; actor: ChatActor; personId: string }
  | { type: 'slow-mode'; actor: ChatActor; intervalSeconds: number | null }
  | { type: 'report'; actor: ChatActor; message: MessageRef | null; reason: string };

interface Base {
  at: number;
  actor: ChatActor;
  /** Set when read back from the log (retention leaves gaps in the sequence). */
  seq?: number;
}

export type ChatEvent =
  | (Base & { type: 'message-posted'; messageId: string; text: string })
  | (Base & { type: 'message-deleted'; messageId: string; authorId: string })
  | (Base & { type: 'person-muted'; personId: string; until: number })
  | (Base & { type: 'person-unmuted'; personId: string })
  | (Base & { type: 'slow-mode-set'; intervalMs: number | null })
  | (Base & { type: 'message-reported'; messageId: string; reason: string });
