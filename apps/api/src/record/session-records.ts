import { Injectable } from '@nestjs/common';
import { DomainError } from '@podium/contracts';
import type { SessionRecordSource } from '@podium/session-record';
import { ChatRooms } from '../chat/chat-rooms';
import { FishbowlSessions } from '../fishbowl/fishbowl-sessions';
import { FishbowlStore } from '../fishbowl/fishbowl-store';
import { ForumStore } from '../forum/forum-store';
import { SessionDirectory } from '../live/session-directory';
import { CaptionStore } from '../livestream/caption-store';
import { PollsStore } from '../polls/polls-store';
import { QuestionsStore } from '../questions/questions-store';

export type RecordedSession = SessionRecordSource['session'];

/** Reads what a session's record is made of from each feature's store; the assembly is `@podium/session-record`. */
@Injectable()
export class SessionRecords {
  constructor(
    private readonly directory: SessionDirectory,
    private readonly fishbowls: FishbowlSessions,
    private readonly fishbowl: FishbowlStore,
    private readonly forum: ForumStore,
    private readonly questions: QuestionsStore,
    private readonly polls: PollsStore,
    private readonly chat: ChatRooms,
    private readonly captions: CaptionStore,
  ) {}

  /** The session; NOT_FOUND for an unknown one, and with `fishbowlOnly` (the fishbowl's former paths) for one that is no fishbowl. */
  async find(sessionId: string, options: { fishbowlOnly?: boolean } = {}): Promise<RecordedSession> {
    const session = options.fishbowlOnly ? { ...(await this.fishbowls.find(sessionId)), kind: 'fishbowl' } : await this.directory.lookup(sessionId);
    if (!session) throw new DomainError('NOT_FOUND', 'No such session');
    return { id: session.id, kind: session.kind, title: session.title, timeZone: session.timeZone };
  }

  /** Everything the record is made of, read now. */
  async source(session: RecordedSession): Promise<SessionRecordSource> {
    const until = Date.now();
    const [fishbowlLog, forumLog, questions, polls, chat, transcript] = await Promise.all([
      session.kind === 'fishbowl' ? this.fishbowl.log(session.id) : null,
      session.kind === 'forum' ? this.forum.log(session.id) : null,
      this.questions.current(session.id),
      this.polls.current(session.id),
      this.chat.sessionRecord(session.id),
      this.captions.transcript(session.id),
    ]);
    return { session, fishbowlLog, forumLog, questions, polls, chat, transcript: transcript.lines, until };
  }
}
