import { translateDatabaseError } from '../common/database-errors';

/** PostgreSQL codes worth one more try: too many connections, serialisation failure, deadlock. */
const RETRYABLE_CODES = new Set(['53300', '40001', '40P01']);

/** Waits between tries (ms): about 8 s in all, well inside socket.io-client's 20 s connect timeout. */
export const TRANSIENT_BACKOFF_MS: readonly number[] = [100, 250, 500, 1000, 2000, 4000];

/** A failure that says "not right now" (database restarting, pool exhausted, lock storm), not "never". */
export function isTransient(error: unknown): boolean {
  if (translateDatabaseError(error)?.code === 'UNAVAILABLE') return true;
  const e = error as { code?: string; driverError?: { code?: string } } | null;
  const code = e?.code ?? e?.driverError?.code;
  return typeof code === 'string' && RETRYABLE_CODES.has(code);
}

/**
 * Runs an idempotent read again while it fails transiently, so a burst of reconnects right after a
 * restart (or a briefly slow database) waits instead of being refused. Other errors pass through at once.
 */
export async function retryTransient<T>(work: () => Promise<T>, backoffMs: readonly number[] = TRANSIENT_BACKOFF_MS): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= backoffMs.length || !isTransient(error)) throw error;
      // Jitter spreads the retries of a whole hall so they do not hit the database in lockstep.
      const delay = backoffMs[attempt] * (0.5 + Math.random() / 2);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
