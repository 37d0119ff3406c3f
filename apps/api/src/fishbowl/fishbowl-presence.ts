import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { Socket } from 'socket.io';
import { DomainError, type FishbowlActor } from '@podium/contracts';
import { isConnected, isTracked, SYSTEM_ACTOR, type FishbowlState } from '@podium/fishbowl';
import { RUNTIME, type Runtime } from '../runtime';
import type { FishbowlNamespace } from './fishbowl-broadcaster';
import { FishbowlStore } from './fishbowl-store';

/** All sockets of one person in one fishbowl, on every api process (through the Redis adapter). */
export const personRoomOf = (sessionId: string, personId: string) => `fishbowl-person:${sessionId}:${personId}`;

type PresenceData = { presence?: Map<string, string> };

/**
 * The edge between sockets and the fishbowl's presence rules: a person is connected while any of
 * their sockets has joined the fishbowl. Only queued, seated and fixed people are reported, and only
 * changes, so viewers coming and going cost no write.
 */
@Injectable()
export class FishbowlPresence implements OnModuleDestroy {
  private stopping = false;
  private readonly logger = new Logger('fishbowl');
  private namespace: FishbowlNamespace | null = null;
  private readonly awayAfterMs: number;
  private readonly removeAfterMs: number;

  constructor(private readonly store: FishbowlStore, @Inject(RUNTIME) runtime: Runtime) {
    this.awayAfterMs = runtime.config.fishbowlAwaySeconds * 1000;
    this.removeAfterMs = runtime.config.fishbowlAwayGraceSeconds * 1000;
    store.onCommitted(({ id, events, state }) => {
      if (!events.some((e) => e.type === 'fishbowl-configured')) return;
      this.fixedAlreadyHere(id, state).catch((error) => this.stopping || this.logger.warn(`presence of the fixed chairs in fishbowl ${id}: ${(error as Error).message}`));
    });
  }

  onModuleDestroy(): void {
    this.stopping = true; // sockets closing at shutdown are not people leaving
  }

  attach(namespace: FishbowlNamespace): void {
    this.namespace = namespace;
  }

  /** After a join: the socket enters the person's room; a person marked gone (or an absent panelist) is back. */
  async joined(socket: Socket, sessionId: string, actor: FishbowlActor, state: FishbowlState): Promise<void> {
    await socket.join(personRoomOf(sessionId, actor.personId));
    ((socket.data as PresenceData).presence ??= new Map()).set(sessionId, actor.personId);
    if (isTracked(state, actor.personId) && !isConnected(state, actor.personId)) await this.report(sessionId, actor.personId, true);
  }

  /** After a part: the person may be gone from this fishbowl. */
  async parted(socket: Socket, sessionId: string): Promise<void> {
    const personId = (socket.data as PresenceData).presence?.get(sessionId);
    if (!personId) return;
    (socket.data as PresenceData).presence!.delete(sessionId);
    await socket.leave(personRoomOf(sessionId, personId));
    await this.checkGone(sessionId, personId);
  }

  /** A closed socket has already left its rooms: check each fishbowl it had joined. */
  disconnected(socket: Socket): void {
    const joined = (socket.data as PresenceData).presence;
    if (!joined || this.stopping) return;
    for (const [sessionId, personId] of joined) {
      this.checkGone(sessionId, personId).catch((error) => this.stopping || this.logger.warn(`presence of ${personId} in fishbowl ${sessionId}: ${(error as Error).message}`));
    }
  }

  /** Someone made a fixed panelist after they joined (e.g. the moderator configuring themselves): they are here. */
  private async fixedAlreadyHere(sessionId: string, state: FishbowlState): Promise<void> {
    if (!this.namespace || this.stopping) return;
    for (const { personId } of state.settings.fixedChairs) {
      if (isConnected(state, personId)) continue;
      const sockets = await this.namespace.in(personRoomOf(sessionId, personId)).fetchSockets();
      if (sockets.length > 0) await this.report(sessionId, personId, true);
    }
  }

  private async checkGone(sessionId: string, personId: string): Promise<void> {
    const state = await this.store.current(sessionId);
    if (!isTracked(state, personId) || !isConnected(state, personId) || !this.namespace) return;
    // Another tab or device of the same person still counts as connected.
    const others = await this.namespace.in(personRoomOf(sessionId, personId)).fetchSockets();
    if (others.length === 0) await this.report(sessionId, personId, false);
  }

  private async report(sessionId: string, personId: string, present: boolean): Promise<void> {
    try {
      await this.store.submit(sessionId, { type: 'report-presence', actor: SYSTEM_ACTOR, personId, present, awayAfterMs: this.awayAfterMs, removeAfterMs: this.removeAfterMs });
    } catch (error) {
      // A refusal (e.g. the fishbowl ended meanwhile) changes nothing; anything else is logged.
      if (!(error instanceof DomainError)) throw error;
    }
  }
}
