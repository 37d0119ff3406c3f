import { OnGatewayConnection, OnGatewayDisconnect, OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import { DomainError, type FishbowlActor, type FishbowlClientPayload, type FishbowlClientToServerEvents, type FishbowlCommandEventName, type FishbowlServerToClientEvents } from '@podium/contracts';
import { commandFromPayload, COMMAND_OF_EVENT, isModerator, toView, validatePayload } from '@podium/fishbowl';
import { SessionPeople } from '../live/session-people';
import { socketActor } from '../live/socket-actors';
import { SocketCommands, type SocketCommand } from '../realtime/socket-commands';
import { SocketGuard } from '../realtime/socket-guard';
import { eventRoomOf, moderatorRoomOf, roomOf, FishbowlBroadcaster, type FishbowlNamespace } from './fishbowl-broadcaster';
import { FishbowlSessions, type FishbowlSession } from './fishbowl-sessions';
import { FishbowlPresence } from './fishbowl-presence';
import { FishbowlStore } from './fishbowl-store';

type FishbowlSocket = Socket<FishbowlClientToServerEvents, FishbowlServerToClientEvents>;

/**
 * The `/fishbowl` namespace: join/part a fishbowl's room and send commands, each answered by an ack.
 * Its events are declared to the one command pipeline (validation once, re-check, rate limit, acks);
 * the actor always comes from the authenticated socket, never from the payload.
 */
@WebSocketGateway({ namespace: '/fishbowl' })
export class FishbowlGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly commands: Record<string, SocketCommand<any, object>>;

  constructor(
    private readonly sessions: FishbowlSessions,
    private readonly store: FishbowlStore,
    private readonly broadcaster: FishbowlBroadcaster,
    private readonly guard: SocketGuard,
    private readonly pipeline: SocketCommands,
    private readonly presence: FishbowlPresence,
    private readonly people: SessionPeople,
  ) {
    this.commands = {
      // A join only reads (and joins rooms): safe to repeat while the database is briefly away, e.g. right after a restart.
      'fishbowl:join': { validate: (raw) => validatePayload('fishbowl:join', raw), recheck: 'required', retry: true, handle: (socket, p) => this.join(socket, p) },
      'fishbowl:part': { validate: (raw) => validatePayload('fishbowl:part', raw), handle: (socket, p) => this.part(socket, p) },
    };
    for (const event of Object.keys(COMMAND_OF_EVENT) as FishbowlCommandEventName[]) {
      this.commands[event] = {
        validate: (raw) => validatePayload(event, raw),
        recheck: 'required',
        // Seat requests share the per-person and per-address 'seat' budget with every api process.
        limit: event === 'fishbowl:ask' ? 'seat' : undefined,
        handle: (socket, p) => this.command(socket, event, p),
      };
    }
  }

  afterInit(namespace: FishbowlNamespace): void {
    this.guard.protect(namespace, { authenticate: 'required' });
    this.broadcaster.attach(namespace);
    this.presence.attach(namespace);
  }

  handleConnection(socket: Socket): void {
    this.pipeline.register(socket, this.commands);
  }

  handleDisconnect(socket: Socket): void {
    this.presence.disconnected(socket);
  }

  private async join(socket: Socket, payload: FishbowlClientPayload<'fishbowl:join'>) {
    const session = await this.sessions.find(payload.sessionId);
    const actor = await this.actorFor(socket, session, true);
    const moderator = isModerator(actor);
    // Events name everyone in the queue; attendees' views show only the head and their own place.
    if (payload.events && !moderator) throw new DomainError('FORBIDDEN', 'Only moderators receive the event stream; the view carries what attendees see');
    // In the rooms before reading: any change committed after the read reaches this socket.
    const rooms = [roomOf(session.id)];
    if (payload.events) rooms.push(eventRoomOf(session.id));
    if (moderator) rooms.push(moderatorRoomOf(session.id));
    await socket.join(rooms);
    if (!payload.events) await socket.leave(eventRoomOf(session.id));
    if (!moderator) await socket.leave(moderatorRoomOf(session.id));
    // Moderators see every queue entry; everyone else the head and the order (their own place is exact).
    const state = await this.store.current(session.id);
    await this.presence.joined(socket, session.id, actor, state);
    const view = toView(this.store.cached(session.id) ?? state, Date.now(), { fullQueue: moderator });
    (socket as FishbowlSocket).emit('fishbowl:state', view);
    return { version: view.version, view };
  }

  private async part(socket: Socket, payload: FishbowlClientPayload<'fishbowl:part'>) {
    await socket.leave(roomOf(payload.sessionId));
    await socket.leave(eventRoomOf(payload.sessionId));
    await socket.leave(moderatorRoomOf(payload.sessionId));
    await this.presence.parted(socket, payload.sessionId);
    return { version: this.store.cached(payload.sessionId)?.version ?? 0 };
  }

  private async command(socket: Socket, event: FishbowlCommandEventName, payload: { sessionId: string }) {
    const session = await this.sessions.find(payload.sessionId);
    const { command } = commandFromPayload(event, payload, await this.actorFor(socket, session, false));
    if (event === 'fishbowl:ask' || event === 'fishbowl:accept') await this.people.refuseIfRemoved(session.id, command.actor.personId);
    const result = await this.store.submit(session.id, command);
    return { version: result.version };
  }

  /** Roles are looked up on join and remembered for the socket's commands on that fishbowl, until the token is checked again. */
  private actorFor(socket: Socket, session: FishbowlSession, fresh: boolean): Promise<FishbowlActor> {
    return socketActor(socket, session.id, fresh, (principal) => this.people.actorFor(principal, session));
  }
}
