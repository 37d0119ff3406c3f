import { Logger } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import {
  DomainError,
  type ProgrammeChange,
  type ProgrammeChangeReason,
  type ProgrammeClientToServerEvents,
  type ProgrammeServerToClientEvents,
  type ProgrammeSubscribeAck,
  type ProgrammeUnsubscribeAck,
} from '@podium/contracts';
import { shownTimes, type Session } from '@podium/programme';
import { NO_ROLES } from '@podium/identity';
import { IdentityService } from '../identity/identity.service';
import type { AccessContext, Principal } from '../identity/principal';
import { SocketGuard, type GuardedSocketData } from '../realtime/socket-guard';
import { isTransient, retryTransient } from '../realtime/transient';
import { toAckError } from '../realtime/ws-errors';
import { ProgrammeEvents, type ProgrammeEvent } from './programme-events';
import { ProgrammeStore } from './programme-store';
import type { ConferenceRow } from './rows';

type ProgrammeNamespace = Namespace<ProgrammeClientToServerEvents, ProgrammeServerToClientEvents>;
type ProgrammeSocket = Socket<ProgrammeClientToServerEvents, ProgrammeServerToClientEvents>;

const roomOf = (conferenceId: string) => `programme:${conferenceId}`;
/** A token that does not hold follows as anyone; a database hiccup must not demote a signed-in person (retried instead). */
const signedOutUnlessTransient = (error: unknown) => {
  if (isTransient(error)) throw error;
  return null;
};

/** A flood of subscribes costs one conference lookup per slug and CONFERENCE_CACHE_MS, not one per message. */
const CONFERENCE_CACHE_MS = 2000;
const CONFERENCE_CACHE_SIZE = 1000;
/** A signed-in socket's token is checked again at most this often (a withdrawn invitation loses unpublished conferences). */
const RECHECK_MS = 5000;

/**
 * The `/programme` namespace: anyone may subscribe to a published conference (no sign-in needed to
 * follow a public programme); unpublished ones need `auth.token` with a role there. The server
 * pushes `programme:changed`; with REDIS_URL the adapter carries it to every api process.
 */
@WebSocketGateway({ namespace: '/programme' })
export class ProgrammeGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger('programme');
  private namespace: ProgrammeNamespace | null = null;
  private readonly conferences = new Map<string, { until: number; row: Promise<ConferenceRow> }>();

  constructor(
    private readonly store: ProgrammeStore,
    private readonly guard: SocketGuard,
    private readonly identity: IdentityService,
    events: ProgrammeEvents,
  ) {
    events.subscribe((event) => this.push(event));
  }

  afterInit(namespace: ProgrammeNamespace): void {
    this.namespace = namespace;
    // Anyone may follow a public programme; a token (checked once, at the handshake) shows unpublished ones.
    this.guard.protect(namespace, { authenticate: 'optional' });
  }

  handleConnection(socket: ProgrammeSocket): void {
    socket.on('programme:subscribe', (raw: unknown, ack?: (body: ProgrammeSubscribeAck) => void) => {
      retryTransient(() => this.subscribe(socket, raw)).then(
        (body) => typeof ack === 'function' && ack(body),
        (error: unknown) => typeof ack === 'function' && ack(toAckError(error)),
      );
    });
    socket.on('programme:unsubscribe', (raw: unknown, ack?: (body: ProgrammeUnsubscribeAck) => void) => {
      const id = (raw as { conferenceId?: unknown })?.conferenceId;
      if (typeof id === 'string') void socket.leave(roomOf(id));
      if (typeof ack === 'function') ack({ ok: true });
    });
  }

  private async subscribe(socket: ProgrammeSocket, raw: unknown): Promise<{ ok: true; conferenceId: string }> {
    const slug = (raw as { slug?: unknown })?.slug;
    if (typeof slug !== 'string' || slug.length === 0 || slug.length > 64) throw new DomainError('VALIDATION', 'slug: a conference slug is required');
    const principal = await this.currentPrincipal(socket);
    const access: AccessContext = { principal, conferenceId: null, sessionId: null, roles: NO_ROLES };
    const conference = await this.conference(slug);
    if (!(await this.store.canSee(conference, access))) throw new DomainError('NOT_FOUND', `No conference "${slug}"`);
    await socket.join(roomOf(conference.id));
    return { ok: true, conferenceId: conference.id };
  }

  private async currentPrincipal(socket: ProgrammeSocket): Promise<Principal | null> {
    const data = socket.data as GuardedSocketData & { checkedAt?: number };
    data.checkedAt ??= Date.now();
    if (!data.principal || Date.now() - data.checkedAt < RECHECK_MS) return data.principal;
    const token = String((socket.handshake.auth as { token?: unknown }).token);
    data.principal = await this.identity.authenticate(token).catch(signedOutUnlessTransient);
    data.checkedAt = Date.now();
    return data.principal;
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
    if (event.type === 'sessions-removed') this.publishRemoved(event.conferenceId, event.sessionIds);
    else this.publish(event.conferenceId, event.reason, event.sessions);
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
