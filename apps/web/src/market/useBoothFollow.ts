import { useEffect, useRef } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { BoothLivePlace, MarketClientToServerEvents, MarketServerToClientEvents } from '@podium/contracts';

type MarketSocket = Socket<MarketServerToClientEvents, MarketClientToServerEvents>;

/**
 * Follows one booth on `/market` while `active`: the api pushes my place whenever its queue moves (no polling).
 * Follows again on every reconnect; `onPlace` gets the place from the follow's ack and from every push.
 */
export function useBoothFollow(boothId: string, token: string | null, active: boolean, onPlace: (place: BoothLivePlace) => void): void {
  const latest = useRef(onPlace);
  latest.current = onPlace;
  useEffect(() => {
    if (!token || !active) return;
    const socket: MarketSocket = io('/market', { auth: { token }, transports: ['websocket', 'polling'], reconnection: true, reconnectionDelay: 500, reconnectionDelayMax: 5000 });
    socket.on('connect', () => socket.emit('market:follow', { boothId }, (ack) => 'place' in ack && latest.current(ack.place)));
    socket.on('market:place', (place) => place.boothId === boothId && latest.current(place));
    return () => {
      socket.disconnect();
    };
  }, [boothId, token, active]);
}
