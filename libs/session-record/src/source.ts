import type { ChatRecordEntry, FishbowlEvent, ForumEvent, Transcript } from '@podium/contracts';
import type { PollsState } from '@podium/polls';
import type { QuestionsState } from '@podium/questions';

/** Everything a session's record is made of, as the edge reads it; the builders here only assemble. */
export interface SessionRecordSource {
  session: { id: string; kind: string; title: string; timeZone: string };
  /** The fishbowl's log for a fishbowl session, null for every other kind (talks, panels, forums). */
  fishbowlLog: readonly FishbowlEvent[] | null;
  /** The forum's log for a forum session, null for every other kind. */
  forumLog: readonly ForumEvent[] | null;
  questions: QuestionsState;
  polls: PollsState;
  chat: readonly ChatRecordEntry[];
  transcript: Transcript['lines'];
  /** Now: seatings still open are measured up to here. */
  until: number;
}

export type MinutesLanguage = 'de' | 'en';
