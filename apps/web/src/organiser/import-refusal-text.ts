/**
 * A refused import (the api's `details.refusal`) in the interface language, each value written by its type;
 * an error without a refusal the web knows is left to the general error text.
 */
import type { ImportRefusal, ImportRefusalCode, ImportRefusalParams } from '@podium/contracts';
import { ApiError } from '../api/http';
import type { Translate } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/types';
import type { ValueFormat } from '../i18n/values';
import { paramText, type ParamKind } from './import-params';

// A compile error here means a refusal has no sentence in the dictionaries.
const refusalKey = (code: ImportRefusalCode): MessageKey => `org.import.refusal.${code}`;

type Kinds = { [C in ImportRefusalCode]: { [K in keyof ImportRefusalParams[C]]-?: ParamKind } };

// A compile error here means a param of a refusal has no type to be written by. `detail` is the parser's English: not shown.
const REFUSAL_KINDS: Kinds = {
  NOT_JSON: { detail: 'plain' },
  NOT_AN_OBJECT: {},
  NO_SCHEDULE: {},
  SCHEDULE_2: { format: 'plain', versionJson: 'json' },
  NO_CONFERENCE: { format: 'plain' },
  NO_DAYS: { format: 'plain' },
  NO_DATES: { format: 'plain' },
  TOO_MANY_DAYS: { format: 'plain', start: 'date', end: 'date', max: 'number' },
  TOO_MANY_EVENTS: { events: 'number', max: 'number' },
  XML_ENTITIES: {},
  XML_TOO_DEEP: {},
  XML_UNREADABLE: { detail: 'plain' },
  XML_NOT_WELL_FORMED: { line: 'number', column: 'number', detail: 'plain' },
  XML_ROOT: { root: 'plain' },
  XML_NO_CONFERENCE: {},
  BODY_TOO_LARGE: { maxBytes: 'number' },
  BODY_NOT_JSON: {},
  BODY_TOO_DEEP: { max: 'number' },
  SLUG_INVALID: {},
  SLUG_TAKEN: { slug: 'text' },
  PUBLISH_INVALID: {},
};

/** The refusal an api error carries, when its code is one this client has words for. */
export function importRefusalOf(error: unknown): ImportRefusal | undefined {
  const refusal = error instanceof ApiError ? error.details?.refusal : undefined;
  if (typeof refusal !== 'object' || refusal === null) return undefined;
  const { code, params } = refusal as { code?: unknown; params?: unknown };
  if (typeof code !== 'string' || !Object.hasOwn(REFUSAL_KINDS, code)) return undefined;
  return { code, params: typeof params === 'object' && params !== null ? params : {} } as ImportRefusal;
}

/** The refusal's sentence in the interface language. */
export function importRefusalText(refusal: ImportRefusal, t: Translate, f: ValueFormat): string {
  const kinds: Partial<Record<string, ParamKind>> = REFUSAL_KINDS[refusal.code];
  const vars = Object.fromEntries(Object.entries(refusal.params as Record<string, unknown>).map(([name, value]) => [name, paramText(kinds[name] ?? 'plain', value, f, String)]));
  if (refusal.code === 'BODY_TOO_LARGE') {
    // The parser's limit in bytes, said as people say file sizes: "10 MB".
    vars.size = t('org.import.refusal.megabytes', { n: f.number(refusal.params.maxBytes / (1024 * 1024)) });
  }
  return t(refusalKey(refusal.code), vars);
}
