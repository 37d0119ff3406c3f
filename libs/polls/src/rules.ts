/** Limits of polls and votes (docs/participation.md lists them). */
export const QUESTION_MAX = 300;
export const OPTION_LABEL_MAX = 120;
export const OPTIONS_MIN = 2;
export const OPTIONS_MAX = 20;
export const ID_MAX = 64;

export const MODERATOR_ROLES: readonly string[] = ['moderator', 'organiser', 'system'];
export const isModeratorRole = (role: string): boolean => MODERATOR_ROLES.includes(role);
/** Roles a formal vote may name as eligible (the caller's role, as the fishbowl's actor carries it). */
export const ELIGIBLE_ROLE_CHOICES: readonly string[] = ['organiser', 'moderator', 'speaker', 'interpreter', 'attendee', 'guest'];

export const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= ID_MAX && /^[A-Za-z0-9_-]+$/.test(value);

/** One line, whitespace folded. */
export const normaliseLine = (text: string): string => text.replace(/\s+/g, ' ').trim();
