import { Injectable } from '@nestjs/common';
import { AccessToken } from 'livekit-server-sdk';
import { DomainError, type JoinGrant } from '@podium/contracts';
import { sessionRoleOf } from '@podium/identity';
import { interpreterAttributes, participantAttributes, participantIdentity, planJoin, stagePermission, tokenTimes, toVideoGrant, type RoomKind } from '@podium/livestream';
import type { AccessContext } from '../identity/principal';
import { JoinSnapshots } from './join-snapshots';
import { LiveKitRooms } from './livekit-rooms';
import { RoomDirectory } from './room-directory';

/** Issues short-lived LiveKit tokens whose grants follow the person's role in the session. */
@Injectable()
export class JoinService {
  constructor(
    private readonly snapshots: JoinSnapshots,
    private readonly livekit: LiveKitRooms,
    private readonly rooms: RoomDirectory,
  ) {}

  async join(access: AccessContext, sessionId: string, options: { room?: RoomKind; as?: 'production-desk' } = {}): Promise<JoinGrant> {
    const principal = access.principal!;
    const target = this.livekit.target(); // media off: 503 before touching the database
    const row = await this.snapshots.get(sessionId);
    if (!row) throw new DomainError('NOT_FOUND', 'No such session');
    const roles = access.roles;
    const now = Date.now();
    const plan = planJoin({
      session: row,
      nowMs: now,
      sessionRole: sessionRoleOf(roles),
      organiserOnly: !roles.session.has('moderator') && !roles.conference.has('moderator'),
      room: options.room ?? 'stage',
      asProductionDesk: options.as === 'production-desk',
      banned: row.banned.has(principal.personId),
      locked: row.locked,
      assignedOnStage: row.assignments.get(principal.personId) ?? null,
    });
    const room = await this.rooms.ensure({ id: sessionId, title: row.title, capacity: row.capacity, conferenceSlug: row.conferenceSlug, layout: row.layout }, plan.room);
    const desk = plan.role === 'production-desk';
    const identity = participantIdentity(principal.personId, desk);
    const times = tokenTimes(now);
    const at = new AccessToken(target.apiKey, target.apiSecret, {
      identity,
      name: desk ? `${principal.displayName} (production desk)` : principal.displayName,
      ttl: times.expiresAt - times.issuedAt,
      attributes: { ...participantAttributes(plan.role, plan.onStage), ...(plan.role === 'interpreter' ? interpreterAttributes(row.languagePairs.get(principal.personId) ?? null) : {}) },
    });
    at.addGrant(toVideoGrant(stagePermission(plan.role, plan.onStage), room));
    return {
      url: target.url,
      token: await at.toJwt(),
      room,
      role: plan.role,
      identity,
      onStage: plan.onStage,
      layout: row.layout,
      expiresAt: new Date(times.expiresAt * 1000).toISOString(),
      refreshAt: new Date(times.refreshAt * 1000).toISOString(),
    };
  }
}
