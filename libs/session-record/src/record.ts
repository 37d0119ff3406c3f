import type { ChatRecordEntry, Transcript } from '@podium/contracts';
import { buildRecord, type FishbowlRecord } from '@podium/fishbowl';
import { pollsRecord, type PollRecord } from '@podium/polls';
import { buildQuestionRecord, type QuestionRecord } from '@podium/questions';
import { forumPart, type ForumPart } from './forum';
import type { SessionRecordSource } from './source';

/** What every session's record has; a fishbowl's adds its own record's fields (people, seatings, balance, …). */
export interface SessionRecordParts {
  sessionId: string;
  kind: string;
  title: string;
  until: number;
  /** Every question with status, votes, pin, edits and merge target; askers named (the record is for moderators). */
  questions: QuestionRecord[];
  polls: PollRecord[];
  chat: ChatRecordEntry[];
  transcript: Transcript['lines'];
}

/** A fishbowl's record adds its own fields; a forum's adds `forum` (attendance, turns, speaking time, breakouts, mutes). */
export type SessionRecord = SessionRecordParts & Partial<Omit<FishbowlRecord, keyof SessionRecordParts>> & { forum?: ForumPart };

/** The fishbowl's record of a fishbowl session, null for any other kind. */
export const fishbowlPart = (source: SessionRecordSource): FishbowlRecord | null =>
  source.fishbowlLog === null ? null : buildRecord(source.session.id, source.fishbowlLog, { until: source.until });

/** The session record (JSON): the fishbowl's record or the forum's when there is one, then questions, polls, chat and transcript. */
export function buildSessionRecord(source: SessionRecordSource): SessionRecord {
  const { id, kind, title } = source.session;
  const forum = forumPart(source);
  return {
    sessionId: id,
    kind,
    title,
    until: source.until,
    ...fishbowlPart(source),
    ...(forum && { forum }),
    questions: buildQuestionRecord(source.questions, { names: 'moderators' }),
    polls: pollsRecord(source.polls),
    chat: [...source.chat],
    transcript: [...source.transcript],
  };
}
