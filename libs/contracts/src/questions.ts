import type { ErrorBody, ExceptionEvents } from './errors';

/**
 * The `/questions` namespace (docs/participation.md): questions (Q&A) per session with votes and
 * moderation. One aggregate per session; every command is answered by an ack with the version after it.
 */
export type QuestionOrigin = 'hall' | 'remote';
export type QuestionModeration = 'pre' | 'post';
export type QuestionOrder = 'votes' | 'time';
export type QuestionStatus = 'pending' | 'approved' | 'rejected' | 'answered' | 'withdrawn' | 'merged';

/** What an attendee sees of one question: no person ids; `askerName` null when anonymous. */
export interface AttendeeQuestionView {
  id: string;
  text: string;
  askerName: string | null;
  mine: boolean;
  origin: QuestionOrigin;
  readAloud: boolean;
  status: QuestionStatus;
  pinned: boolean;
  votes: number;
  votedByMe: boolean;
  askedAt: number;
  edited: boolean;
}

/** The hall's screen: approved and answered questions only. */
export interface ProjectorQuestionView {
  id: string;
  text: string;
  askerName: string | null;
  origin: QuestionOrigin;
  readAloud: boolean;
  status: QuestionStatus;
  pinned: boolean;
  votes: number;
}

export interface QuestionEditView {
  at: number;
  by: string;
  from: string;
  to: string;
}

/** Moderators see everything: the asker always named, the edit history, the vote count (not the voters). */
export interface ModeratorQuestionView {
  id: string;
  askerId: string;
  askerName: string;
  anonymous: boolean;
  mayTakeChair: boolean;
  origin: QuestionOrigin;
  readAloud: boolean;
  text: string;
  originalText: string;
  edits: QuestionEditView[];
  status: QuestionStatus;
  pinned: boolean;
  askedAt: number;
  votes: number;
  mergedInto: string | null;
  invitedToPodiumAt: number | null;
}

export interface QuestionsListView<Q> {
  sessionId: string;
  moderation: QuestionModeration;
  order: QuestionOrder;
  version: number;
  questions: Q[];
}

/** Which view a socket gets: `attendee` (default), `moderator` (moderators only), `projector` (the hall's screen). */
export type QuestionsAudience = 'attendee' | 'moderator' | 'projector';

export interface QuestionsJoinPayload {
  sessionId: string;
  audience?: QuestionsAudience;
  /** The client sorts locally too; this is the order of the views the server sends. */
  order?: QuestionOrder;
  /** Hall mode: questions asked from this socket are marked `hall`. */
  hall?: boolean;
}
export interface QuestionsPartPayload {
  sessionId: string;
}
export interface QuestionsAskPayload {
  sessionId: string;
  /** The client's UUID: a retried ask is recognised, not asked twice. */
  questionId: string;
  text: string;
  anonymous?: boolean;
  origin: QuestionOrigin;
  readAloud?: boolean;
}
export interface QuestionIdPayload {
  sessionId: string;
  questionId: string;
}
export interface QuestionsMergePayload extends QuestionIdPayload {
  intoId: string;
}
export interface QuestionsEditPayload extends QuestionIdPayload {
  text: string;
}
export interface QuestionsModerationPayload {
  sessionId: string;
  moderation: QuestionModeration;
}

export type QuestionsAck = { ok: true; version: number } | { ok?: false; error: ErrorBody };
export type QuestionsJoinAck =
  | { ok: true; version: number; audience: QuestionsAudience; view: QuestionsListView<AttendeeQuestionView> | QuestionsListView<ModeratorQuestionView> | QuestionsListView<ProjectorQuestionView> }
  | { ok?: false; error: ErrorBody };
type AckCb = (ack: QuestionsAck) => void;

export interface QuestionsClientToServerEvents {
  'questions:join': (payload: QuestionsJoinPayload, ack: (ack: QuestionsJoinAck) => void) => void;
  'questions:part': (payload: QuestionsPartPayload, ack: AckCb) => void;
  'questions:ask': (payload: QuestionsAskPayload, ack: AckCb) => void;
  'questions:upvote': (payload: QuestionIdPayload, ack: AckCb) => void;
  'questions:retract-upvote': (payload: QuestionIdPayload, ack: AckCb) => void;
  'questions:withdraw': (payload: QuestionIdPayload, ack: AckCb) => void;
  'questions:set-moderation': (payload: QuestionsModerationPayload, ack: AckCb) => void;
  'questions:approve': (payload: QuestionIdPayload, ack: AckCb) => void;
  'questions:reject': (payload: QuestionIdPayload, ack: AckCb) => void;
  'questions:pin': (payload: QuestionIdPayload, ack: AckCb) => void;
  'questions:unpin': (payload: QuestionIdPayload, ack: AckCb) => void;
  'questions:mark-answered': (payload: QuestionIdPayload, ack: AckCb) => void;
  'questions:merge': (payload: QuestionsMergePayload, ack: AckCb) => void;
  'questions:edit': (payload: QuestionsEditPayload, ack: AckCb) => void;
  /** "Zur Frage aufs Podium": queues the asker in the fishbowl with the question as topic and invites them. */
  'questions:to-podium': (payload: QuestionIdPayload, ack: AckCb) => void;
}

/**
 * A person's own part of the attendee view, to their personal room after a change that touched them:
 * their questions in any status (a pending one is not lost) and the ids they voted for.
 */
export interface QuestionsMine {
  sessionId: string;
  version: number;
  questions: AttendeeQuestionView[];
  voted: string[];
}

export interface QuestionsServerToClientEvents extends ExceptionEvents {
  /**
   * The attendee's view. On join it is the viewer's own (with `mine`, `votedByMe`); after a change the
   * room gets the public view (`mine`, `votedByMe` false) and each person touched a `questions:mine`.
   */
  'questions:state': (view: QuestionsListView<AttendeeQuestionView>) => void;
  'questions:mine': (mine: QuestionsMine) => void;
  'questions:moderator-state': (view: QuestionsListView<ModeratorQuestionView>) => void;
  'questions:projector-state': (view: QuestionsListView<ProjectorQuestionView>) => void;
}

export type QuestionsCommandEventName = Exclude<keyof QuestionsClientToServerEvents, 'questions:join' | 'questions:part'>;
export type QuestionsClientPayload<E extends keyof QuestionsClientToServerEvents> = Parameters<QuestionsClientToServerEvents[E]>[0];

/** The command each socket event runs (libs/questions' command types). */
export const QUESTIONS_COMMAND_OF_EVENT: Readonly<Record<QuestionsCommandEventName, string>> = {
  'questions:ask': 'ask',
  'questions:upvote': 'upvote',
  'questions:retract-upvote': 'retract-upvote',
  'questions:withdraw': 'withdraw',
  'questions:set-moderation': 'set-moderation',
  'questions:approve': 'approve',
  'questions:reject': 'reject',
  'questions:pin': 'pin',
  'questions:unpin': 'unpin',
  'questions:mark-answered': 'mark-answered',
  'questions:merge': 'merge',
  'questions:edit': 'edit',
  'questions:to-podium': 'to-podium',
};

/** One question of `GET /api/sessions/:id/questions/record` and of the session record (`GET /api/sessions/:id/record`). */
export interface QuestionRecordEntry {
  id: string;
  askedAt: number;
  askerName: string | null;
  anonymous: boolean;
  origin: QuestionOrigin;
  readAloud: boolean;
  status: QuestionStatus;
  pinned: boolean;
  votes: number;
  text: string;
  originalText: string | null;
  edits: QuestionEditView[];
  mergedInto: string | null;
  toPodium: boolean;
}
