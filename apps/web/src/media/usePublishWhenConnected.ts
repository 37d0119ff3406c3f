import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { useConnectionState, useRoomContext } from '@livekit/components-react';
import { ConnectionState, ParticipantEvent, RoomEvent, type LocalParticipant } from 'livekit-client';

/**
 * Whether LiveKit lets me publish, read fresh whenever it changes. Not `useLocalParticipantPermissions`:
 * it takes its first value at render and subscribes later, so a grant arriving in between (a seat and
 * its grant come together) was lost and the controls never showed. `useSyncExternalStore` re-reads
 * the value after subscribing.
 */
export function useCanPublish(): boolean {
  const participant = useRoomContext().localParticipant;
  const subscribe = useCallback(
    (changed: () => void) => {
      participant.on(ParticipantEvent.ParticipantPermissionsChanged, changed);
      return () => {
        participant.off(ParticipantEvent.ParticipantPermissionsChanged, changed);
      };
    },
    [participant],
  );
  return useSyncExternalStore(subscribe, () => !!participant.permissions?.canPublish);
}

/** How a page switches its own media on and off; `publish` rejects when nothing went out (the hook tries again later). */
export interface Publishing {
  publish(participant: LocalParticipant): Promise<unknown>;
  unpublish(participant: LocalParticipant): Promise<unknown>;
}

/**
 * The one way the web client publishes on its own: while `wanted` holds and LiveKit grants publishing, once per
 * connection, and only when the room is Connected. Earlier, LiveKitRoom's SignalConnected handler still applies its
 * own `audio`/`video` props (off), which muted a publication started in that moment: viewers got a muted track with
 * no frames. A dropped room unpublishes every local track, so the next connection publishes again. Within one
 * connection it publishes once: whoever switched the microphone or camera off by hand stays off until a new grant
 * or connection. Returns whether LiveKit grants publishing.
 */
export function usePublishWhenConnected(wanted: boolean, publishing: Publishing): boolean {
  const room = useRoomContext();
  const connection = useConnectionState(room);
  const canPublish = useCanPublish();
  const published = useRef(false);
  const actions = useRef(publishing);
  actions.current = publishing;
  useEffect(() => {
    const dropped = () => (published.current = false);
    room.on(RoomEvent.Disconnected, dropped);
    return () => {
      room.off(RoomEvent.Disconnected, dropped);
    };
  }, [room]);
  useEffect(() => {
    if (connection !== ConnectionState.Connected) return;
    const participant = room.localParticipant;
    if (wanted && canPublish && !published.current) {
      published.current = true;
      void actions.current.publish(participant).catch(() => (published.current = false));
    } else if (!(wanted && canPublish) && published.current) {
      published.current = false;
      void actions.current.unpublish(participant).catch(() => undefined);
    }
  }, [wanted, canPublish, connection, room]);
  return canPublish;
}
