import { Injectable } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import type { MarketClientToServerEvents, MarketServerToClientEvents } from '@podium/contracts';
import { livePlace, placesTouched } from '@podium/market';
import { BoothStore } from './booth-store';

export type MarketNamespace = Namespace<MarketClientToServerEvents, MarketServerToClientEvents>;
/** One person's sockets that follow one booth (every process, through the adapter). */
export const followerRoomOf = (boothId: string, personId: string) => `booth-follower:${boothId}:${personId}`;

/**
 * After each commit of a booth: everyone whose place it changed (all still waiting, and whoever the events
 * name) gets their own place, position and expected wait. Not coalesced: a queue is short, and the
 * "you are next" and "come in" moments must not wait for a burst to end.
 */
@Injectable()
export class MarketBroadcaster {
  private namespace: MarketNamespace | null = null;

  constructor(store: BoothStore) {
    store.onCommitted(({ id, events, state }) => {
      const ns = this.namespace;
      if (!ns || events.length === 0) return;
      for (const personId of placesTouched(state, events)) ns.to(followerRoomOf(id, personId)).emit('market:place', livePlace(state, personId));
    });
  }

  attach(namespace: MarketNamespace): void {
    this.namespace = namespace;
  }
}
