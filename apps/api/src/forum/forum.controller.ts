import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ForumJoinGrant, ForumRecord } from '@podium/contracts';
import { DomainError, type ForumActor } from '@podium/contracts';
import { buildForumRecord, FORUM_SYSTEM, groupOf, hasFreeSlot, participantOf, stalePlaces, type ForumState } from '@podium/forum';
import { ForumJoinDto } from './forum.dto';
import { RateLimit } from '../common/rate-limit/rate-limit.decorator';
import { Access } from '../identity/access.decorator';
import { CurrentAccess, type AccessContext } from '../identity/principal';
import { SessionPeople } from '../live/session-people';
import { ForumMedia } from './forum-media';
import { actorOf, ForumSessions } from './forum-sessions';
import { ForumStore } from './forum-store';

/** A fresh token may take this long to connect before its place counts as abandoned. */
const PLACE_GRACE_MS = 30_000;

/** Entering a forum: a place in its room (talking on a free slot, else listening) and a LiveKit token to match. */
@ApiTags('forum')
@Controller('api/sessions')
export class ForumController {
  constructor(
    private readonly sessions: ForumSessions,
    private readonly store: ForumStore,
    private readonly media: ForumMedia,
    private readonly people: SessionPeople,
  ) {}

  @Post(':id/forum/join')
  @HttpCode(200)
  @Access.to('session.attend', { sessionIdParam: 'id' })
  @RateLimit('join')
  @ApiOperation({ summary: 'Enter the forum (interactive room) and get a LiveKit token with the right to talk if a place is free; call again to refresh' })
  async join(@Param('id') id: string, @CurrentAccess() access: AccessContext, @Body() body: ForumJoinDto = {}): Promise<ForumJoinGrant> {
    this.media.available(); // media off: 503 before anything is recorded
    const session = await this.sessions.find(id);
    this.sessions.refuseIfEnded(session, Date.now());
    await this.people.refuseIfRemoved(session.id, access.principal!.personId);
    const actor = actorOf(access.principal!, access.roles);
    await this.freeStalePlaces(session.id, actor);
    await this.store.submit(session.id, { type: 'enter', actor });
    const state = await this.store.current(session.id);
    const right = participantOf(state, actor.personId)?.right ?? null;
    return this.media.grant(session.id, session.title, actor, right, roomGroup(state, actor, body?.group));
  }

  @Get(':id/forum/record')
  @Access.to('session.moderate', { sessionIdParam: 'id' })
  @ApiOperation({ summary: 'The forum record: attendance, turns and speaking time per person, breakouts, mutes (moderators)' })
  async record(@Param('id') id: string): Promise<ForumRecord> {
    const session = await this.sessions.find(id);
    return buildForumRecord(session.id, await this.store.log(session.id));
  }

  /** Only when the forum is full for a newcomer: places of people gone from the media room go back (one LiveKit call). */
  private async freeStalePlaces(sessionId: string, actor: ForumActor): Promise<void> {
    const state = await this.store.current(sessionId);
    if (actor.moderator || participantOf(state, actor.personId) || hasFreeSlot(state)) return;
    const stale = stalePlaces(state, await this.media.connected(sessionId), Date.now(), PLACE_GRACE_MS);
    for (const personId of stale) await this.store.submit(sessionId, { type: 'leave', actor: FORUM_SYSTEM, personId });
  }
}

/** My breakout group's room while breakouts are open; moderators may visit any group; else the forum's room. */
function roomGroup(state: ForumState, actor: ForumActor, visit: string | undefined): string | null {
  if (visit === undefined) return groupOf(state, actor.personId)?.id ?? null;
  if (!actor.moderator) throw new DomainError('FORBIDDEN', 'Only moderators visit other breakout groups');
  if (!state.breakout?.groups.some((g) => g.id === visit)) throw new DomainError('NOT_FOUND', 'No such breakout group', { group: visit });
  return visit;
}
