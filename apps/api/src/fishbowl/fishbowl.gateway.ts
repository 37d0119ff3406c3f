import { Logger } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import {
  DomainError,
  type ErrorBody,
  type FishbowlActor,
  type FishbowlClientToServerEvents,
  type FishbowlCommandEventName,
  type FishbowlServerToClientEvents,
} from '@podium/contracts';
import { commandFromSocket, COMMAND_OF_EVENT, isModerator, toView, validatePayload } from '@podium/fishbowl';
import { IdentityService } from '../identity/identity.service';
import { RateLimiter } from '../common/rate-limit/rate-limiter';
import { socketAddress } from '../realtime/socket-address';
import { SocketGuard } from '../realtime/socket-guard';
import type { Principal } from '../identity/principal';
import { retryTransient } from '../realtime/transient';
import { toAckError } from '../realtime/ws-errors';
import { eventRoomOf, moderatorRoomOf, roomOf, FishbowlBroadcaster, type FishbowlNamespace } from './fishbowl-broadcaster';
import { FishbowlSessions, type FishbowlSession } from './fishbowl-sessions';
import { FishbowlStore } from './fishbowl-store';

/** `/fishbowl` requires sign-in: the guard has set the principal. */
type SocketData = { principal: Principal };
type FishbowlSocketData = SocketData & { actors?: Map<string, FishbowlActor>; checkedAt?: number };
type FishbowlSocket = Socket<FishbowlClientToServerEvents, FishbowlServerToClientEvents>;

/** How long a socket acts on its handshake check before the token (revocation) and roles are checked again. */
const RECHECK_MS = 5000;
type Reply = { ok: true; [key: string]: unknown } | ReturnType<typeof toAckError>;

/**
 * The `/fishbowl` namespace: join/part a fishbowl's room and send commands, each answered by an ack.
 * The actor always comes from the authenticated socket, never from the payload; every handler is
 * wrapped so nothing a client sends can throw out of it.
 */
@WebSocketGateway({ namespace: '/fishbowl' })
export class FishbowlGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger('fishbowl');

  constructor(
    private readonly identity: IdentityService,
    private readonly sessions: FishbowlSessions,
    private readonly store: FishbowlStore,
    private readonly broadcaster: FishbowlBroadcaster,
    private readonly limiter: RateLimiter,
    private readonly guard: SocketGuard,
  ) {}

  afterInit(namespace: FishbowlNamespace): void {
    this.guard.protect(namespace, { authenticate: 'required' });
    this.broadcaster.attach(namespace);
  }

  handleConnection(socket: FishbowlSocket): void {
    // A join only reads (and joins rooms): safe to repeat while the database is briefly away, e.g. right after a restart.
    this.on(socket, 'fishbowl:join', (raw) => retryTransient(() => this.join(socket, raw)));
    this.on(socket, 'fishbowl:part', (raw) => this.part(socket, raw));
    for (const event of Object.keys(COMMAND_OF_EVENT) as FishbowlCommandEventName[]) this.on(socket, event, (raw) => this.command(socket, event, raw));
  }

  private async join(socket: FishbowlSocket, raw: unknown): Promise<Reply> {
    const payload = validatePayload('fishbowl:join', raw);
    if (payload instanceof DomainError) throw payload;
    await this.stillSignedIn(socket);
    const session = await this.sessions.find(payload.sessionId);
    const moderator = isModerator(await this.actorFor(socket, session, true));
    // In the rooms before reading: any change committed after the read reaches this socket.
    const rooms = [roomOf(session.id)];
    if (payload.events) rooms.push(eventRoomOf(session.id));
    if (moderator) rooms.push(moderatorRoomOf(session.id));
    await socket.join(rooms);
    if (!payload.events) await socket.leave(eventRoomOf(session.id));
    if (!moderator) await socket.leave(moderatorRoomOf(session.id));
    // Moderators see every queue entry; everyone else the head and the order (their own place is exact).
    const view = toView(await this.store.current(session.id), Date.now(), { fullQueue: moderator });
    socket.emit('fishbowl:state', view);
    return { ok: true, version: view.version, view };
  }

  private async part(socket: FishbowlSocket, raw: unknown): Promise<Reply> {
    const payload = validatePayload('fishbowl:part', raw);
    if (payload instanceof DomainError) throw payload;
    await socket.leave(roomOf(payload.sessionId));
    await socket.leave(eventRoomOf(payload.sessionId));
    await socket.leave(moderatorRoomOf(payload.sessionId));
    return { ok: true, version: this.store.cached(payload.sessionId)?.version ?? 0 };
  }

  private async command(socket: FishbowlSocket, event: FishbowlCommandEventName, raw: unknown): Promise<Reply> {
    const payload = validatePayload(event, raw);
    if (payload instanceof DomainError) throw payload;
    await this.stillSignedIn(socket);
    // Seat requests share the per-person and per-address 'seat' budget with every api process.
    if (event === 'fishbowl:ask') await this.limiter.consume('seat', { personId: (socket.data as SocketData).principal.personId, address: socketAddress(socket) });
    const session = await this.sessions.find(payload.sessionId);
    const parsed = commandFromSocket(event, raw, await this.actorFor(socket, session, false));
    if (parsed instanceof DomainError) throw parsed;
    if (event === 'fishbowl:ask' || event === 'fishbowl:accept') await this.sessions.refuseSeatIfRemoved(session.id, parsed.command.actor.personId);
    const result = await this.store.submit(session.id, parsed.command);
    return { ok: true, version: result.version };
  }

  /** A withdrawn invitation ends open sockets too: re-check the handshake token (and forget cached roles) every RECHECK_MS. */
  private async stillSignedIn(socket: FishbowlSocket): Promise<void> {
    const data = socket.data as FishbowlSocketData;
    data.checkedAt ??= Date.now();
    if (Date.now() - data.checkedAt < RECHECK_MS) return;
    try {
      data.principal = await this.identity.authenticate(String((socket.handshake.auth as { token?: unknown }).token));
    } catch (error) {
      // After the ack has gone out: the client sees why, then the server closes the socket.
      if (error instanceof DomainError && error.code === 'UNAUTHENTICATED') setTimeout(() => socket.disconnect(true), 100);
      throw error;
    }
    data.checkedAt = Date.now();
    data.actors?.clear();
  }

  /** Roles are looked up on join and remembered for the socket's commands on that fishbowl. */
  private async actorFor(socket: FishbowlSocket, session: FishbowlSession, fresh: boolean): Promise<FishbowlActor> {
    const data = socket.data as FishbowlSocketData;
    data.actors ??= new Map();
    const known = data.actors.get(session.id);
    if (known && !fresh) return known;
    const actor = await this.sessions.actorFor(data.principal, session);
    data.actors.set(session.id, actor);
    return actor;
  }

  /** Registers a handler (the SocketGuard has rate-limited it): ack or 'exception' event for the answer, no throw ever escapes. */
  private on(socket: FishbowlSocket, event: keyof FishbowlClientToServerEvents, handler: (raw: unknown) => Promise<Reply>): void {
    socket.on(event, (...args: unknown[]) => {
      const ack = typeof args[args.length - 1] === 'function' ? (args.pop() as (body: unknown) => void) : null;
      const reply = (body: Reply) => {
        try {
          if (ack) ack(body);
          else if ('error' in body) socket.emit('exception', { event, error: body.error as ErrorBody });
        } catch (error) {
          this.logger.warn(`could not answer ${event}: ${(error as Error).message}`);
        }
      };
      Promise.resolve()
        .then(() => handler(args[0]))
        .then(reply, (error: unknown) => {
          if (!(error instanceof DomainError)) this.logger.error(`${event} failed: ${(error as Error)?.stack ?? error}`);
          reply(toAckError(error));
        });
    });
  }
}
