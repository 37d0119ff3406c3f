import { DomainError } from '@podium/contracts';

/**
 * Error constructors. `details.reason` is a closed list in libs/contracts; the participation rules name
 * their own sub-code in `details.rule` until the contracts list grows (docs/participation.md, "Errors").
 */
export const forbidden = (message: string, reason: 'MODERATORS_ONLY' | 'NOT_YOURS' | 'NOT_ALLOWED' | 'NOT_A_PERSON', details: Record<string, unknown> = {}) =>
  new DomainError('FORBIDDEN', message, { reason, ...details });
export const conflict = (rule: string, message: string, details: Record<string, unknown> = {}) => new DomainError('CONFLICT', message, { rule, ...details });
export const notFound = (rule: string, message: string, details: Record<string, unknown> = {}) => new DomainError('NOT_FOUND', message, { rule, ...details });
export const invalid = (field: string, message: string) => new DomainError('VALIDATION', `${field}: ${message}`, { field });
export const rateLimited = (message: string, details: Record<string, unknown>) => new DomainError('RATE_LIMITED', message, { rule: 'QUESTIONS_PER_MINUTE', ...details });
