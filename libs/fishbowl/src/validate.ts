import { DomainError, FISHBOWL_LIMITS } from '@podium/contracts';
import type { FishbowlClientPayload, FishbowlClientToServerEvents, FishbowlFixedChair, FishbowlSettings } from '@podium/contracts';
import { invalid } from './errors';
import { isDisplayName, isId, normaliseTopic, SETTING_BOUNDS } from './settings';

/**
 * Pure validators for socket payloads: unknown fields refused, types and sizes bounded.
 * Each returns the normalised payload or DomainError('VALIDATION', ...) naming the field.
 */

type Parser<T> = (value: unknown, field: string) => T | DomainError;
type Shape = Record<string, Parser<unknown>>;
type Parsed<S extends Shape> = { [K in keyof S]: Exclude<ReturnType<S[K]>, DomainError> };

const MAX_KEYS = 20;

const required =
  <T>(parse: Parser<T>): Parser<T> =>
  (v, f) => (v === undefined ? invalid(f, 'is required') : parse(v, f));

const optional =
  <T>(parse: Parser<T>): Parser<T | undefined> =>
  (v, f) => (v === undefined ? undefined : parse(v, f));

const id: Parser<string> = (v, f) => (isId(v) ? v : invalid(f, `must be an id of 1 to ${FISHBOWL_LIMITS.idMaxLength} characters`));

const displayName: Parser<string> = (v, f) =>
  isDisplayName(v) ? v.trim() : invalid(f, `must be 1 to ${FISHBOWL_LIMITS.displayNameMaxLength} characters`);

const int =
  (min: number, max: number): Parser<number> =>
  (v, f) => (Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max ? (v as number) : invalid(f, `must be an integer from ${min} to ${max}`));

const bool: Parser<boolean> = (v, f) => (typeof v === 'boolean' ? v : invalid(f, 'must be true or false'));

const oneOf =
  <T extends string>(...values: T[]): Parser<T> =>
  (v, f) => (values.includes(v as T) ? (v as T) : invalid(f, `must be one of ${values.map((x) => `'${x}'`).join(', ')}`));

const nullable =
  <T>(parse: Parser<T>): Parser<T | null> =>
  (v, f) => (v === null ? null : parse(v, f));

const list =
  <T>(parse: Parser<T>, max: number): Parser<T[]> =>
  (v, f) => {
    if (!Array.isArray(v)) return invalid(f, 'must be a list');
    if (v.length > max) return invalid(f, `at most ${max} entries`);
    const out: T[] = [];
    for (const [i, item] of v.entries()) {
      const parsed = parse(item, `${f}[${i}]`);
      if (parsed instanceof DomainError) return parsed;
      out.push(parsed);
    }
    return out;
  };

function object<S extends Shape>(shape: S): Parser<Parsed<S>> {
  return (v, f) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v) || Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null)
      return invalid(f, 'must be an object');
    const keys = Object.keys(v);
    if (keys.length > MAX_KEYS) return invalid(f, 'too many fields');
    const unknown = keys.find((k) => !Object.hasOwn(shape, k));
    if (unknown !== undefined) return invalid(f ? `${f}.${unknown}` : unknown, 'unknown field');
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(shape)) {
      const parsed = shape[key]((v as Record<string, unknown>)[key], f ? `${f}.${key}` : key);
      if (parsed instanceof DomainError) return parsed;
      if (parsed !== undefined) out[key] = parsed;
    }
    return out as Parsed<S>;
  };
}

const topic: Parser<string | undefined> = (v) => {
  const t = normaliseTopic(v);
  return t instanceof DomainError ? t : (t ?? undefined);
};

const ms = (key: keyof typeof SETTING_BOUNDS) => int(SETTING_BOUNDS[key][0], SETTING_BOUNDS[key][1]);

const fixedChair: Parser<FishbowlFixedChair> = object({
  role: required(oneOf('moderator', 'panelist', 'interpreter')),
  personId: required(id),
  displayName: required(displayName),
});

/** A partial settings object; cross-field rules are checked by `decide` on the merged settings. */
const settings: Parser<Partial<FishbowlSettings>> = object({
  mode: optional(oneOf('open', 'closed')),
  chairCount: optional(int(FISHBOWL_LIMITS.minChairs, FISHBOWL_LIMITS.maxChairs)),
  fixedChairs: optional(list(fixedChair, FISHBOWL_LIMITS.maxChairs - 1)),
  queuePolicy: optional(oneOf('fifo', 'first-time-first', 'least-speaking-time')),
  rotationPolicy: optional(oneOf('longest-seated', 'most-speaking-time')),
  auto: optional(bool),
  invitationTimeoutMs: optional(ms('invitationTimeoutMs')),
  seatTimeLimitMs: optional(nullable(ms('seatTimeLimitMs'))),
  warningBeforeMs: optional(ms('warningBeforeMs')),
  roundLengthMs: optional(ms('roundLengthMs')),
  rotationGraceMs: optional(ms('rotationGraceMs')),
  speakingMeasure: optional(oneOf('seated', 'reported')),
});

const version = int(0, Number.MAX_SAFE_INTEGER);
const session = { sessionId: required(id) };
const optionalVersion = { ...session, expectedVersion: optional(version) };
const requiredVersion = { ...session, expectedVersion: required(version) };

const PAYLOADS = {
  'fishbowl:join': object({ ...session, events: optional(bool) }),
  'fishbowl:part': object(session),
  'fishbowl:ask': object({ ...optionalVersion, where: required(oneOf('hall', 'remote')), topic }),
  'fishbowl:withdraw': object({ ...optionalVersion, personId: optional(id) }),
  'fishbowl:accept': object(optionalVersion),
  'fishbowl:decline': object(optionalVersion),
  'fishbowl:leave': object(optionalVersion),
  'fishbowl:invite': object({ ...requiredVersion, personId: required(id), chairIndex: optional(int(0, FISHBOWL_LIMITS.maxChairs - 1)) }),
  'fishbowl:cancel-invitation': object({ ...requiredVersion, personId: required(id) }),
  'fishbowl:remove': object({ ...requiredVersion, personId: required(id) }),
  'fishbowl:substitute': object({ ...requiredVersion, chairIndex: required(int(0, FISHBOWL_LIMITS.maxChairs - 1)), personId: required(id) }),
  'fishbowl:move': object({ ...requiredVersion, personId: required(id), toIndex: required(int(0, FISHBOWL_LIMITS.maxQueueLength - 1)) }),
  'fishbowl:confirm-rotation': object({ ...requiredVersion, personId: optional(id) }),
  'fishbowl:end-round': object(requiredVersion),
  'fishbowl:configure': object({ ...requiredVersion, settings: required(settings) }),
  'fishbowl:start': object(requiredVersion),
  'fishbowl:end': object(requiredVersion),
  'fishbowl:speaking': object({ ...optionalVersion, personId: required(id), speaking: required(bool) }),
} satisfies { [E in keyof FishbowlClientToServerEvents]: Parser<unknown> };

export type FishbowlClientEventName = keyof FishbowlClientToServerEvents;

export const FISHBOWL_CLIENT_EVENTS = Object.keys(PAYLOADS) as FishbowlClientEventName[];

export const isFishbowlClientEvent = (name: unknown): name is FishbowlClientEventName => typeof name === 'string' && Object.hasOwn(PAYLOADS, name);

/** Validates and normalises a socket payload for `event` (topic trimmed, unknown fields refused). */
export function validatePayload<E extends FishbowlClientEventName>(event: E, raw: unknown): FishbowlClientPayload<E> | DomainError {
  if (!isFishbowlClientEvent(event)) return invalid('event', `unknown fishbowl event '${String(event)}'`);
  return PAYLOADS[event](raw, '') as FishbowlClientPayload<E> | DomainError;
}
