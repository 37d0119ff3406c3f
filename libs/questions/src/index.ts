/** @podium/questions: questions (Q&A) per session as a fold over events. Plain TypeScript, no framework. */
export type * from './types';
export { decide, execute } from './decide';
export { evolve, fold } from './evolve';
export { initialState, isOpen, isPublic } from './state';
export { QUESTION_TEXT_MAX, QUESTIONS_PER_WINDOW, QUESTION_WINDOW_MS, MODERATOR_ROLES, isModeratorRole, normaliseText } from './rules';
export { attendeeView, moderatorView, projectorView, ordered } from './view';
export type { AttendeeQuestion, ModeratorQuestion, ProjectorQuestion, QuestionsView } from './view';
export { buildQuestionRecord, toQuestionsCsv, toQuestionsMarkdown } from './record';
export type { QuestionRecord, RecordOptions } from './record';
export { commandFromPayload, QUESTION_COMMAND_TYPES } from './validate';
export type { EdgeContext } from './validate';
