import { Inject, Logger } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import {
  DomainError,
  type ProgrammeChange,
  type ProgrammeChangeReason,
  type ProgrammeClientToServerEvents,
  type ProgrammeServerToClientEvents,
  type ProgrammeSubscribeAck,
  type ProgrammeUnavailable,
  type ProgrammeUnsubscribeAck,
} from '@podium/contracts';
import { shownTimes, type Session } from '@podium/programme';
import { NO_ROLES } from '@podium/identity';
import type { AccessContext, Principal } from '../identity/principal';
import { RUNTIME, type Runtime } from '../runtime';
import { SocketCommands } from '../realtime/socket-commands';
import { SocketGuard } from '../realtime/socket-guard';
import { ProgrammeEvents, type ProgrammeEvent } from './programme-events';
import { cutOffFollowers } from './programme-followers';
import { ProgrammeStore } from './programme-store';
import type { ConferenceRow } from './rows';

type ProgrammeNamespace = Namespace<ProgrammeClientToServerEvents, ProgrammeServerToClientEvents>;
type ProgrammeSocket = Socket<ProgrammeClientToServerEvents, ProgrammeServerToClientEvents>;

const roomOf = (conferenceId: string) => `programme:${conferenceId}`;
const slugOf = (raw: unknown): string | DomainError => {
  const slug = (raw as { slug?: unknown })?.slug;
  return typeof slug !== 'string' || slug.length === 0 || slug.length > 64 ? new DomainError('VALIDATION', 'slug: a conference slug is required') : slug;
};
/** Unsubscribing from something never subscribed is no error: anything but a string id leaves nothing. */
const conferenceIdOf = (raw: unknown): string | null => {
  const id = (raw as { conferenceId?: unknown })?.conferenceId;
  return typeof id === 'string' ? id : null;
};

/** Server-to-server (through the adapter): forget cached conference rows. */
const FORGET = 'programme:forget-conferences';
type ForgetSignal = { on(event: string, listener: () => void): void; serverSideEmit(event: string): void };

/** A flood of subscribes costs one conference lookup per slug and CONFERENCE_CACHE_MS, not one per message. */
const CONFERENCE_CACHE_MS = 2000;
const CONFERENCE_CACHE_SIZE = 1000;

/**
 * The `/programme` namespace: anyone may subscribe to a published conference (no sign-in needed to
 * follow a public programme); unpublished ones need `auth.token` with a role there. The server
 * pushes `programme:changed`; with REDIS_URL the adapter carries it to every api process. When a
 * conference is unpublished or deleted, followers who may no longer see it are taken out of its room
 * and told `programme:unavailable`.
 */
@WebSocketGateway({ namespace: '/programme' })
export class ProgrammeGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger('programme');
  private namespace: ProgrammeNamespace | null = null;
  private readonly conferences = new Map<string, { until: number; row: Promise<ConferenceRow> }>();

  constructor(
    private readonly store: ProgrammeStore,
    private readonly guard: SocketGuard,
    private readonly pipeline: SocketCommands,
    @Inject(RUNTIME) private readonly runtime: Runtime,
    events: ProgrammeEvents,
  ) {
    events.subscribe((event) => this.push(event));
  }

  afterInit(namespace: ProgrammeNamespace): void {
    this.namespace = namespace;
    // Another process hid a conference: no subscribe here may pass on a cached row of it any more.
    (namespace as unknown as ForgetSignal).on(FORGET, () => this.conferences.clear());
    // Anyone may follow a public programme; a token (checked once, at the handshake) shows unpublished ones.
    this.guard.protect(namespace, { authenticate: 'optional' });
  }

  handleConnection(socket: ProgrammeSocket): void {
    this.pipeline.register(socket, {
      // A subscribe only reads: retried while the database is briefly away. A token that no longer holds follows as anyone.
      'programme:subscribe': { validate: slugOf, recheck: 'optional', retry: true, handle: (s, slug: string, principal) => this.subscribe(s, slug, principal) },
      'programme:unsubscribe': { validate: conferenceIdOf, handle: async (s, id: string | null) => (id !== null && (await s.leave(roomOf(id))), {}) },
    });
  }

  private async subscribe(socket: Socket, slug: string, principal: Principal | null): Promise<{ conferenceId: string }> {
    const access: AccessContext = { principal, conferenceId: null, sessionId: null, roles: NO_ROLES };
    const conference = await this.conference(slug);
    if (!(await this.store.canSee(conference, access))) throw new DomainError('NOT_FOUND', `No conference "${slug}"`);
    await socket.join(roomOf(conference.id));
    return { conferenceId: conference.id };
  }

  /** The conference row, shared by concurrent and recent subscribes (misses too, so random slugs cost no more). */
  private conference(slug: string): Promise<ConferenceRow> {
    const now = Date.now();
    const cached = this.conferences.get(slug);
    if (cached && cached.until > now) return cached.row;
    if (this.conferences.size >= CONFERENCE_CACHE_SIZE) this.conferences.clear();
    const row = this.store.conferenceBySlug(slug);
    row.catch(() => undefined);
    this.conferences.set(slug, { until: now + CONFERENCE_CACHE_MS, row });
    return row;
  }

  /** An after-commit programme event, pushed to everyone following that conference. */
  private push(event: ProgrammeEvent): void {
    if (event.type === 'conference-hidden') this.hide(event.conferenceId, event.reason);
    else if (event.type === 'sessions-removed') this.publishRemoved(event.conferenceId, event.sessionIds);
    else this.publish(event.conferenceId, event.reason, event.sessions);
  }

  /**
   * Cuts off every follower that may no longer see the conference, now and once more after the
   * subscribe cache's lifetime (a subscribe in any process may have read the old row just before).
   */
  private hide(conferenceId: string, reason: ProgrammeUnavailable['reason']): void {
    this.conferences.clear();
    // Sent before the sweep's fetchSockets on the same adapter channel, so other processes forget first.
    if (this.runtime.config.redisUrl) (this.namespace as unknown as ForgetSignal | null)?.serverSideEmit(FORGET);
    const sweep = () =>
      cutOffFollowers(this.namespace as unknown as Namespace | null, roomOf(conferenceId), conferenceId, reason, (principal) =>
        this.store.canSee({ id: conferenceId, published: false }, { principal, conferenceId: null, sessionId: null, roles: NO_ROLES }),
      ).catch((error: unknown) => this.logger.warn(`could not cut off followers of ${conferenceId}: ${(error as Error).message}`));
    void sweep();
    setTimeout(() => void sweep(), CONFERENCE_CACHE_MS + 500).unref();
  }

  /** Tells everyone following that conference that these sessions are gone. */
  private publishRemoved(conferenceId: string, sessionIds: readonly string[]): void {
    if (sessionIds.length === 0) return;
    this.emit({ conferenceId, reason: 'edit', sessions: [], removed: [...sessionIds] });
  }

  /** Pushes changed sessions to everyone following that conference. */
  private publish(conferenceId: string, reason: ProgrammeChangeReason, sessions: readonly Session[]): void {
    if (!this.namespace || sessions.length === 0) return;
    const change: ProgrammeChange = {
      conferenceId,
      reason,
      sessions: sessions.map((s) => {
        const shown = shownTimes(s);
        return { id: s.id, status: s.status, delayMinutes: s.delayMinutes, start: s.start, end: s.end, shownStart: shown.start, shownEnd: shown.end };
      }),
    };
    this.emit(change);
  }

  private emit(change: ProgrammeChange): void {
    if (!this.namespace) return;
    try {
      this.namespace.to(roomOf(change.conferenceId)).emit('programme:changed', change);
    } catch (error) {
      this.logger.warn(`could not push a programme change: ${(error as Error).message}`);
    }
  }
}
