import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DomainError } from '@podium/contracts';
import { nextDeadline, SYSTEM_ACTOR } from '@podium/fishbowl';
import { Deadlines } from '@podium/live-store';
import { FishbowlStore } from './fishbowl-store';

/**
 * One timer per active fishbowl at nextDeadline(state), sending `tick` as the system (the live
 * store's Deadlines); the sweep reads deadlines set by other processes from the fishbowl rows.
 */
@Injectable()
export class FishbowlTimers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('fishbowl');
  private readonly deadlines: Deadlines;

  constructor(store: FishbowlStore) {
    this.deadlines = new Deadlines({
      tick: (sessionId) => store.submit(sessionId, { type: 'tick', actor: SYSTEM_ACTOR }),
      nextDeadline: (sessionId) => {
        const state = store.cached(sessionId);
        return state ? nextDeadline(state) : null;
      },
      due: (until) => store.due(until),
      isRefusal: (error) => error instanceof DomainError,
      onError: (message, error) => this.logger.warn(`fishbowl ${message}: ${(error as Error).message}`),
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
