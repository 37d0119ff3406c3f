import { Injectable } from '@nestjs/common';
import { DomainError } from '@podium/contracts';
import { SessionDirectory } from '../live/session-directory';

export interface PollSession {
  id: string;
  conferenceId: string;
  title: string;
}

/** Sessions of any kind have polls and reactions (who takes part, as what role: `SessionPeople`, the fishbowl's roles). */
@Injectable()
export class PollSessions {
  constructor(private readonly directory: SessionDirectory) {}

  async find(sessionId: string): Promise<PollSession> {
    const session = await this.directory.lookup(sessionId);
    if (!session) throw new DomainError('NOT_FOUND', 'No such session');
    return { id: session.id, conferenceId: session.conferenceId, title: session.title };
  }
}
