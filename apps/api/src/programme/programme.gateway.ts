import { Logger } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { DomainError } from '@podium/contracts';
import { shownTimes, type Session } from '@podium/programme';
import { IdentityService } from '../identity/identity.service';
import { NO_ROLES } from '@podium/identity';
import type { AccessContext } from '../identity/principal';
import { isTransient, retryTransient } from '../realtime/transient';
import { toAckError } from '../realtime/ws-errors';
import { ProgrammeStore } from './programme-store';

export type ProgrammeChangeReason = 'transition' | 'moderator' | 'delay' | 'edit';

/** `programme:changed`: the sessions whose status or times changed, as the programme shows them. */
export interface ProgrammeChange {
  conferenceId: string;
  reason: ProgrammeChangeReason;
  sessions: Array<{ id: string; status: string; delayMinutes: number; start: string; end: string; shownStart: string; shownEnd: string }>;
  /** Sessions deleted from the programme (reason 'edit'); open pages drop them. */
  removed?: string[];
}

const roomOf = (conferenceId: string) => `programme:${conferenceId}`;
/** A token that does not hold follows as anyone; a database hiccup must not demote a signed-in person (retried instead). */
const signedOutUnlessTransient = (error: unknown) => {
  if (isTransient(error)) throw error;
  return null;
};

/**
 * The `/programme` namespace: anyone may subscribe to a published conference (no sign-in needed to
 * follow a public programme); unpublished ones need `auth.token` with a role there. The server
 * pushes `programme:changed`; with REDIS_URL the adapter carries it to every api process.
 */
@WebSocketGateway({ namespace: '/programme' })
export class ProgrammeGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger('programme');
  private namespace: Namespace | null = null;

  constructor(
    private readonly store: ProgrammeStore,
    private readonly identity: IdentityService,
  ) {}

  afterInit(namespace: Namespace): void {
    this.namespace = namespace;
  }

  handleConnection(socket: Socket): void {
    socket.on('programme:subscribe', (raw: unknown, ack?: (body: unknown) => void) => {
      retryTransient(() => this.subscribe(socket, raw)).then(
        (body) => typeof ack === 'function' && ack(body),
        (error: unknown) => typeof ack === 'function' && ack(toAckError(error)),
      );
    });
    socket.on('programme:unsubscribe', (raw: unknown, ack?: (body: unknown) => void) => {
      const id = (raw as { conferenceId?: unknown })?.conferenceId;
      if (typeof id === 'string') void socket.leave(roomOf(id));
      if (typeof ack === 'function') ack({ ok: true });
    });
  }

  private async subscribe(socket: Socket, raw: unknown): Promise<{ ok: true; conferenceId: string }> {
    const slug = (raw as { slug?: unknown })?.slug;
    if (typeof slug !== 'string' || slug.length === 0 || slug.length > 64) throw new DomainError('VALIDATION', 'slug: a conference slug is required');
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    const principal = typeof token === 'string' && token ? await this.identity.authenticate(token).catch(signedOutUnlessTransient) : null;
    const access: AccessContext = { principal, conferenceId: null, sessionId: null, roles: NO_ROLES };
    const conference = await this.store.visibleConference(slug, access);
    await socket.join(roomOf(conference.id));
    return { ok: true, conferenceId: conference.id };
  }

  /** Tells everyone following that conference that these sessions are gone. */
  publishRemoved(conferenceId: string, sessionIds: readonly string[]): void {
    if (sessionIds.length === 0) return;
    this.emit({ conferenceId, reason: 'edit', sessions: [], removed: [...sessionIds] });
  }

  /** Pushes changed sessions to everyone following that conference. */
  publish(conferenceId: string, reason: ProgrammeChangeReason, sessions: readonly Session[]): void {
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
