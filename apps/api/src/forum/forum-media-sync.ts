import { Injectable, Logger } from '@nestjs/common';
import { participantOf, rightChangedBy } from '@podium/forum';
import { ForumMedia } from './forum-media';
import { ForumStore, type ForumCommitted } from './forum-store';

/**
 * After commit: a right that changed (the floor, a slot) goes to LiveKit, closed breakouts lose their rooms. Nothing here can fail a
 * command; a participant LiveKit missed gets the right with their next token (every 10 minutes).
 */
@Injectable()
export class ForumMediaSync {
  private readonly logger = new Logger('forum');

  constructor(store: ForumStore, private readonly media: ForumMedia) {
    store.onCommitted((c) => void this.apply(c));
  }

  private async apply({ id: sessionId, events, state }: ForumCommitted): Promise<void> {
    if (events.some((e) => e.type === 'breakouts-closed')) {
      await this.media.closeGroupRooms(sessionId).catch((error: Error) => this.logger.warn({ msg: 'breakout rooms not closed', sessionId, reason: error.message }));
    }
    const people = new Set(events.map(rightChangedBy).filter((p): p is string => p !== null));
    for (const personId of people) {
      const person = participantOf(state, personId);
      if (!person) continue; // left meanwhile
      await this.media.applyRight(sessionId, personId, person.right).catch((error: Error) => this.logger.warn({ msg: 'forum right not applied in LiveKit', sessionId, personId, reason: error.message }));
    }
  }
}
