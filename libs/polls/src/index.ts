/** @podium/polls: polls, formal votes and reactions per session. Plain TypeScript, no framework. */
export type * from './types';
export { decide, execute } from './decide';
export { evolve, fold } from './evolve';
export { initialState } from './state';
export { QUESTION_MAX, OPTION_LABEL_MAX, OPTIONS_MIN, OPTIONS_MAX, MODERATOR_ROLES, ELIGIBLE_ROLE_CHOICES, isModeratorRole } from './rules';
export { tally, percent, resultsTable } from './results';
export type { OptionCount, PollResults, ResultsTable } from './results';
export { pollsView } from './view';
export type { PollView } from './view';
export { openedPolls, pollsRecord, toPollCsv, toPollMarkdown, toPollsMarkdown, toPollsResultsCsv } from './export';
export type { PollRecord } from './export';
export { REACTION_KINDS, REACTION_INTERVAL_MS, REACTIONS_PER_PERSON_PER_INTERVAL, emptyTally, addReaction, flush } from './reactions';
export type { ReactionKind, ReactionTally, ReactionBatch } from './reactions';
export { commandFromPayload, POLL_COMMAND_TYPES } from './validate';
