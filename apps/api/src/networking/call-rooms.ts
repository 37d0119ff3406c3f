import { Injectable } from '@nestjs/common';
import { AccessToken } from 'livekit-server-sdk';
import type { CallGrant } from '@podium/contracts';
import { participantIdentity, tokenTimes, toVideoGrant } from '@podium/livestream';
import { LiveKitRooms } from '../livestream/livekit-rooms';

/** Camera and microphone for everyone in a networking call: it is a conversation of equals. */
const TALK = { canSubscribe: true, canPublish: true, canPublishData: false, canPublishSources: ['camera', 'microphone'] as ('camera' | 'microphone')[], roomAdmin: false, hidden: false, canUpdateMetadata: false };
const ROOM_CACHE_MS = 60_000;

/** LiveKit rooms of networking calls (`podium-call-<requestId>`, `podium-speed-<groupId>`) and tokens for their members only. */
@Injectable()
export class CallRooms {
  private readonly rooms = new Map<string, number>();

  constructor(private readonly livekit: LiveKitRooms) {}

  /** Fails with 503 while media is off, before anything else is done. */
  ready(): void {
    this.livekit.target();
  }

  async grant(room: string, me: { personId: string; displayName: string }, members: CallGrant['members'], metadata: Record<string, string>): Promise<CallGrant> {
    const target = this.livekit.target();
    await this.ensure(room, metadata);
    const times = tokenTimes(Date.now());
    const at = new AccessToken(target.apiKey, target.apiSecret, { identity: participantIdentity(me.personId), name: me.displayName, ttl: times.expiresAt - times.issuedAt });
    at.addGrant(toVideoGrant(TALK, room));
    return { room, url: target.url, token: await at.toJwt(), expiresAt: new Date(times.expiresAt * 1000).toISOString(), members };
  }

  private async ensure(name: string, metadata: Record<string, string>): Promise<void> {
    if ((this.rooms.get(name) ?? 0) > Date.now() && !this.livekit.outage) return this.livekit.ensureReachable();
    await this.livekit.call('createRoom', (c) => c.createRoom({ name, emptyTimeout: 10 * 60, departureTimeout: 60, metadata: JSON.stringify({ podium: 1, ...metadata }) }));
    this.rooms.set(name, Date.now() + ROOM_CACHE_MS);
  }
}
