import { OnGatewayConnection, OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import { randomInt } from 'node:crypto';
import type { Socket } from 'socket.io';
import { DomainError, type ForumActor, type ForumClientPayload, type ForumEventName } from '@podium/contracts';
import { FORUM_EVENTS, toView, validateForumPayload, type ForumCommand } from '@podium/forum';
import { participantIdentity } from '@podium/livestream';
import type { Principal } from '../identity/principal';
import { SessionPeople } from '../live/session-people';
import { StageService } from '../livestream/stage.service';
import { SocketCommands, type SocketCommand } from '../realtime/socket-commands';
import { SocketGuard } from '../realtime/socket-guard';
import { ForumBroadcaster, forumRoomOf, type ForumNamespace } from './forum-broadcaster';
import { ForumMedia } from './forum-media';
import { ForumSessions, type ForumSession } from './forum-sessions';
import { ForumStore } from './forum-store';

type ForumSocketData = { principal: Principal };
/** Events that are a domain command as they are (payload minus sessionId, plus the actor). */
type Plain = Exclude<ForumEventName, 'forum:join' | 'forum:part' | 'forum:mute' | 'forum:remove'>;

/**
 * The `/forum` namespace: follow a forum's view and act in it, every event declared to the one command
 * pipeline (validation once, token re-check, rate limit, acks). The actor comes from the socket.
 */
@WebSocketGateway({ namespace: '/forum' })
export class ForumGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly commands: Record<string, SocketCommand<any, object>> = {};
  private namespace: ForumNamespace | null = null;

  constructor(
    private readonly sessions: ForumSessions,
    private readonly store: ForumStore,
    private readonly media: ForumMedia,
    private readonly stage: StageService,
    private readonly broadcaster: ForumBroadcaster,
    private readonly guard: SocketGuard,
    private readonly pipeline: SocketCommands,
    private readonly people: SessionPeople,
  ) {
    for (const event of FORUM_EVENTS) {
      this.commands[event] = {
        validate: (raw) => validateForumPayload(event, raw),
        recheck: event === 'forum:part' ? undefined : 'required',
        // Raising a hand is what a restless client repeats: the seat budget of the fishbowl.
        limit: event === 'forum:raise-hand' ? 'seat' : undefined,
        retry: event === 'forum:join',
        handle: (socket, p) => this.handle(socket, event, p),
      };
    }
  }

  afterInit(namespace: ForumNamespace): void {
    this.namespace = namespace;
    this.guard.protect(namespace, { authenticate: 'required' });
    this.broadcaster.attach(namespace);
  }

  handleConnection(socket: Socket): void {
    this.pipeline.register(socket, this.commands);
  }

  private async handle(socket: Socket, event: ForumEventName, payload: ForumClientPayload<ForumEventName>): Promise<object> {
    if (event === 'forum:part') {
      await socket.leave(forumRoomOf(payload.sessionId));
      return { version: this.store.cached(payload.sessionId)?.version ?? 0 };
    }
    const session = await this.sessions.find(payload.sessionId);
    const principal = (socket.data as ForumSocketData).principal;
    const actor = await this.sessions.actorFor(principal, session);
    // Removed from the session means out of the conversation, its view included (unlike the fishbowl's audience).
    await this.people.refuseIfRemoved(session.id, principal.personId);
    if (event === 'forum:join') return this.join(socket, session);
    if (event === 'forum:mute') return this.mute(session, actor, payload as ForumClientPayload<'forum:mute'>);
    if (event === 'forum:remove') return this.remove(session, actor, (payload as ForumClientPayload<'forum:remove'>).personId);
    const { sessionId: _s, ...rest } = payload as unknown as Record<string, unknown>;
    // Random groups are drawn from a seed chosen here, so the rules stay pure and the log replays.
    if (event === 'forum:open-breakouts') rest.seed = randomInt(2 ** 31);
    const command = { ...rest, type: event.slice('forum:'.length) as Plain extends `forum:${infer T}` ? T : never, actor } as ForumCommand;
    const result = await this.store.submit(session.id, command);
    return { version: result.version };
  }

  private async join(socket: Socket, session: ForumSession) {
    await socket.join(forumRoomOf(session.id)); // in the room before reading: later changes reach this socket
    const view = toView(await this.store.current(session.id), Date.now());
    return { version: view.version, view };
  }

  /** Recorded first, then done in LiveKit: moderators are spared when everyone is muted. */
  private async mute(session: ForumSession, actor: ForumActor, payload: ForumClientPayload<'forum:mute'>) {
    if (!actor.moderator) throw new DomainError('FORBIDDEN', 'Only the moderators of this forum may do this');
    this.media.available(); // without media nothing could be muted: refused before it is recorded
    const result = await this.store.submit(session.id, { type: 'mute', actor, personId: payload.personId });
    const state = await this.store.current(session.id);
    const spare = new Set(state.participants.filter((p) => p.moderator).map((p) => participantIdentity(p.personId)));
    const muted = await this.media.muteMicrophones(session.id, payload.personId ?? null, spare);
    return { version: result.version, muted };
  }

  /** Out of the forum, banned from the session (as the livestream's removal), disconnected from every room. */
  private async remove(session: ForumSession, actor: ForumActor, personId: string) {
    if (!actor.moderator) throw new DomainError('FORBIDDEN', 'Only the moderators of this forum may do this');
    const result = await this.store.submit(session.id, { type: 'remove', actor, personId });
    await this.stage.remove(session.id, personId, actor.personId);
    // Their open sockets stop receiving the forum's views (every process, through the adapter).
    const sockets = (await this.namespace?.in(forumRoomOf(session.id)).fetchSockets()) ?? [];
    for (const s of sockets) if ((s.data as ForumSocketData).principal?.personId === personId) s.leave(forumRoomOf(session.id));
    // LiveKit away: the ban stands, and the person's token (10 minutes) cannot be refreshed.
    await this.media.disconnect(session.id, personId).catch((e: unknown) => (e instanceof DomainError && e.code === 'UNAVAILABLE' ? undefined : Promise.reject(e)));
    return { version: result.version };
  }
}
