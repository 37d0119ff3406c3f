import { DomainError, type FishbowlConflictReason, type FishbowlForbiddenReason, type FishbowlNotFoundReason } from '@podium/contracts';

/** Short constructors so every rule names its code and a machine-readable reason the same way. */
export const forbidden = (message: string, reason: FishbowlForbiddenReason = 'NOT_ALLOWED', details: Record<string, unknown> = {}) =>
  new DomainError('FORBIDDEN', message, { reason, ...details });

export const conflict = (reason: FishbowlConflictReason, message: string, details: Record<string, unknown> = {}) =>
  new DomainError('CONFLICT', message, { reason, ...details });

export const notFound = (reason: FishbowlNotFoundReason, message: string, details: Record<string, unknown> = {}) =>
  new DomainError('NOT_FOUND', message, { reason, ...details });

/** VALIDATION errors always name the offending field. */
export const invalid = (field: string, message: string, details: Record<string, unknown> = {}) =>
  new DomainError('VALIDATION', `${field}: ${message}`, { field, ...details });

export const stale = (message: string, details: Record<string, unknown>) =>
  new DomainError('STALE_VERSION', message, { reason: 'STALE_VERSION', ...details });

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
