import { DomainError, QUESTIONS_COMMAND_OF_EVENT, type QuestionsCommandEventName, type QuestionsJoinPayload, type QuestionsPartPayload } from '@podium/contracts';
import { commandFromPayload } from '@podium/questions';

const invalid = (field: string, message: string) => new DomainError('VALIDATION', `${field}: ${message}`, { field });
const isObject = (raw: unknown): raw is Record<string, unknown> => !!raw && typeof raw === 'object' && !Array.isArray(raw);
const ID_MAX = 100;

function sessionId(p: Record<string, unknown>): DomainError | undefined {
  if (typeof p.sessionId !== 'string' || p.sessionId.length === 0 || p.sessionId.length > ID_MAX) return invalid('sessionId', 'must be an id');
  return undefined;
}

function only(p: Record<string, unknown>, allowed: string[]): DomainError | undefined {
  for (const key of Object.keys(p)) if (!allowed.includes(key)) return invalid(key, 'unknown field');
  return undefined;
}

export function validateJoin(raw: unknown): QuestionsJoinPayload | DomainError {
  if (!isObject(raw)) return invalid('payload', 'must be an object');
  const error = only(raw, ['sessionId', 'audience', 'order']) ?? sessionId(raw);
  if (error) return error;
  if (raw.audience !== undefined && !['attendee', 'moderator', 'projector'].includes(raw.audience as string)) return invalid('audience', "must be 'attendee', 'moderator' or 'projector'");
  if (raw.order !== undefined && raw.order !== 'votes' && raw.order !== 'time') return invalid('order', "must be 'votes' or 'time'");
  return raw as unknown as QuestionsJoinPayload;
}

export function validatePart(raw: unknown): QuestionsPartPayload | DomainError {
  if (!isObject(raw)) return invalid('payload', 'must be an object');
  return only(raw, ['sessionId']) ?? sessionId(raw) ?? (raw as unknown as QuestionsPartPayload);
}

/** The lib's own payload check (unknown fields refused, sizes bounded) with a stand-in actor: the real one is added after the token re-check. */
const STAND_IN = { actor: { personId: 'validation', displayName: 'validation', role: 'attendee' as const }, mayTakeChair: false };

export function validateCommand(event: QuestionsCommandEventName, raw: unknown): ({ sessionId: string } & Record<string, unknown>) | DomainError {
  if (!isObject(raw)) return invalid('payload', 'must be an object');
  const error = sessionId(raw);
  if (error) return error;
  const command = commandFromPayload(QUESTIONS_COMMAND_OF_EVENT[event], raw, STAND_IN);
  return command instanceof DomainError ? command : (raw as { sessionId: string } & Record<string, unknown>);
}
