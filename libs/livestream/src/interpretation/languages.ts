import { DomainError } from '@podium/contracts';

/** A BCP 47 primary tag with an optional region or script (de, en, en-GB, gsg). */
const TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;

/** Sign languages by their ISO 639-3 code: their interpreters are seen (video), not heard. */
const SIGN_LANGUAGES: ReadonlySet<string> = new Set(['gsg', 'sgg', 'asq', 'ase', 'bfi', 'fsl', 'sgn']);

export interface LanguagePair {
  from: string;
  to: string;
}

export function isLanguageTag(value: unknown): value is string {
  return typeof value === 'string' && TAG.test(value);
}

export function isSignLanguage(tag: string): boolean {
  return SIGN_LANGUAGES.has(tag.split('-')[0]);
}

/** Validates `{ from, to }` from a request body; the two must differ. */
export function parseLanguagePair(body: unknown): LanguagePair {
  const b = (body ?? {}) as Record<string, unknown>;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new DomainError('VALIDATION', 'Expected { from, to }');
  for (const key of Object.keys(b)) if (key !== 'from' && key !== 'to') throw new DomainError('VALIDATION', `${key}: not allowed`, { field: key });
  for (const field of ['from', 'to'] as const) {
    if (!isLanguageTag(b[field])) throw new DomainError('VALIDATION', `${field}: must be a language tag like "de", "en-GB" or "gsg"`, { field });
  }
  const pair = { from: b.from as string, to: b.to as string };
  if (pair.from === pair.to) throw new DomainError('VALIDATION', 'to: must differ from "from"', { field: 'to' });
  return pair;
}

/** Stored as "de>en" in a participant attribute. */
export function formatPair(pair: LanguagePair): string {
  return `${pair.from}>${pair.to}`;
}
