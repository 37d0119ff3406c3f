import type { ChatRoomId } from '@podium/contracts';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const ROOM = new RegExp(`^(session|lobby|booth):(${UUID})$`);

export type ChatRoomKind = 'session' | 'lobby' | 'booth';

/** A room id's parts, or null when it is none: `session:<sessionId>`, `lobby:<conferenceId>` or `booth:<boothId>`. */
export function parseRoomId(roomId: unknown): { kind: ChatRoomKind; id: string } | null {
  if (typeof roomId !== 'string') return null;
  const m = ROOM.exec(roomId.toLowerCase());
  return m ? { kind: m[1] as ChatRoomKind, id: m[2] } : null;
}

export const sessionRoom = (sessionId: string): ChatRoomId => `session:${sessionId.toLowerCase()}`;
export const lobbyRoom = (conferenceId: string): ChatRoomId => `lobby:${conferenceId.toLowerCase()}`;
/** A market booth's chat, for its staff and visitors (staff moderate it). */
export const boothRoom = (boothId: string): ChatRoomId => `booth:${boothId.toLowerCase()}`;
export const isUuid = (value: unknown): value is string => typeof value === 'string' && new RegExp(`^${UUID}$`, 'i').test(value);
