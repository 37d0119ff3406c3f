import { DomainError } from '@podium/contracts';

/** As libs/questions: `details.reason` from the contracts' closed list, the participation sub-code in `details.rule`. */
export const forbidden = (message: string, reason: 'MODERATORS_ONLY' | 'NOT_ALLOWED' | 'NOT_A_PERSON', details: Record<string, unknown> = {}) =>
  new DomainError('FORBIDDEN', message, { reason, ...details });
export const conflict = (rule: string, message: string, details: Record<string, unknown> = {}) => new DomainError('CONFLICT', message, { rule, ...details });
export const notFound = (rule: string, message: string, details: Record<string, unknown> = {}) => new DomainError('NOT_FOUND', message, { rule, ...details });
export const invalid = (field: string, message: string) => new DomainError('VALIDATION', `${field}: ${message}`, { field });
