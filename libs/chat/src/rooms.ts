import type { ChatRoomId } from '@podium/contracts';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const ROOM = new RegExp(`^(session|lobby):(${UUID})$`);

/** A room id's parts, or null when it is none: `session:<sessionId>` or `lobby:<conferenceId>`. */
export function parseRoomId(roomId: unknown): { kind: 'session' | 'lobby'; id: string } | null {
  if (typeof roomId !== 'string') return null;
  const m = ROOM.exec(roomId.toLowerCase());
  return m ? { kind: m[1] as 'session' | 'lobby', id: m[2] } : null;
}

export const sessionRoom = (sessionId: string): ChatRoomId => `session:${sessionId.toLowerCase()}`;
export const lobbyRoom = (conferenceId: string): ChatRoomId => `lobby:${conferenceId.toLowerCase()}`;
export const isUuid = (value: unknown): value is string => typeof value === 'string' && new RegExp(`^${UUID}$`, 'i').test(value);
