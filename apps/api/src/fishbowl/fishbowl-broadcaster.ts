import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import { FISHBOWL_QUEUE_HEAD, type FishbowlChangePayload, type FishbowlClientToServerEvents, type FishbowlServerToClientEvents } from '@podium/contracts';
import { toView } from '@podium/fishbowl';
import { Coalescer } from '@podium/live-store';
import { FishbowlStore, type Committed } from './fishbowl-store';

/** `/fishbowl`, typed with the shared event maps. */
export type FishbowlNamespace = Namespace<FishbowlClientToServerEvents, FishbowlServerToClientEvents>;

export const roomOf = (sessionId: string) => `fishbowl:${sessionId}`;
/** Sockets that joined with `events: true` also get each event (one more packet per change). */
export const eventRoomOf = (sessionId: string) => `fishbowl-events:${sessionId}`;
/** Moderators' sockets: their views carry every queue entry in full (they reorder and invite anyone). */
export const moderatorRoomOf = (sessionId: string) => `fishbowl-moderators:${sessionId}`;

/** Beyond this many events in one flush, only the state goes out (one view instead of N packets per client). */
export const MAX_EVENTS_PER_FLUSH = 16;
/**
 * Views go out at most this often per fishbowl during a burst; below the web client's 250 ms resync wait.
 * The cost only counts the api's side; every view is also parsed by every client (1,000 watchers,
 * queue bench: 40 ms gave ask p99 356 ms, 100 ms gave 91 ms). An isolated change still goes out at once.
 */
const MIN_INTERVAL_MS = 100;
const MAX_INTERVAL_MS = 1000;
/** Broadcasts may use at most 1/LOAD_FACTOR of the event loop: big rooms get fewer, fuller views in a burst. */
const LOAD_FACTOR = 2;

/**
 * Fans committed changes out to the fishbowl's room (all processes through the Redis adapter) via the
 * live store's coalescer: one view per flush (the queue's head for attendees, the whole queue for
 * moderators), then the events in log order to sockets that asked for them. Each broadcast is
 * serialised once by Socket.IO.
 */
@Injectable()
export class FishbowlBroadcaster implements OnModuleDestroy {
  private readonly logger = new Logger('fishbowl');
  private namespace: FishbowlNamespace | null = null;
  private readonly coalescer = new Coalescer<FishbowlChangePayload>({
    flush: (sessionId, changes) => this.flush(sessionId, changes),
    onError: (sessionId, error) => this.logger.error(`broadcast of fishbowl ${sessionId} failed: ${(error as Error).message}`),
    minIntervalMs: MIN_INTERVAL_MS,
    maxIntervalMs: MAX_INTERVAL_MS,
    loadFactor: LOAD_FACTOR,
  });

  constructor(private readonly store: FishbowlStore) {
    store.onCommitted((c) => this.committed(c));
  }

  attach(namespace: FishbowlNamespace): void {
    this.namespace = namespace;
  }

  private committed({ id: sessionId, from, events }: Committed): void {
    if (events.length === 0 || !this.namespace) return;
    this.coalescer.push(sessionId, events.map((event, i) => ({ sessionId, version: from + i + 1, event })));
  }

  private flush(sessionId: string, changes: FishbowlChangePayload[]): void {
    const state = this.store.cached(sessionId);
    const namespace = this.namespace;
    if (!state || !namespace) return;
    // The view first: it is what every screen needs, in one packet per socket. A long queue goes out
    // as its head plus the order of ids (FISHBOWL_QUEUE_HEAD), in full only to the moderators.
    const view = toView(state, Date.now(), { fullQueue: true });
    if (view.queue.length <= FISHBOWL_QUEUE_HEAD) namespace.to(roomOf(sessionId)).emit('fishbowl:state', view);
    else {
      namespace.to(moderatorRoomOf(sessionId)).emit('fishbowl:state', view);
      const head = { ...view, queue: view.queue.slice(0, FISHBOWL_QUEUE_HEAD), fullQueue: false };
      namespace.to(roomOf(sessionId)).except(moderatorRoomOf(sessionId)).emit('fishbowl:state', head);
    }
    const events = namespace.to(eventRoomOf(sessionId));
    if (changes.length <= MAX_EVENTS_PER_FLUSH) for (const change of changes) events.emit('fishbowl:event', change);
  }

  onModuleDestroy(): void {
    this.coalescer.stop();
  }
}
