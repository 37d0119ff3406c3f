/**
 * A 400 VALIDATION in the interface language: each refused field by the label its form shows, each problem
 * from its rule and params (`@podium/contracts` validation.ts). Only a rule this client does not know falls
 * back to the api's English. Pure (no React), so the wording is unit-tested with hand-written sentences.
 */
import type { DtoConstraint, DtoLimit, ValidationRule, ValidationRuleParams } from '@podium/contracts';
import type { Translate, Vars } from './I18nProvider';
import type { MessageKey } from './types';
import type { ValueFormat } from './values';

/** Api field names (the last part of a path: 'conference.timezone' is 'timezone') and the label the forms show. */
export const FIELD_LABELS: Record<string, MessageKey> = {
  slug: 'org.field.slug',
  title: 'org.field.title',
  startDate: 'org.field.startDate',
  endDate: 'org.field.endDate',
  timezone: 'org.field.timezone',
  format: 'org.field.format',
  venue: 'org.field.venue',
  name: 'org.field.name',
  kind: 'org.field.kind',
  abstract: 'org.field.abstract',
  language: 'org.field.language',
  start: 'org.field.start',
  end: 'org.field.end',
  roomId: 'org.field.room',
  trackId: 'org.field.track',
  capacity: 'org.field.capacity',
  livestream: 'org.field.livestream',
  changeoverMinutes: 'org.field.changeover',
  color: 'org.field.color',
  moderators: 'org.people.moderator',
  speakers: 'org.people.speaker',
  interpreters: 'org.people.interpreter',
  captioners: 'org.people.captioner',
  people: 'validation.field.people',
  personId: 'validation.field.people',
};

/** The room form's `kind` is the room's, not a session's. */
export const ROOM_FIELD_LABELS: Record<string, MessageKey> = { ...FIELD_LABELS, kind: 'org.field.roomKind' };

// A compile error here means a rule has no sentence in the dictionaries.
const ruleKey = (rule: ValidationRule): MessageKey => `validation.rule.${rule}`;
const constraintKey = (constraint: DtoConstraint): MessageKey => `validation.dto.${constraint}`;

type RuleVars = { [R in ValidationRule]: (params: ValidationRuleParams[R], f: ValueFormat, t: Translate) => Vars };

const num = (f: ValueFormat, value: unknown) => (typeof value === 'number' ? f.number(value) : String(value));
const none = () => ({});

// A compile error here means a rule has no way to write its params.
const RULE_VARS: RuleVars = {
  required: none,
  'not-text': none,
  blank: none,
  'too-long': (p, f) => ({ max: num(f, p.max), length: num(f, p.length) }),
  'control-characters': none,
  'id-format': none,
  'one-of': (p, f) => ({ allowed: (Array.isArray(p.allowed) ? p.allowed : []).map((a) => f.text(String(a))).join(', ') }),
  'whole-number': (p, f) => ({ min: num(f, p.min), max: num(f, p.max) }),
  boolean: none,
  uuid: none,
  url: none,
  'time-input': (p) => ({ zone: String(p.zone) }),
  instant: none,
  timezone: (p, f) => ({ value: f.text(String(p.value)) }),
  date: none,
  'end-date-before-start': none,
  'too-many-days': (p, f) => ({ max: num(f, p.max) }),
  'conference-slug': none,
  'day-change': none,
  colour: none,
  list: none,
  'too-many-people': (p, f) => ({ max: num(f, p.max) }),
  // Ids (UUIDs) mean nothing to people: the sentence says which kind of thing is unknown, not its id.
  'unknown-person': none,
  'person-twice': none,
  'id-taken': none,
  'end-not-after-start': none,
  // A week is said as "7 Tage", anything not whole days in minutes.
  'too-long-session': (p, f, t) => ({
    duration: typeof p.maxMinutes === 'number' && p.maxMinutes % 1440 === 0 ? t('validation.days', { count: p.maxMinutes / 1440 }) : t('validation.minutes', { n: num(f, p.maxMinutes) }),
  }),
  'unknown-room': none,
  'unknown-track': none,
  'language-tag': none,
  'session-slug': none,
  duplicate: (p, f) => ({ value: f.text(String(p.value)) }),
};

// Which bound each rule's sentence needs ('none': the sentence has no number).
const DTO_RULES: Record<DtoConstraint, 'none' | 'min' | 'max'> = {
  isString: 'none',
  maxLength: 'max',
  minLength: 'min',
  isLength: 'max',
  isUuid: 'none',
  min: 'min',
  max: 'max',
  matches: 'none',
  isInt: 'none',
  isBoolean: 'none',
  isIn: 'none',
  isArray: 'none',
  arrayMaxSize: 'max',
  isUrl: 'none',
  isIso8601: 'none',
  isEmail: 'none',
  isDefined: 'none',
  whitelistValidation: 'none',
  nestedValidation: 'none',
};

/** The sentence of a class-validator rule with its bound; undefined for a rule (or a bound) this client cannot word. */
function constraintSentence(constraint: string, limit: DtoLimit | null | undefined, t: Translate): string | undefined {
  if (!Object.hasOwn(DTO_RULES, constraint)) return undefined;
  const bound = DTO_RULES[constraint as DtoConstraint];
  if (bound === 'none') return t(constraintKey(constraint as DtoConstraint));
  // isLength says the side the value missed: too short reads as minLength, too long as maxLength.
  const side = constraint === 'isLength' ? (limit?.min !== undefined ? 'min' : 'max') : bound;
  const value = side === 'min' ? limit?.min : limit?.max;
  if (typeof value !== 'number') return undefined;
  if (constraint === 'isLength') return t(constraintKey(side === 'min' ? 'minLength' : 'maxLength'), { count: value });
  // `count` is written with the language's digit grouping by translate (and picks minLength's "must not be empty" for 1).
  return t(constraintKey(constraint as DtoConstraint), { count: value });
}


/** The label a form shows for an api field ('sessions[3].title', 'people[1]' by their last name), else the name as sent. */
export function fieldLabel(field: string, t: Translate, labels: Record<string, MessageKey> = FIELD_LABELS): string {
  const last = (field.split('.').pop() ?? field).replace(/\[\d+\]$/, '');
  return Object.hasOwn(labels, last) ? t(labels[last]) : field;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** One field's problems of a DTO check, each in words (the api's English for a rule not known here). */
function dtoField(entry: Record<string, unknown>, t: Translate, labels: Record<string, MessageKey>): string | undefined {
  if (typeof entry.field !== 'string' || !Array.isArray(entry.problems)) return undefined;
  const constraints = Array.isArray(entry.constraints) ? entry.constraints : [];
  const limits = Array.isArray(entry.limits) ? entry.limits : [];
  const words = entry.problems.map((problem, i) => {
    const c = constraints[i];
    return (typeof c === 'string' ? constraintSentence(c, isObject(limits[i]) ? (limits[i] as DtoLimit) : null, t) : undefined) ?? String(problem);
  });
  return t('validation.problem', { field: fieldLabel(entry.field, t, labels), problem: words.join(', ') });
}

/**
 * What was wrong with the input, in the interface language: `details.fields` of a DTO check, or
 * `details.rule` of a domain check. Undefined when the details name no rule this client knows.
 */
export function validationText(details: unknown, f: ValueFormat, t: Translate, labels: Record<string, MessageKey> = FIELD_LABELS): string | undefined {
  if (!isObject(details)) return undefined;
  if (Array.isArray(details.fields)) {
    const fields = details.fields.filter(isObject).map((entry) => dtoField(entry, t, labels));
    return fields.length && fields.every((s) => s !== undefined) ? fields.join('; ') : undefined;
  }
  const { rule, field, params } = details;
  if (typeof rule !== 'string' || typeof field !== 'string' || !Object.hasOwn(RULE_VARS, rule)) return undefined;
  const words = RULE_VARS[rule as ValidationRule] as (p: unknown, f: ValueFormat, t: Translate) => Vars;
  return t('validation.problem', { field: fieldLabel(field, t, labels), problem: t(ruleKey(rule as ValidationRule), words(isObject(params) ? params : {}, f, t)) });
}

/** A refused input's words: its rules in the interface language, else (no rule known here) the api's own message. */
export function problemsOf(error: { details?: unknown; message: string }, f: ValueFormat, t: Translate, labels: Record<string, MessageKey> = FIELD_LABELS): string {
  return validationText(error.details, f, t, labels) ?? error.message;
}
