import { Injectable } from '@nestjs/common';
import { AccessToken, TrackType } from 'livekit-server-sdk';
import type { ForumActor, ForumJoinGrant, ForumPublishRight } from '@podium/contracts';
import { forumPermission, forumRoomName } from '@podium/forum';
import { participantIdentity, tokenTimes, toParticipantPermission, toVideoGrant, type StagePermission } from '@podium/livestream';
import { isNotFound, LiveKitRooms } from '../livestream/livekit-rooms';

/** Seconds an empty forum room waits for its first participant, and after the last one left. */
const EMPTY_TIMEOUT_S = 15 * 60;
const DEPARTURE_TIMEOUT_S = 60;
const ROOM_CACHE_MS = 60_000;

/** The LiveKit grant of a forum right; data stays off (hands and chat travel over our socket). */
function permissionOf(right: ForumPublishRight | null): StagePermission {
  const p = forumPermission(right);
  return { ...p, canPublishData: false, roomAdmin: false, hidden: false, canUpdateMetadata: false };
}

/** The forum's LiveKit room: tokens, permission changes, mutes and removals. */
@Injectable()
export class ForumMedia {
  private readonly known = new Map<string, number>();

  constructor(private readonly livekit: LiveKitRooms) {}

  /** UNAVAILABLE when this server runs without media. */
  available(): void {
    this.livekit.target();
  }

  /** In a breakout group everyone may talk (a small room); in the forum's room the right decides. */
  async grant(sessionId: string, title: string, actor: ForumActor, right: ForumPublishRight | null, group: string | null, now = Date.now()): Promise<ForumJoinGrant> {
    const target = this.livekit.target();
    const room = await this.ensureRoom(sessionId, title, group);
    if (group !== null) right = actor.moderator ? 'moderator' : 'slot';
    const identity = participantIdentity(actor.personId);
    const times = tokenTimes(now);
    const at = new AccessToken(target.apiKey, target.apiSecret, { identity, name: actor.displayName, ttl: times.expiresAt - times.issuedAt });
    at.addGrant(toVideoGrant(permissionOf(right), room));
    return {
      url: target.url,
      token: await at.toJwt(),
      room,
      identity,
      right,
      group,
      expiresAt: new Date(times.expiresAt * 1000).toISOString(),
      refreshAt: new Date(times.refreshAt * 1000).toISOString(),
    };
  }

  /** A right given or taken back reaches a connected participant at once (absent: their next token carries it). */
  async applyRight(sessionId: string, personId: string, right: ForumPublishRight | null): Promise<void> {
    const permission = toParticipantPermission(permissionOf(right));
    await this.livekit.call('updateParticipant', (c) => c.updateParticipant(forumRoomName(sessionId), participantIdentity(personId), { permission })).catch((e) => (isNotFound(e) ? null : Promise.reject(e)));
  }

  /** Mutes the microphones of one person, or of everyone but `spare`; only the person can unmute. Returns the tracks muted. */
  async muteMicrophones(sessionId: string, personId: string | null, spare: ReadonlySet<string>): Promise<number> {
    const room = forumRoomName(sessionId);
    const people = await this.livekit.call('listParticipants', (c) => c.listParticipants(room)).catch((e) => (isNotFound(e) ? [] : Promise.reject(e)));
    const tracks = people
      .filter((p) => (personId ? p.identity === participantIdentity(personId) : !spare.has(p.identity)))
      .flatMap((p) => p.tracks.filter((t) => t.type === TrackType.AUDIO && !t.muted).map((t) => ({ identity: p.identity, sid: t.sid })));
    // All at once: muting a room of 30 one call after another keeps the moderator waiting for 30 round trips.
    await Promise.all(tracks.map((t) => this.livekit.call('mutePublishedTrack', (c) => c.mutePublishedTrack(room, t.identity, t.sid, true)).catch((e) => (isNotFound(e) ? null : Promise.reject(e)))));
    return tracks.length;
  }

  /** Who is connected to the forum's media room now (identities are person ids). */
  async connected(sessionId: string): Promise<Set<string>> {
    const people = await this.livekit.call('listParticipants', (c) => c.listParticipants(forumRoomName(sessionId))).catch((e) => (isNotFound(e) ? [] : Promise.reject(e)));
    return new Set(people.map((p) => p.identity));
  }

  async disconnect(sessionId: string, personId: string): Promise<void> {
    await this.livekit.call('removeParticipant', (c) => c.removeParticipant(forumRoomName(sessionId), participantIdentity(personId))).catch((e) => (isNotFound(e) ? null : Promise.reject(e)));
  }

  /** Breakouts are over: their rooms go, which disconnects everyone still in them (their clients come back to the forum). */
  async closeGroupRooms(sessionId: string): Promise<number> {
    const prefix = `${forumRoomName(sessionId)}-g`;
    const rooms = await this.livekit.call('listRooms', (c) => c.listRooms());
    const ours = rooms.filter((r) => r.name.startsWith(prefix));
    for (const r of ours) {
      await this.livekit.call('deleteRoom', (c) => c.deleteRoom(r.name)).catch((e) => (isNotFound(e) ? null : Promise.reject(e)));
      this.known.delete(r.name);
    }
    return ours.length;
  }

  private async ensureRoom(sessionId: string, title: string, group: string | null): Promise<string> {
    const name = forumRoomName(sessionId, group);
    if ((this.known.get(name) ?? 0) > Date.now() && !this.livekit.outage) {
      await this.livekit.ensureReachable();
      return name;
    }
    await this.livekit.call('createRoom', (c) =>
      c.createRoom({ name, emptyTimeout: EMPTY_TIMEOUT_S, departureTimeout: DEPARTURE_TIMEOUT_S, metadata: JSON.stringify({ podium: 1, sessionId, kind: 'forum', group, title }) }),
    );
    this.known.set(name, Date.now() + ROOM_CACHE_MS);
    return name;
  }
}
