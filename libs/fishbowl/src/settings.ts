import { FISHBOWL_LIMITS } from '@podium/contracts';
import type { DomainError, FishbowlFixedChair, FishbowlSettings } from '@podium/contracts';
import { invalid } from './errors';

export const DEFAULT_SETTINGS: FishbowlSettings = Object.freeze({
  mode: 'open',
  chairCount: 5,
  fixedChairs: [],
  queuePolicy: 'fifo',
  rotationPolicy: 'longest-seated',
  auto: false,
  invitationTimeoutMs: 30_000,
  seatTimeLimitMs: 180_000,
  warningBeforeMs: 30_000,
  roundLengthMs: 600_000,
  rotationGraceMs: 60_000,
  speakingMeasure: 'seated',
}) as FishbowlSettings;

/** Inclusive bounds of the numeric settings (milliseconds). */
export const SETTING_BOUNDS = {
  invitationTimeoutMs: [5_000, 600_000],
  seatTimeLimitMs: [10_000, 7_200_000],
  warningBeforeMs: [0, 600_000],
  roundLengthMs: [30_000, 14_400_000],
  rotationGraceMs: [0, 3_600_000],
} as const;

export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof FishbowlSettings)[];

const inRange = (value: number, [min, max]: readonly [number, number]) => Number.isInteger(value) && value >= min && value <= max;

/** Checks a complete settings object: ranges and the rules between fields. */
export function validateSettings(s: FishbowlSettings): DomainError | undefined {
  if (s.mode !== 'open' && s.mode !== 'closed') return invalid('settings.mode', "must be 'open' or 'closed'");
  if (!inRange(s.chairCount, [FISHBOWL_LIMITS.minChairs, FISHBOWL_LIMITS.maxChairs]))
    return invalid('settings.chairCount', `must be an integer from ${FISHBOWL_LIMITS.minChairs} to ${FISHBOWL_LIMITS.maxChairs}`);
  if (!Array.isArray(s.fixedChairs)) return invalid('settings.fixedChairs', 'must be a list');
  if (s.fixedChairs.length > s.chairCount - 1) return invalid('settings.fixedChairs', 'at least one chair must stay open');
  const fixedError = validateFixedChairs(s.fixedChairs);
  if (fixedError) return fixedError;
  if (!['fifo', 'first-time-first', 'least-speaking-time'].includes(s.queuePolicy))
    return invalid('settings.queuePolicy', "must be 'fifo', 'first-time-first' or 'least-speaking-time'");
  if (!['longest-seated', 'most-speaking-time'].includes(s.rotationPolicy))
    return invalid('settings.rotationPolicy', "must be 'longest-seated' or 'most-speaking-time'");
  if (typeof s.auto !== 'boolean') return invalid('settings.auto', 'must be true or false');
  if (s.speakingMeasure !== 'seated' && s.speakingMeasure !== 'reported')
    return invalid('settings.speakingMeasure', "must be 'seated' or 'reported'");
  for (const key of ['invitationTimeoutMs', 'warningBeforeMs', 'roundLengthMs', 'rotationGraceMs'] as const) {
    if (!inRange(s[key], SETTING_BOUNDS[key])) return invalid(`settings.${key}`, `must be an integer from ${SETTING_BOUNDS[key][0]} to ${SETTING_BOUNDS[key][1]} ms`);
  }
  if (s.seatTimeLimitMs !== null) {
    if (!inRange(s.seatTimeLimitMs, SETTING_BOUNDS.seatTimeLimitMs))
      return invalid('settings.seatTimeLimitMs', `must be null or an integer from ${SETTING_BOUNDS.seatTimeLimitMs[0]} to ${SETTING_BOUNDS.seatTimeLimitMs[1]} ms`);
    if (s.warningBeforeMs >= s.seatTimeLimitMs) return invalid('settings.warningBeforeMs', 'must be shorter than seatTimeLimitMs');
  }
  return undefined;
}

function validateFixedChairs(chairs: readonly FishbowlFixedChair[]): DomainError | undefined {
  const seen = new Set<string>();
  for (const [i, chair] of chairs.entries()) {
    const field = `settings.fixedChairs[${i}]`;
    if (!chair || typeof chair !== 'object') return invalid(field, 'must be an object');
    if (!['moderator', 'panelist', 'interpreter'].includes(chair.role)) return invalid(`${field}.role`, "must be 'moderator', 'panelist' or 'interpreter'");
    if (!isId(chair.personId)) return invalid(`${field}.personId`, `must be 1 to ${FISHBOWL_LIMITS.idMaxLength} characters`);
    if (!isDisplayName(chair.displayName)) return invalid(`${field}.displayName`, `must be 1 to ${FISHBOWL_LIMITS.displayNameMaxLength} characters`);
    if (seen.has(chair.personId)) return invalid(`${field}.personId`, 'a person can hold only one fixed chair');
    seen.add(chair.personId);
  }
  return undefined;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

export function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= FISHBOWL_LIMITS.idMaxLength && !CONTROL.test(value);
}

export function isDisplayName(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length >= 1 && [...value].length <= FISHBOWL_LIMITS.displayNameMaxLength && !CONTROL.test(value);
}

/** True when the chairs themselves change (count, fixed people or mode): only allowed before the start. */
export function changesLayout(a: FishbowlSettings, b: FishbowlSettings): boolean {
  if (a.mode !== b.mode || a.chairCount !== b.chairCount || a.fixedChairs.length !== b.fixedChairs.length) return true;
  return a.fixedChairs.some((c, i) => {
    const d = b.fixedChairs[i];
    return c.role !== d.role || c.personId !== d.personId || c.displayName !== d.displayName;
  });
}

/** Settings fields that decide the queue order; changing one re-sorts the queue. */
export function changesQueueOrder(a: FishbowlSettings, b: FishbowlSettings): boolean {
  return a.queuePolicy !== b.queuePolicy || (b.queuePolicy === 'least-speaking-time' && a.speakingMeasure !== b.speakingMeasure);
}

export function sameSettings(a: FishbowlSettings, b: FishbowlSettings): boolean {
  return !changesLayout(a, b) && SETTING_KEYS.every((k) => k === 'fixedChairs' || a[k] === b[k]);
}

/** Normalises a one-line topic: whitespace collapsed, trimmed, empty -> null; too long -> error. */
export function normaliseTopic(raw: unknown): string | null | DomainError {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'string') return invalid('topic', 'must be text');
  const topic = raw.replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim();
  if (topic === '') return null;
  if ([...topic].length > FISHBOWL_LIMITS.topicMaxLength) return invalid('topic', `at most ${FISHBOWL_LIMITS.topicMaxLength} characters`, { max: FISHBOWL_LIMITS.topicMaxLength });
  return topic;
}
