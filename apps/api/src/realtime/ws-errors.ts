import { DomainError, type ErrorBody } from '@podium/contracts';
import { translateDatabaseError } from '../common/database-errors';

/** The socket side of the one error mapping: every failed command acks `{ error: { code, message } }`. */
export function toAckError(error: unknown): { error: ErrorBody } {
  if (error instanceof DomainError) return { error: error.toBody() };
  const db = translateDatabaseError(error);
  if (db) return { error: db.toBody() };
  return { error: { code: 'INTERNAL', message: 'Something went wrong on our side; it has been logged.' } };
}
