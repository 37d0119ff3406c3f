import { Injectable } from '@nestjs/common';
import { DomainError, FISHBOWL_LIMITS, type FishbowlFixedChair, type FishbowlFixedChairRole, type FishbowlSettings } from '@podium/contracts';
import { DEFAULT_SETTINGS } from '@podium/fishbowl';
import { SessionDirectory } from '../live/session-directory';
import { SessionPeopleRepository } from '../live/session-people-repository';

export interface FishbowlSession {
  id: string;
  conferenceId: string;
  title: string;
  timeZone: string;
}

const FIXED_ROLE: Record<string, FishbowlFixedChairRole> = { moderator: 'moderator', speaker: 'panelist', interpreter: 'interpreter' };

/** Which sessions have a fishbowl and its chairs at first use (who takes part, as what role: `SessionPeople`). */
@Injectable()
export class FishbowlSessions {
  constructor(
    private readonly directory: SessionDirectory,
    private readonly people: SessionPeopleRepository,
  ) {}

  /** The session if it exists and is a fishbowl; NOT_FOUND otherwise (also for ids that are no uuid). */
  async find(sessionId: string): Promise<FishbowlSession> {
    const session = await this.directory.lookup(sessionId);
    if (!session || session.kind !== 'fishbowl') throw new DomainError('NOT_FOUND', 'No such fishbowl: the session does not exist or is not a fishbowl');
    return { id: session.id, conferenceId: session.conferenceId, title: session.title, timeZone: session.timeZone };
  }

  /**
   * Settings written as the first event: the session's moderators, speakers (as panelists) and
   * interpreters on fixed chairs in that order, at least two open chairs, 5 chairs unless more are needed.
   */
  async initialSettings(sessionId: string): Promise<FishbowlSettings> {
    const rows = await this.people.inChairOrder(sessionId);
    const fixed: FishbowlFixedChair[] = [];
    for (const row of rows) {
      if (fixed.some((f) => f.personId === row.person_id)) continue;
      fixed.push({ role: FIXED_ROLE[row.role], personId: row.person_id, displayName: row.display_name.slice(0, FISHBOWL_LIMITS.displayNameMaxLength) });
    }
    const chairCount = Math.min(FISHBOWL_LIMITS.maxChairs, Math.max(DEFAULT_SETTINGS.chairCount, fixed.length + 2));
    return { ...DEFAULT_SETTINGS, chairCount, fixedChairs: fixed.slice(0, chairCount - 1) };
  }
}
