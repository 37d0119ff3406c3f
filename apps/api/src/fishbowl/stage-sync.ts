import { Injectable, Logger, Optional } from '@nestjs/common';
import { StageControl } from '../livestream/stage-control';
import { FishbowlStore, type Committed } from './fishbowl-store';

/**
 * Stage follows the open chairs: taking one puts the guest on stage, leaving takes them off. Called
 * after the commit and never failing a command; the livestream reconciler repairs what fails here.
 * Fixed chairs and interpreters keep their own publish rights (the livestream side handles them).
 */
@Injectable()
export class StageSync {
  private readonly logger = new Logger('fishbowl');
  // Calls for one person run in commit order, so a quick on/off never arrives as off/on.
  private readonly chains = new Map<string, Promise<void>>();

  constructor(
    store: FishbowlStore,
    @Optional() private readonly stage?: StageControl,
  ) {
    if (!stage) this.logger.warn('no StageControl provider: fishbowl seatings do not change who may publish');
    store.onCommitted((c) => this.follow(c));
  }

  private follow({ id: sessionId, events, state }: Committed): void {
    if (!this.stage) return;
    for (const event of events) {
      if (event.type === 'substitute-seated') {
        // A substitute publishes like the panelist they stand in for; handing back takes them off again.
        const panelist = state.settings.fixedChairs[event.chairIndex]?.personId;
        if (event.personId !== panelist) this.set(sessionId, event.personId, true);
        if (event.replaces && event.replaces !== panelist) this.set(sessionId, event.replaces, false);
        continue;
      }
      if (event.type !== 'invitation-accepted' && event.type !== 'left-chair') continue;
      if (state.chairs[event.chairIndex]?.kind !== 'open') continue;
      this.set(sessionId, event.personId, event.type === 'invitation-accepted');
    }
  }

  private set(sessionId: string, personId: string, onStage: boolean): void {
    const stage = this.stage!;
    const key = `${sessionId}:${personId}`;
    const next = (this.chains.get(key) ?? Promise.resolve())
      .then(() => stage.setOnStage(sessionId, personId, onStage))
      .catch((error: Error) => this.logger.warn(`stage ${onStage ? 'on' : 'off'} for ${personId} in ${sessionId} failed (the reconciler retries): ${error.message}`));
    this.chains.set(key, next);
    void next.finally(() => this.chains.get(key) === next && this.chains.delete(key));
  }
}
