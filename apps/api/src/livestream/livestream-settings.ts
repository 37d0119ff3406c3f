/** Livestream knobs read from the environment (documented in docs/livestream.md). */
export interface LivestreamSettings {
  /** Periodic reconciliation; 0 turns the timer off (webhooks and direct calls still reconcile). */
  reconcileIntervalMs: number;
  /** Timeout of each LiveKit server API call: a slow LiveKit must not hold joins. */
  requestTimeoutMs: number;
  /** How long a created room is trusted to exist without asking LiveKit again. */
  roomCacheMs: number;
}

export const LIVESTREAM_SETTINGS = Symbol('podium:livestream-settings');

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  return n;
}

export function readLivestreamSettings(env: NodeJS.ProcessEnv = process.env): LivestreamSettings {
  return {
    reconcileIntervalMs: int(env, 'LIVEKIT_RECONCILE_SECONDS', 10, 0, 3600) * 1000,
    requestTimeoutMs: int(env, 'LIVEKIT_REQUEST_TIMEOUT_MS', 3000, 100, 60000),
    roomCacheMs: 60_000,
  };
}
