/** The limits of the questions domain, in one place (docs/participation.md lists them). */
export const QUESTION_TEXT_MAX = 500;
/** A person asks at most this many questions per window; a domain rule, so it holds across api processes. */
export const QUESTIONS_PER_WINDOW = 3;
export const QUESTION_WINDOW_MS = 60_000;
export const ID_MAX = 64;

export const MODERATOR_ROLES: readonly string[] = ['moderator', 'organiser', 'system'];
export const isModeratorRole = (role: string): boolean => MODERATOR_ROLES.includes(role);

/** Trims, folds runs of whitespace inside a line, keeps at most two line breaks in a row. */
export function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[\t ]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= ID_MAX && /^[A-Za-z0-9_-]+$/.test(value);
