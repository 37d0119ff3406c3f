import { DomainError, FORUM_LIMITS, type ForumClientPayload, type ForumEventName } from '@podium/contracts';

type Field = 'sessionId' | 'personId' | 'accepted' | 'maxPublishers' | 'groupSize' | 'durationSeconds' | 'groups' | 'message';
type FieldRule = { required: boolean; check(v: unknown): boolean; says: string };

const ID = /^[A-Za-z0-9_-]+$/;
const isId = (v: unknown) => typeof v === 'string' && v.length >= 1 && v.length <= FORUM_LIMITS.idMaxLength && ID.test(v);
const id = (required: boolean): FieldRule => ({ required, check: isId, says: `must be an id of 1 to ${FORUM_LIMITS.idMaxLength} letters, digits, - or _` });
const bool: FieldRule = { required: true, check: (v) => typeof v === 'boolean', says: 'must be true or false' };
const publishers: FieldRule = {
  required: true,
  check: (v) => Number.isSafeInteger(v) && (v as number) >= FORUM_LIMITS.minPublishers && (v as number) <= FORUM_LIMITS.maxPublishers,
  says: `must be an integer from ${FORUM_LIMITS.minPublishers} to ${FORUM_LIMITS.maxPublishers}`,
};

const int = (min: number, max: number): FieldRule => ({ required: true, check: (v) => Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max, says: `must be an integer from ${min} to ${max}` });
const groups: FieldRule = {
  required: false,
  check: (v) => Array.isArray(v) && v.length >= 1 && v.length <= FORUM_LIMITS.maxGroups && v.every((g) => Array.isArray(g) && g.length <= FORUM_LIMITS.maxGroupSize && g.every(isId)),
  says: `must be 1 to ${FORUM_LIMITS.maxGroups} lists of at most ${FORUM_LIMITS.maxGroupSize} person ids`,
};
const message: FieldRule = { required: true, check: (v) => typeof v === 'string' && v.trim().length >= 1 && v.length <= FORUM_LIMITS.messageMaxLength, says: `must be 1 to ${FORUM_LIMITS.messageMaxLength} characters` };

const session = { sessionId: id(true) };
const person = { ...session, personId: id(true) };
const maybePerson = { ...session, personId: id(false) };

/** The fields each event takes; anything else is refused. */
const SHAPES: Record<ForumEventName, Partial<Record<Field, FieldRule>>> = {
  'forum:join': session,
  'forum:part': session,
  'forum:leave': session,
  'forum:raise-hand': session,
  'forum:lower-hand': maybePerson,
  'forum:give-floor': person,
  'forum:end-floor': session,
  'forum:take-slot': session,
  'forum:mute': maybePerson,
  'forum:ask-unmute': person,
  'forum:answer-unmute': { ...session, accepted: bool },
  'forum:remove': person,
  'forum:configure': { ...session, maxPublishers: publishers },
  'forum:open-breakouts': {
    ...session,
    groupSize: int(FORUM_LIMITS.minGroupSize, FORUM_LIMITS.maxGroupSize),
    durationSeconds: int(FORUM_LIMITS.minBreakoutSeconds, FORUM_LIMITS.maxBreakoutSeconds),
    groups,
  },
  'forum:broadcast': { ...session, message },
  'forum:close-breakouts': session,
};

export const FORUM_EVENTS = Object.keys(SHAPES) as ForumEventName[];

const invalid = (field: string, says: string) => new DomainError('VALIDATION', `${field} ${says}`, { field });

/** Checks a socket payload once, at the door: a plain object with exactly the event's fields. */
export function validateForumPayload<E extends ForumEventName>(event: E, raw: unknown): ForumClientPayload<E> | DomainError {
  const shape = SHAPES[event];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return new DomainError('VALIDATION', 'The payload must be an object');
  const value = raw as Record<string, unknown>;
  for (const key of Object.keys(value)) if (!Object.hasOwn(shape, key)) return invalid(key, 'is not a field of this event');
  for (const [field, rule] of Object.entries(shape) as [Field, FieldRule][]) {
    const v = value[field];
    if (v === undefined) {
      if (rule.required) return invalid(field, 'is required');
    } else if (!rule.check(v)) return invalid(field, rule.says);
  }
  return value as unknown as ForumClientPayload<E>;
}
