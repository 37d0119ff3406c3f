import { CHAT_LIMITS, DomainError, type ChatClientEventName, type ChatClientPayload } from '@podium/contracts';
import { isUuid, parseRoomId } from './rooms';

type Field = 'room' | 'uuid' | 'text' | 'seq' | 'limit' | 'until' | 'interval' | 'reason';
const FIELDS: { [E in ChatClientEventName]: Record<string, { kind: Field; optional?: boolean }> } = {
  'chat:join': { roomId: { kind: 'room' } },
  'chat:part': { roomId: { kind: 'room' } },
  'chat:post': { roomId: { kind: 'room' }, messageId: { kind: 'uuid' }, text: { kind: 'text' } },
  'chat:history': { roomId: { kind: 'room' }, before: { kind: 'seq' }, limit: { kind: 'limit', optional: true } },
  'chat:delete': { roomId: { kind: 'room' }, messageId: { kind: 'uuid' } },
  'chat:mute': { roomId: { kind: 'room' }, personId: { kind: 'uuid' }, untilMs: { kind: 'until' } },
  'chat:unmute': { roomId: { kind: 'room' }, personId: { kind: 'uuid' } },
  'chat:slow-mode': { roomId: { kind: 'room' }, intervalSeconds: { kind: 'interval' } },
  'chat:report': { roomId: { kind: 'room' }, messageId: { kind: 'uuid' }, reason: { kind: 'reason', optional: true } },
};

const invalid = (field: string, message: string) => new DomainError('VALIDATION', message, { field });
const isInt = (v: unknown, min: number, max: number) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

function check(kind: Field, value: unknown): string | null {
  switch (kind) {
    case 'room':
      return parseRoomId(value) ? null : 'must be session:<uuid> or lobby:<uuid>';
    case 'uuid':
      return isUuid(value) ? null : 'must be a uuid';
    case 'text':
      // The length after normalising is the domain's; this bounds what is read at all.
      return typeof value === 'string' && value.length <= CHAT_LIMITS.textMaxLength * 4 ? null : `must be text of at most ${CHAT_LIMITS.textMaxLength} characters`;
    case 'seq':
      return isInt(value, 1, Number.MAX_SAFE_INTEGER) ? null : 'must be a positive integer';
    case 'limit':
      return isInt(value, 1, CHAT_LIMITS.historyLimit) ? null : `must be an integer from 1 to ${CHAT_LIMITS.historyLimit}`;
    case 'until':
      return isInt(value, 0, Number.MAX_SAFE_INTEGER) ? null : 'must be epoch milliseconds';
    case 'interval':
      return value === null || isInt(value, 0, CHAT_LIMITS.maxSlowModeSeconds) ? null : `must be null or seconds from 0 to ${CHAT_LIMITS.maxSlowModeSeconds}`;
    case 'reason':
      return typeof value === 'string' && value.length <= CHAT_LIMITS.reportReasonMaxLength ? null : `must be text of at most ${CHAT_LIMITS.reportReasonMaxLength} characters`;
  }
}

/** A client payload checked once at the edge: an object, known fields only, each well-formed; ids lower-cased. */
export function validateChatPayload<E extends ChatClientEventName>(event: E, raw: unknown): ChatClientPayload<E> | DomainError {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return invalid('payload', `${event} needs an object payload`);
  const fields = FIELDS[event];
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(raw)) if (!(key in fields)) return invalid(key, `Unknown field ${key}`);
  for (const [key, spec] of Object.entries(fields)) {
    const value = (raw as Record<string, unknown>)[key];
    if (value === undefined) {
      if (spec.optional) continue;
      return invalid(key, `${key} is required`);
    }
    const problem = check(spec.kind, value);
    if (problem) return invalid(key, `${key} ${problem}`);
    out[key] = spec.kind === 'room' || spec.kind === 'uuid' ? (value as string).toLowerCase() : value;
  }
  return out as ChatClientPayload<E>;
}
