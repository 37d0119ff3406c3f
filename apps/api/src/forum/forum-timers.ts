import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DomainError } from '@podium/contracts';
import { FORUM_SYSTEM, nextDeadline } from '@podium/forum';
import { Deadlines } from '@podium/live-store';
import { ForumStore } from './forum-store';

/** The end of breakout groups: the live store's Deadlines send `tick` as the system (any process may). */
@Injectable()
export class ForumTimers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('forum');
  private readonly deadlines: Deadlines;

  constructor(store: ForumStore) {
    this.deadlines = new Deadlines({
      tick: (sessionId) => store.submit(sessionId, { type: 'tick', actor: FORUM_SYSTEM }),
      nextDeadline: (sessionId) => {
        const state = store.cached(sessionId);
        return state ? nextDeadline(state) : null;
      },
      due: (until) => store.due(until),
      isRefusal: (error) => error instanceof DomainError,
      onError: (message, error) => this.logger.warn(`forum ${message}: ${(error as Error).message}`),
    });
    store.onCommitted(({ id, state }) => this.deadlines.arm(id, nextDeadline(state), true));
  }

  onApplicationBootstrap(): void {
    this.deadlines.start();
  }

  onModuleDestroy(): void {
    this.deadlines.stop();
  }
}
