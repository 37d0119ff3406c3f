import { useEffect, useReducer } from 'react';
import { useMaybeRoomContext } from '@livekit/components-react';
import { ConnectionQuality, RoomEvent } from 'livekit-client';

export type QualityLevel = 'excellent' | 'good' | 'poor' | 'lost';

/** LiveKit's levels as the console names them; unknown is left out (nothing measured yet). */
export function qualityLevel(q: ConnectionQuality): QualityLevel | null {
  switch (q) {
    case ConnectionQuality.Excellent:
      return 'excellent';
    case ConnectionQuality.Good:
      return 'good';
    case ConnectionQuality.Poor:
      return 'poor';
    case ConnectionQuality.Lost:
      return 'lost';
    default:
      return null;
  }
}

/**
 * Each stage participant's connection quality by person id, as LiveKit measures it and sends to every
 * participant (the console's own room connection): no server round trip, no extra wire shape.
 */
export function useConnectionQuality(): ReadonlyMap<string, QualityLevel> {
  const room = useMaybeRoomContext();
  const [, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!room) return;
    const events = [RoomEvent.ConnectionQualityChanged, RoomEvent.ParticipantConnected, RoomEvent.ParticipantDisconnected, RoomEvent.Connected];
    for (const e of events) room.on(e, bump);
    return () => {
      for (const e of events) room.off(e, bump);
    };
  }, [room]);
  const map = new Map<string, QualityLevel>();
  if (!room) return map;
  for (const p of room.remoteParticipants.values()) {
    const level = qualityLevel(p.connectionQuality);
    if (level) map.set(p.identity, level);
  }
  const me = qualityLevel(room.localParticipant.connectionQuality);
  if (me) map.set(room.localParticipant.identity, me);
  return map;
}
