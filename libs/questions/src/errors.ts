import { DomainError, type QuestionsReason } from '@podium/contracts';

/** Error constructors; every sub-code is in the closed `ErrorReason` list of libs/contracts (docs/participation.md, "Errors"). */
export const forbidden = (message: string, reason: 'MODERATORS_ONLY' | 'NOT_YOURS' | 'NOT_ALLOWED' | 'NOT_A_PERSON' | 'ASKER_NOT_ELIGIBLE', details: Record<string, unknown> = {}) =>
  new DomainError('FORBIDDEN', message, { reason, ...details });
export const conflict = (reason: QuestionsReason, message: string, details: Record<string, unknown> = {}) => new DomainError('CONFLICT', message, { reason, ...details });
export const notFound = (reason: QuestionsReason, message: string, details: Record<string, unknown> = {}) => new DomainError('NOT_FOUND', message, { reason, ...details });
export const invalid = (field: string, message: string) => new DomainError('VALIDATION', `${field}: ${message}`, { field });
export const rateLimited = (message: string, details: Record<string, unknown>) => new DomainError('RATE_LIMITED', message, { reason: 'QUESTIONS_PER_MINUTE', ...details });
