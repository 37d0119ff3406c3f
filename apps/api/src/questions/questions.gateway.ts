import { OnGatewayConnection, OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import { DomainError, QUESTIONS_COMMAND_OF_EVENT, type FishbowlActor, type QuestionsClientToServerEvents, type QuestionsCommandEventName, type QuestionsJoinPayload, type QuestionsPartPayload, type QuestionsServerToClientEvents } from '@podium/contracts';
import { attendeeView, commandFromPayload, isModeratorRole, moderatorView, projectorView } from '@podium/questions';
import { SessionPeople } from '../live/session-people';
import { SessionPeopleRepository } from '../live/session-people-repository';
import { socketActor } from '../live/socket-actors';
import { SocketCommands, type SocketCommand } from '../realtime/socket-commands';
import { SocketGuard } from '../realtime/socket-guard';
import { moderatorRoomOf, personRoomOf, projectorRoomOf, QuestionsBroadcaster, roomOf, type QuestionsNamespace } from './questions-broadcaster';
import { validateCommand, validateJoin, validatePart } from './questions-payloads';
import { QuestionsPodium } from './questions-podium';
import { QuestionSessions, type QuestionSession } from './questions-sessions';
import { QuestionsStore } from './questions-store';

type QuestionsSocket = Socket<QuestionsClientToServerEvents, QuestionsServerToClientEvents>;

/** Events that a person sends for themselves and that spend the `participation` budget (per person and address, all processes). */
const LIMITED: readonly QuestionsCommandEventName[] = ['questions:ask', 'questions:upvote', 'questions:retract-upvote'];

/**
 * The `/questions` namespace: join a session's questions as attendee, moderator or projector and send
 * commands, each answered by an ack. Every event goes through the one command pipeline; the actor and
 * `mayTakeChair` come from identity, never from the payload.
 */
@WebSocketGateway({ namespace: '/questions' })
export class QuestionsGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly commands: Record<string, SocketCommand<any, object>>;

  constructor(
    private readonly sessions: QuestionSessions,
    private readonly store: QuestionsStore,
    private readonly broadcaster: QuestionsBroadcaster,
    private readonly podium: QuestionsPodium,
    private readonly guard: SocketGuard,
    private readonly pipeline: SocketCommands,
    private readonly people: SessionPeople,
    private readonly peopleRows: SessionPeopleRepository,
  ) {
    this.commands = {
      'questions:join': { validate: validateJoin, recheck: 'required', retry: true, handle: (socket, p) => this.join(socket, p) },
      'questions:part': { validate: validatePart, handle: (socket, p) => this.part(socket, p) },
    };
    for (const event of Object.keys(QUESTIONS_COMMAND_OF_EVENT) as QuestionsCommandEventName[]) {
      this.commands[event] = {
        validate: (raw) => validateCommand(event, raw),
        recheck: 'required',
        limit: LIMITED.includes(event) ? 'participation' : undefined,
        handle: (socket, p) => this.command(socket, event, p),
      };
    }
  }

  afterInit(namespace: QuestionsNamespace): void {
    this.guard.protect(namespace, { authenticate: 'required' });
    this.broadcaster.attach(namespace);
  }

  handleConnection(socket: Socket): void {
    this.pipeline.register(socket, this.commands);
  }

  private async join(socket: Socket, payload: QuestionsJoinPayload) {
    const session = await this.sessions.find(payload.sessionId);
    const actor = await this.actorFor(socket, session, true);
    const audience = payload.audience ?? 'attendee';
    const order = payload.order ?? 'votes';
    // The moderators' and the projector's views are for moderators (the hall's screen is run by them).
    if (audience !== 'attendee' && !isModeratorRole(actor.role)) throw new DomainError('FORBIDDEN', 'Only moderators see this view', { reason: 'MODERATORS_ONLY' });
    await this.leaveAll(socket, session.id);
    // In the rooms before reading: any change committed after the read reaches this socket.
    if (audience === 'attendee') await socket.join([roomOf(session.id), personRoomOf(session.id, actor.personId)]);
    else await socket.join(audience === 'moderator' ? moderatorRoomOf(session.id) : projectorRoomOf(session.id));
    const state = await this.store.current(session.id);
    const s = socket as QuestionsSocket;
    if (audience === 'moderator') {
      const view = moderatorView(state, order);
      s.emit('questions:moderator-state', view);
      return { version: view.version, audience, view };
    }
    if (audience === 'projector') {
      const view = projectorView(state, order);
      s.emit('questions:projector-state', view);
      return { version: view.version, audience, view };
    }
    const view = attendeeView(state, actor.personId, order);
    s.emit('questions:state', view);
    return { version: view.version, audience, view };
  }

  private async part(socket: Socket, payload: QuestionsPartPayload) {
    await this.leaveAll(socket, payload.sessionId);
    return { version: this.store.cached(payload.sessionId)?.version ?? 0 };
  }

  private async leaveAll(socket: Socket, sessionId: string): Promise<void> {
    for (const room of socket.rooms) if (room.endsWith(`:${sessionId}`) || room.startsWith(`questions-person:${sessionId}:`)) await socket.leave(room);
  }

  private async command(socket: Socket, event: QuestionsCommandEventName, payload: { sessionId: string }) {
    const session = await this.sessions.find(payload.sessionId);
    const actor = await this.actorFor(socket, session, false);
    const type = QUESTIONS_COMMAND_OF_EVENT[event];
    // A person the moderators removed may still ask, but is never invited to a chair for it.
    const mayTakeChair = type === 'ask' ? !(await this.peopleRows.isRemoved(session.id, actor.personId)) : false;
    const command = commandFromPayload(type, payload, { actor, mayTakeChair });
    if (command instanceof DomainError) throw command;
    if (command.type === 'to-podium') return this.podium.toPodium(session.id, command);
    const result = await this.store.submit(session.id, command);
    return { version: result.version };
  }

  /** Roles are looked up on join and remembered per socket and session until the token is checked again. */
  private actorFor(socket: Socket, session: QuestionSession, fresh: boolean): Promise<FishbowlActor> {
    return socketActor(socket, session.id, fresh, (principal) => this.people.actorFor(principal, session));
  }
}
