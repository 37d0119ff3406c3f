/**
 * Why the api refused an input with 400 VALIDATION, as codes a client can put into its own language;
 * the error's `message` stays the English sentence the api, the CLI and the logs print.
 */

/** The class-validator rules the api's request bodies use (the keys of `ValidationError.constraints`). */
export type DtoConstraint =
  | 'isString'
  | 'maxLength'
  | 'minLength'
  | 'isLength'
  | 'isUuid'
  | 'min'
  | 'max'
  | 'matches'
  | 'isInt'
  | 'isBoolean'
  | 'isIn'
  | 'isArray'
  | 'arrayMaxSize'
  | 'isUrl'
  | 'isIso8601'
  | 'isEmail'
  | 'isDefined'
  | 'whitelistValidation'
  | 'nestedValidation';

/** The bound a rule checks: `maxLength` 200 is `{ max: 200 }`, `isLength` sends the side the value missed. */
export interface DtoLimit {
  min?: number;
  max?: number;
}

/** One refused field of a request body (`details.fields[]`); `constraints` and `limits` line up with `problems`. */
export interface DtoFieldProblem {
  field: string;
  /** class-validator's English sentences. */
  problems: string[];
  /** The rule of each problem; a rule missing from DtoConstraint may still come (a client falls back to the problem). */
  constraints: string[];
  limits: Array<DtoLimit | null>;
}

/** The domain's checks of programme writes (libs/programme validate.ts) and their params. */
export interface ValidationRuleParams {
  required: Record<string, never>;
  'not-text': Record<string, never>;
  blank: Record<string, never>;
  'too-long': { max: number; length: number };
  'control-characters': Record<string, never>;
  'id-format': Record<string, never>;
  'one-of': { allowed: string[] };
  'whole-number': { min: number; max: number };
  boolean: Record<string, never>;
  uuid: Record<string, never>;
  url: Record<string, never>;
  /** A time with a zone, or a wall time read in `zone`. */
  'time-input': { zone: string };
  instant: Record<string, never>;
  timezone: { value: string };
  date: Record<string, never>;
  'end-date-before-start': Record<string, never>;
  'too-many-days': { max: number };
  'conference-slug': Record<string, never>;
  'day-change': Record<string, never>;
  colour: Record<string, never>;
  list: Record<string, never>;
  'too-many-people': { max: number };
  'unknown-person': { id: string };
  'person-twice': { id: string; role: string };
  'id-taken': { id: string };
  'end-not-after-start': Record<string, never>;
  'too-long-session': { maxMinutes: number };
  'unknown-room': { id: string };
  'unknown-track': { id: string };
  'language-tag': Record<string, never>;
  'session-slug': Record<string, never>;
  duplicate: { what: string; value: string };
}

export type ValidationRule = keyof ValidationRuleParams;

/** `details` of a domain check's refusal: the field, and the rule with its params. */
export type ValidationRuleDetails = { [R in ValidationRule]: { field: string; rule: R; params: ValidationRuleParams[R] } }[ValidationRule];
