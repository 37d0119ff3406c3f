import { DomainError } from '@podium/contracts';

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P03', '08000', '08003', '08006']);
/** TypeORM's own errors when the connection under a query runner died mid-transaction. */
const RELEASED = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

/** Turns driver errors into domain errors: a lost database is 503, a broken constraint is 409/400. */
export function translateDatabaseError(error: unknown): DomainError | null {
  if (!error || typeof error !== 'object') return null;
  const e = error as { name?: string; code?: string; message?: string; detail?: string; driverError?: { code?: string } };
  const code = e.code ?? e.driverError?.code;
  const message = e.message ?? '';
  if (
    (code && CONNECTION_CODES.has(code)) ||
    (e.name && RELEASED.has(e.name)) ||
    /Connection terminated|connection timeout|timeout exceeded when trying to connect|Query read timeout|Connection is not established|not queryable|Query runner already released|query runner was already released|Transaction is not started|not currently accepting connections|terminating connection/i.test(message)
  ) {
    return new DomainError('UNAVAILABLE', 'The database is not reachable right now; nothing was changed. Please try again shortly.');
  }
  if (code === '23505') return new DomainError('CONFLICT', 'That already exists', { detail: e.detail });
  if (code === '23503') return new DomainError('NOT_FOUND', 'A referenced item does not exist', { detail: e.detail });
  // 22021/22P05: text PostgreSQL cannot store (a NUL byte in a path or body) is the client's mistake, not a 500.
  if (code === '23514' || code === '22P02' || code === '22007' || code === '22008' || code === '22021' || code === '22P05') {
    return new DomainError('VALIDATION', 'A value is out of range or malformed', { detail: e.detail ?? message });
  }
  return null;
}
