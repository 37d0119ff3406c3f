import { DomainError } from '@podium/contracts';
import { invalid } from './errors';
import { ID_MAX, QUESTION_TEXT_MAX } from './rules';
import type { Actor, QuestionCommand, QuestionCommandType } from './types';

/** The fields each command's socket payload may carry (besides `sessionId`, which routes it). */
const FIELDS: Record<QuestionCommandType, readonly string[]> = {
  'set-moderation': ['moderation'],
  ask: ['questionId', 'text', 'anonymous', 'origin', 'readAloud'],
  upvote: ['questionId'],
  'retract-upvote': ['questionId'],
  withdraw: ['questionId'],
  approve: ['questionId'],
  reject: ['questionId'],
  pin: ['questionId'],
  unpin: ['questionId'],
  'mark-answered': ['questionId'],
  merge: ['questionId', 'intoId'],
  edit: ['questionId', 'text'],
  'to-podium': ['questionId'],
};

export const QUESTION_COMMAND_TYPES = Object.keys(FIELDS) as QuestionCommandType[];

/** What the edge knows about the sender that the client must not claim itself. */
export interface EdgeContext {
  actor: Actor;
  /** From identity: false for a guest of another conference or a person removed from the podium. */
  mayTakeChair: boolean;
}

/**
 * A socket payload to a command: unknown fields refused, strings bounded before anything else looks at
 * them. The rules (text length after normalising, states, roles) are decide's job.
 */
export function commandFromPayload(type: string, raw: unknown, edge: EdgeContext): QuestionCommand | DomainError {
  if (!(QUESTION_COMMAND_TYPES as string[]).includes(type)) return invalid('type', 'unknown command');
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return invalid('payload', 'must be an object');
  const allowed = new Set(['sessionId', ...FIELDS[type as QuestionCommandType]]);
  for (const key of Object.keys(raw)) if (!allowed.has(key)) return invalid(key, 'unknown field');
  const p = raw as Record<string, unknown>;
  for (const key of ['questionId', 'intoId']) if (key in p && (typeof p[key] !== 'string' || (p[key] as string).length > ID_MAX)) return invalid(key, `must be an id of at most ${ID_MAX} characters`);
  // A generous bound on the raw text (whitespace is folded later), so a huge payload is refused unread.
  if ('text' in p && (typeof p.text !== 'string' || p.text.length > QUESTION_TEXT_MAX * 4)) return invalid('text', `at most ${QUESTION_TEXT_MAX} characters`);
  const { sessionId: _route, ...fields } = p;
  const command = { ...fields, type, actor: edge.actor } as QuestionCommand;
  return type === 'ask' ? ({ ...command, mayTakeChair: edge.mayTakeChair } as QuestionCommand) : command;
}
