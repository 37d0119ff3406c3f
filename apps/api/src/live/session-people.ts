import { Injectable } from '@nestjs/common';
import { DomainError, FISHBOWL_LIMITS, type FishbowlActor } from '@podium/contracts';
import { actorRole, allows } from '@podium/identity';
import { IdentityService } from '../identity/identity.service';
import type { Principal } from '../identity/principal';
import { SessionPeopleRepository } from './session-people-repository';

/** Who a person is in a live session: the actor of fishbowl, questions and polls, and the moderators' removal. */
@Injectable()
export class SessionPeople {
  constructor(
    private readonly identity: IdentityService,
    private readonly rows: SessionPeopleRepository,
  ) {}

  /** The actor as the fishbowl, questions and polls see them; FORBIDDEN unless the person may attend the session. */
  async actorFor(principal: Principal, session: { id: string; conferenceId: string }): Promise<FishbowlActor> {
    const roles = await this.identity.rolesFor(principal.personId, session.conferenceId, session.id, principal.guest);
    if (!allows('session.attend', roles)) throw new DomainError('FORBIDDEN', 'You are not part of this session’s conference');
    return { personId: principal.personId, displayName: principal.displayName.slice(0, FISHBOWL_LIMITS.displayNameMaxLength), role: actorRole(roles, principal.guest) };
  }

  /** Removed from the session by its moderators: they may watch and read, not take a seat, vote, react, post or enter a forum. */
  async refuseIfRemoved(sessionId: string, personId: string): Promise<void> {
    if (await this.rows.isRemoved(sessionId, personId)) throw new DomainError('FORBIDDEN', 'You have been removed from this session by its moderators', { reason: 'removed' });
  }
}
