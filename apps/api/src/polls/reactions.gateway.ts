import { Logger, OnModuleDestroy } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { DomainError, type ReactionsClientToServerEvents, type ReactionsServerToClientEvents } from '@podium/contracts';
import { addReaction, emptyTally, flush, REACTION_INTERVAL_MS, REACTION_KINDS, type ReactionTally } from '@podium/polls';
import type { Principal } from '../identity/principal';
import { SessionPeople } from '../live/session-people';
import { SocketCommands, type SocketCommand } from '../realtime/socket-commands';
import { SocketGuard } from '../realtime/socket-guard';
import { PollSessions } from './polls-sessions';

type ReactionsNamespace = Namespace<ReactionsClientToServerEvents, ReactionsServerToClientEvents>;
type ReactionsSocketData = { principal: Principal; reactionSessions?: Set<string> };

export const reactionRoomOf = (sessionId: string) => `reactions:${sessionId}`;

const payloadOf = (raw: unknown, kind: boolean): { sessionId: string; kind?: string } | DomainError => {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return new DomainError('VALIDATION', 'payload: must be an object', { field: 'payload' });
  for (const key of Object.keys(raw)) if (key !== 'sessionId' && !(kind && key === 'kind')) return new DomainError('VALIDATION', `${key}: unknown field`, { field: key });
  const p = raw as { sessionId?: unknown; kind?: unknown };
  if (typeof p.sessionId !== 'string' || p.sessionId.length > 64) return new DomainError('VALIDATION', 'sessionId: must be a session id', { field: 'sessionId' });
  if (kind && !(REACTION_KINDS as readonly unknown[]).includes(p.kind)) return new DomainError('VALIDATION', `kind: one of ${REACTION_KINDS.join(', ')}`, { field: 'kind' });
  return p as { sessionId: string; kind?: string };
};

/**
 * `/reactions`: applause and the like bypass the store. Each process counts what it receives with the
 * lib's aggregator and sends one `reactions:counts` per session and interval to the session's room
 * (every process, through the Redis adapter); a client adds up the batches it gets.
 */
@WebSocketGateway({ namespace: '/reactions' })
export class ReactionsGateway implements OnGatewayInit, OnGatewayConnection, OnModuleDestroy {
  private readonly logger = new Logger('reactions');
  private readonly commands: Record<string, SocketCommand<any, object>>;
  private namespace: ReactionsNamespace | null = null;
  private tally: ReactionTally = emptyTally(Date.now());
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly sessions: PollSessions,
    private readonly guard: SocketGuard,
    private readonly pipeline: SocketCommands,
    private readonly people: SessionPeople,
  ) {
    this.commands = {
      'reactions:join': { validate: (raw) => payloadOf(raw, false), recheck: 'required', retry: true, handle: (s, p) => this.join(s, p) },
      'reactions:part': { validate: (raw) => payloadOf(raw, false), handle: (s, p) => this.part(s, p) },
      'reactions:send': { validate: (raw) => payloadOf(raw, true), limit: 'reaction', handle: (s, p) => this.send(s, p) },
    };
  }

  afterInit(namespace: ReactionsNamespace): void {
    this.namespace = namespace;
    this.guard.protect(namespace, { authenticate: 'required' });
    this.timer = setInterval(() => this.flushNow(), REACTION_INTERVAL_MS);
    this.timer.unref();
  }

  handleConnection(socket: Socket): void {
    this.pipeline.register(socket, this.commands);
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Access is checked once, on join; a reaction needs only that its socket joined the session. */
  private async join(socket: Socket, payload: { sessionId: string }) {
    const session = await this.sessions.find(payload.sessionId);
    const data = socket.data as ReactionsSocketData;
    await this.people.actorFor(data.principal, session);
    await this.people.refuseIfRemoved(session.id, data.principal.personId);
    await socket.join(reactionRoomOf(session.id));
    (data.reactionSessions ??= new Set()).add(session.id);
    return {};
  }

  private async part(socket: Socket, payload: { sessionId: string }) {
    await socket.leave(reactionRoomOf(payload.sessionId));
    (socket.data as ReactionsSocketData).reactionSessions?.delete(payload.sessionId);
    return {};
  }

  private async send(socket: Socket, payload: { sessionId: string; kind: string }) {
    const data = socket.data as ReactionsSocketData;
    if (!data.reactionSessions?.has(payload.sessionId)) throw new DomainError('FORBIDDEN', 'Join the session’s reactions first (reactions:join)', { reason: 'NOT_ALLOWED' });
    const next = addReaction(this.tally, payload.sessionId, data.principal.personId, payload.kind);
    if (next instanceof DomainError) throw next;
    this.tally = next;
    return {};
  }

  /** One batch per session that had reactions in this interval, never one message per reaction. */
  private flushNow(): void {
    const { batches, next } = flush(this.tally, Date.now());
    this.tally = next;
    for (const batch of batches) {
      try {
        this.namespace?.to(reactionRoomOf(batch.sessionId)).emit('reactions:counts', batch);
      } catch (error) {
        this.logger.warn(`reactions of ${batch.sessionId} not sent: ${(error as Error).message}`);
      }
    }
  }
}
