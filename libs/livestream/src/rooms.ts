import { DomainError } from '@podium/contracts';

/** Stage: what the audience watches. Backstage: green room where the crew checks in before going live. */
export type RoomKind = 'stage' | 'backstage';

const PREFIX = 'podium-session-';
const SESSION_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** One LiveKit room per session and kind; deterministic, so any api instance finds the same room. */
export function roomNameFor(sessionId: string, kind: RoomKind): string {
  if (!SESSION_ID.test(sessionId)) {
    throw new DomainError('VALIDATION', 'Session id cannot be used in a LiveKit room name', { sessionId });
  }
  return `${PREFIX}${sessionId}-${kind}`;
}

/** Inverse of roomNameFor, for webhooks; null for rooms Podium did not name. */
export function parseRoomName(name: string): { sessionId: string; kind: RoomKind } | null {
  const m = /^podium-session-([A-Za-z0-9_-]{1,64})-(stage|backstage)$/.exec(name);
  return m ? { sessionId: m[1], kind: m[2] as RoomKind } : null;
}
