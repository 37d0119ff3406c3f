import type { PodiumConfig } from '../config/config';

/** Livestream knobs (documented in docs/livestream.md). */
export interface LivestreamSettings {
  /** Periodic reconciliation; 0 turns the timer off (webhooks and direct calls still reconcile). */
  reconcileIntervalMs: number;
  /** Timeout of each LiveKit server API call: a slow LiveKit must not hold joins. */
  requestTimeoutMs: number;
  /** How long a created room is trusted to exist without asking LiveKit again. */
  roomCacheMs: number;
}

export const LIVESTREAM_SETTINGS = Symbol('podium:livestream-settings');

/** Derived from the configuration validated at boot (LIVEKIT_RECONCILE_SECONDS, LIVEKIT_REQUEST_TIMEOUT_MS). */
export function livestreamSettingsFrom(config: PodiumConfig): LivestreamSettings {
  return {
    reconcileIntervalMs: config.livekitReconcileSeconds * 1000,
    requestTimeoutMs: config.livekitRequestTimeoutMs,
    roomCacheMs: 60_000,
  };
}
