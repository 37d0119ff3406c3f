import { Injectable } from '@nestjs/common';
import { AccessToken } from 'livekit-server-sdk';
import { DataSource } from 'typeorm';
import { DomainError } from '@podium/contracts';
import { sessionRoleOf } from '@podium/identity';
import { participantAttributes, participantIdentity, planJoin, stagePermission, tokenTimes, toVideoGrant, type RoomKind } from '@podium/livestream';
import type { AccessContext } from '../identity/principal';
import { LiveKitRooms } from './livekit-rooms';
import { RoomDirectory } from './room-directory';

export interface JoinGrant {
  url: string;
  token: string;
  room: string;
  role: string;
  identity: string;
  onStage: boolean;
  /** ISO time the token stops admitting (re)joins; ask again before refreshAt. */
  expiresAt: string;
  refreshAt: string;
}

interface JoinRow {
  title: string;
  status: string;
  livestream: boolean;
  ends_at: Date;
  delay_minutes: number;
  capacity: number | null;
  slug: string;
  banned: boolean;
  locked: boolean;
  assigned: boolean | null;
}

// One round trip for everything a join decides on (the guard has already resolved the roles).
const JOIN_SQL = `
  SELECT s.title, s.status, s.livestream, s.ends_at, s.delay_minutes, s.capacity, c.slug,
         EXISTS (SELECT 1 FROM livestream_ban b WHERE b.session_id = s.id AND b.person_id = $2) AS banned,
         COALESCE((SELECT r.locked FROM livestream_room r WHERE r.session_id = s.id), false) AS locked,
         (SELECT a.on_stage FROM stage_assignment a WHERE a.session_id = s.id AND a.person_id = $2) AS assigned
    FROM session s JOIN conference c ON c.id = s.conference_id
   WHERE s.id = $1`;

/** Issues short-lived LiveKit tokens whose grants follow the person's role in the session. */
@Injectable()
export class JoinService {
  constructor(
    private readonly db: DataSource,
    private readonly livekit: LiveKitRooms,
    private readonly rooms: RoomDirectory,
  ) {}

  async join(access: AccessContext, sessionId: string, options: { room?: RoomKind; as?: 'production-desk' } = {}): Promise<JoinGrant> {
    const principal = access.principal!;
    const target = this.livekit.target(); // media off: 503 before touching the database
    const rows: JoinRow[] = await this.db.query(JOIN_SQL, [sessionId, principal.personId]);
    const row = rows[0];
    if (!row) throw new DomainError('NOT_FOUND', 'No such session');
    const roles = access.roles;
    const now = Date.now();
    const plan = planJoin({
      session: { status: row.status, livestream: row.livestream, endsAtMs: row.ends_at.getTime(), delayMinutes: row.delay_minutes },
      nowMs: now,
      sessionRole: sessionRoleOf(roles),
      organiserOnly: !roles.session.has('moderator') && !roles.conference.has('moderator'),
      room: options.room ?? 'stage',
      asProductionDesk: options.as === 'production-desk',
      banned: row.banned,
      locked: row.locked,
      assignedOnStage: row.assigned,
    });
    const room = await this.rooms.ensure({ id: sessionId, title: row.title, capacity: row.capacity, conferenceSlug: row.slug }, plan.room);
    const desk = plan.role === 'production-desk';
    const identity = participantIdentity(principal.personId, desk);
    const times = tokenTimes(now);
    const at = new AccessToken(target.apiKey, target.apiSecret, {
      identity,
      name: desk ? `${principal.displayName} (production desk)` : principal.displayName,
      ttl: times.expiresAt - times.issuedAt,
      attributes: { ...participantAttributes(plan.role, plan.onStage) },
    });
    at.addGrant(toVideoGrant(stagePermission(plan.role, plan.onStage), room));
    return {
      url: target.url,
      token: await at.toJwt(),
      room,
      role: plan.role,
      identity,
      onStage: plan.onStage,
      expiresAt: new Date(times.expiresAt * 1000).toISOString(),
      refreshAt: new Date(times.refreshAt * 1000).toISOString(),
    };
  }
}
