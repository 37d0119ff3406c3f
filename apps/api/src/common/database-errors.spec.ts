import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { translateDatabaseError } from './database-errors';

const codeOf = (error: unknown) => translateDatabaseError(error)?.code ?? null;

describe('translateDatabaseError', () => {
  it('calls a connection that died under a transaction UNAVAILABLE (CI saw these as 500 while backends were killed)', () => {
    expect(codeOf(new QueryRunnerProviderAlreadyReleasedError())).toBe('UNAVAILABLE');
    expect(codeOf(new QueryRunnerAlreadyReleasedError())).toBe('UNAVAILABLE');
    expect(codeOf(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe('UNAVAILABLE');
    expect(codeOf(new Error('Connection terminated unexpectedly'))).toBe('UNAVAILABLE');
  });

  it('maps constraint and malformed-value errors to what the client did', () => {
    const failed = (code: string) => Object.assign(new QueryFailedError('SELECT 1', [], new Error('x')), { code });
    expect(codeOf(failed('23505'))).toBe('CONFLICT');
    expect(codeOf(failed('23503'))).toBe('NOT_FOUND');
    expect(codeOf(failed('22P02'))).toBe('VALIDATION');
  });

  it('leaves everything else alone (a real bug stays a 500)', () => {
    expect(codeOf(new TypeError('x is undefined'))).toBeNull();
    expect(codeOf('not an error')).toBeNull();
    expect(codeOf(null)).toBeNull();
  });
});
