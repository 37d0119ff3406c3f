import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import type { PollsClientToServerEvents, PollsServerToClientEvents } from '@podium/contracts';
import { Coalescer } from '@podium/live-store';
import { PollsStore, type PollsCommitted } from './polls-store';
import { roomView } from './polls-views';

export type PollsNamespace = Namespace<PollsClientToServerEvents, PollsServerToClientEvents>;

export const pollRoomOf = (sessionId: string) => `polls:${sessionId}`;
export const pollModeratorRoomOf = (sessionId: string) => `polls-moderators:${sessionId}`;
export const pollPersonRoomOf = (sessionId: string, personId: string) => `polls-person:${sessionId}:${personId}`;

/** A burst of 1,000 ballots becomes a few views per room (the fishbowl's coalescing). */
const MIN_INTERVAL_MS = 100;
const MAX_INTERVAL_MS = 1000;

/**
 * After commit: one view to the moderators' room and one to everyone else (all processes through the
 * Redis adapter), coalesced per session; named polls' names only in the moderators' view.
 */
@Injectable()
export class PollsBroadcaster implements OnModuleDestroy {
  private readonly logger = new Logger('polls');
  private namespace: PollsNamespace | null = null;
  private readonly coalescer = new Coalescer<number>({
    flush: (sessionId) => this.flush(sessionId),
    onError: (sessionId, error) => this.logger.error(`broadcast of polls ${sessionId} failed: ${(error as Error).message}`),
    minIntervalMs: MIN_INTERVAL_MS,
    maxIntervalMs: MAX_INTERVAL_MS,
    loadFactor: 2,
  });

  constructor(private readonly store: PollsStore) {
    store.onCommitted((c) => this.committed(c));
  }

  attach(namespace: PollsNamespace): void {
    this.namespace = namespace;
  }

  private committed({ id, events, from }: PollsCommitted): void {
    if (events.length > 0 && this.namespace) this.coalescer.push(id, [from + events.length]);
  }

  private flush(sessionId: string): void {
    const state = this.store.cached(sessionId);
    if (!state || !this.namespace) return;
    this.namespace.to(pollModeratorRoomOf(sessionId)).emit('polls:state', roomView(state, 'moderator'));
    this.namespace.to(pollRoomOf(sessionId)).except(pollModeratorRoomOf(sessionId)).emit('polls:state', roomView(state, 'attendee'));
  }

  onModuleDestroy(): void {
    this.coalescer.stop();
  }
}
