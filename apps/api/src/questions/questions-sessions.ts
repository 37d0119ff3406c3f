import { Injectable } from '@nestjs/common';
import { DomainError } from '@podium/contracts';
import { SessionDirectory } from '../live/session-directory';

export interface QuestionSession {
  id: string;
  conferenceId: string;
  kind: string;
  title: string;
}

/** Which sessions exist: questions work in every kind of session (who takes part, as what role: `SessionPeople`). */
@Injectable()
export class QuestionSessions {
  constructor(private readonly directory: SessionDirectory) {}

  async find(sessionId: string): Promise<QuestionSession> {
    const session = await this.directory.lookup(sessionId);
    if (!session) throw new DomainError('NOT_FOUND', 'No such session');
    return { id: session.id, conferenceId: session.conferenceId, kind: session.kind, title: session.title };
  }
}
