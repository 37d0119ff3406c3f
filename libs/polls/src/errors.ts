import { DomainError, type PollsConflictReason } from '@podium/contracts';

/** `details.reason` always from the contracts' closed list (`PollsReason` holds the polls' own sub-codes). */
export const forbidden = (message: string, reason: 'MODERATORS_ONLY' | 'NOT_A_PERSON' | 'NOT_ELIGIBLE', details: Record<string, unknown> = {}) =>
  new DomainError('FORBIDDEN', message, { reason, ...details });
export const conflict = (reason: PollsConflictReason, message: string, details: Record<string, unknown> = {}) => new DomainError('CONFLICT', message, { reason, ...details });
export const notFound = (reason: 'NO_POLL', message: string, details: Record<string, unknown> = {}) => new DomainError('NOT_FOUND', message, { reason, ...details });
export const invalid = (field: string, message: string) => new DomainError('VALIDATION', `${field}: ${message}`, { field });
