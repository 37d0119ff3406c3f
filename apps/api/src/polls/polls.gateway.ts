import { OnGatewayConnection, OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import { DomainError, type FishbowlActor, type PollOrigin, type PollsJoinPayload } from '@podium/contracts';
import { commandFromPayload, isModeratorRole } from '@podium/polls';
import type { Principal } from '../identity/principal';
import { SessionPeople } from '../live/session-people';
import { forgetSocketActor, socketActor } from '../live/socket-actors';
import { SocketCommands, type SocketCommand } from '../realtime/socket-commands';
import { SocketGuard } from '../realtime/socket-guard';
import { pollModeratorRoomOf, pollPersonRoomOf, pollRoomOf, PollsBroadcaster, type PollsNamespace } from './polls-broadcaster';
import { PollSessions, type PollSession } from './polls-sessions';
import { PollsStore } from './polls-store';
import { mineOf, roomView } from './polls-views';

/** Per socket and session: the mode it joined in (the ballots' origin); the actor is remembered by `socketActor`. */
type PollsSocketData = { principal: Principal; origins?: Map<string, PollOrigin> };

const NOBODY: FishbowlActor = { personId: 'validation', displayName: '', role: 'attendee' };
const COMMANDS = ['create', 'open', 'close', 'vote'] as const;

const sessionOnly = (raw: unknown, extra: string[] = []): { sessionId: string } | DomainError => {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return new DomainError('VALIDATION', 'payload: must be an object', { field: 'payload' });
  for (const key of Object.keys(raw)) if (key !== 'sessionId' && !extra.includes(key)) return new DomainError('VALIDATION', `${key}: unknown field`, { field: key });
  const { sessionId } = raw as { sessionId?: unknown };
  if (typeof sessionId !== 'string' || sessionId.length > 64) return new DomainError('VALIDATION', 'sessionId: must be a session id', { field: 'sessionId' });
  return raw as { sessionId: string };
};

/**
 * `/polls`: join a session's polls (with the client's mode, hall or remote), create/open/close (moderators)
 * and vote, each through the one command pipeline. The actor comes from the token, the origin from the join.
 */
@WebSocketGateway({ namespace: '/polls' })
export class PollsGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly commands: Record<string, SocketCommand<any, object>> = {};
  private namespace: PollsNamespace | null = null;

  constructor(
    private readonly sessions: PollSessions,
    private readonly store: PollsStore,
    private readonly broadcaster: PollsBroadcaster,
    private readonly guard: SocketGuard,
    private readonly pipeline: SocketCommands,
    private readonly people: SessionPeople,
  ) {
    this.commands['polls:join'] = { validate: (raw) => validateJoin(raw), recheck: 'required', retry: true, handle: (s, p) => this.join(s, p) };
    this.commands['polls:part'] = { validate: (raw) => sessionOnly(raw), handle: (s, p) => this.part(s, p) };
    for (const type of COMMANDS) {
      this.commands[`polls:${type}`] = {
        // The shape once here (unknown fields, sizes); the rules are decide's, with the real actor.
        validate: (raw) => {
          const base = sessionOnly(raw, ['pollId', 'settings', 'choices']);
          if (base instanceof DomainError) return base;
          const command = commandFromPayload(type, raw, { actor: NOBODY, origin: 'remote' });
          return command instanceof DomainError ? command : raw;
        },
        recheck: 'required',
        limit: type === 'vote' ? 'vote' : 'write',
        handle: (s, p) => this.command(s, type, p),
      };
    }
  }

  afterInit(namespace: PollsNamespace): void {
    this.namespace = namespace;
    this.guard.protect(namespace, { authenticate: 'required' });
    this.broadcaster.attach(namespace);
  }

  handleConnection(socket: Socket): void {
    this.pipeline.register(socket, this.commands);
  }

  private async join(socket: Socket, payload: PollsJoinPayload) {
    const session = await this.sessions.find(payload.sessionId);
    const actor = await this.actorFor(socket, session, true);
    const data = socket.data as PollsSocketData;
    (data.origins ??= new Map()).set(session.id, payload.mode ?? 'remote');
    const moderator = isModeratorRole(actor.role);
    // In the rooms before reading: a change committed after the read reaches this socket.
    await socket.join([pollRoomOf(session.id), pollPersonRoomOf(session.id, actor.personId), ...(moderator ? [pollModeratorRoomOf(session.id)] : [])]);
    if (!moderator) await socket.leave(pollModeratorRoomOf(session.id));
    const state = await this.store.current(session.id);
    const view = roomView(state, moderator ? 'moderator' : 'attendee');
    const mine = mineOf(state, actor);
    socket.emit('polls:state', view);
    socket.emit('polls:mine', mine);
    return { version: state.version, view, mine };
  }

  private async part(socket: Socket, payload: { sessionId: string }) {
    const data = socket.data as PollsSocketData;
    await socket.leave(pollRoomOf(payload.sessionId));
    await socket.leave(pollModeratorRoomOf(payload.sessionId));
    await socket.leave(pollPersonRoomOf(payload.sessionId, data.principal.personId));
    data.origins?.delete(payload.sessionId);
    forgetSocketActor(socket, payload.sessionId);
    return { version: this.store.cached(payload.sessionId)?.version ?? 0 };
  }

  private async command(socket: Socket, type: (typeof COMMANDS)[number], payload: { sessionId: string }) {
    const session = await this.sessions.find(payload.sessionId);
    const actor = await this.actorFor(socket, session, false);
    // A socket that never joined takes part as remote.
    const origin = (socket.data as PollsSocketData).origins?.get(session.id) ?? 'remote';
    const command = commandFromPayload(type, payload, { actor, origin });
    if (command instanceof DomainError) throw command;
    if (type === 'vote') await this.people.refuseIfRemoved(session.id, actor.personId);
    const result = await this.store.submit(session.id, command);
    // The voter's own sockets (on any process) learn their ballot; everyone else gets the counts from the broadcaster.
    if (type === 'vote' && result.events.length > 0) {
      const state = this.store.cached(session.id);
      if (state) this.namespace?.to(pollPersonRoomOf(session.id, actor.personId)).emit('polls:mine', mineOf(state, actor));
    }
    return { version: result.version };
  }

  private actorFor(socket: Socket, session: PollSession, fresh: boolean): Promise<FishbowlActor> {
    return socketActor(socket, session.id, fresh, (principal) => this.people.actorFor(principal, session));
  }
}

function validateJoin(raw: unknown): PollsJoinPayload | DomainError {
  const base = sessionOnly(raw, ['mode']);
  if (base instanceof DomainError) return base;
  const mode = (raw as { mode?: unknown }).mode;
  if (mode !== undefined && mode !== 'hall' && mode !== 'remote') return new DomainError('VALIDATION', "mode: must be 'hall' or 'remote'", { field: 'mode' });
  return raw as PollsJoinPayload;
}
