import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import type { ForumClientToServerEvents, ForumServerToClientEvents } from '@podium/contracts';
import { toView } from '@podium/forum';
import { Coalescer } from '@podium/live-store';
import { ForumStore } from './forum-store';

export type ForumNamespace = Namespace<ForumClientToServerEvents, ForumServerToClientEvents>;
export const forumRoomOf = (sessionId: string) => `forum:${sessionId}`;

/** After each commit, the forum's view to its room (coalesced in a burst, like the fishbowl's). */
@Injectable()
export class ForumBroadcaster implements OnModuleDestroy {
  private readonly logger = new Logger('forum');
  private namespace: ForumNamespace | null = null;
  private readonly coalescer = new Coalescer<number>({
    flush: (sessionId) => this.flush(sessionId),
    onError: (sessionId, error) => this.logger.error(`broadcast of forum ${sessionId} failed: ${(error as Error).message}`),
    minIntervalMs: 100,
    maxIntervalMs: 1000,
    loadFactor: 2,
  });

  constructor(private readonly store: ForumStore) {
    store.onCommitted((c) => {
      if (c.events.length && this.namespace) this.coalescer.push(c.id, [c.state.version]);
    });
  }

  attach(namespace: ForumNamespace): void {
    this.namespace = namespace;
  }

  private flush(sessionId: string): void {
    const state = this.store.cached(sessionId);
    if (state && this.namespace) this.namespace.to(forumRoomOf(sessionId)).emit('forum:state', toView(state, Date.now()));
  }

  onModuleDestroy(): void {
    this.coalescer.stop();
  }
}
