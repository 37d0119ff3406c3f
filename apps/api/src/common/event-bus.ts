import { Logger } from '@nestjs/common';

/**
 * A small typed in-process bus for after-commit events: services publish what they committed,
 * edges (gateways, caches) subscribe, so services never call a gateway. Delivery is synchronous
 * and in order; a failing listener is logged and never reaches the publisher or the others.
 */
export class EventBus<E> {
  private readonly listeners = new Set<(event: E) => void>();
  private readonly logger: Logger;

  constructor(name: string) {
    this.logger = new Logger(name);
  }

  /** Calls `listener` with every later event until the returned function is called. */
  subscribe(listener: (event: E) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Publish only after the transaction committed: listeners tell the world. */
  publish(event: E): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.logger.warn(`a listener failed: ${(error as Error)?.message ?? error}`);
      }
    }
  }
}
