/**
 * When a live socket tries again by itself. socket.io-client reconnects after a lost connection, but
 * NOT after the server refused the handshake (a middleware error): then the page must call
 * socket.connect() itself. See docs/fishbowl-protocol.md, "Reconnecting".
 */

/** Answers that mean "not right now": try again later. Anything else (UNAUTHENTICATED, FORBIDDEN, NOT_FOUND) stays. */
const RETRYABLE = new Set(['UNAVAILABLE', 'INTERNAL', 'RATE_LIMITED']);

export function isRetryable(code: string | undefined): boolean {
  return code !== undefined && RETRYABLE.has(code);
}

/** 0.5 s, 1 s, 2 s, 4 s, then every 8 s, each with jitter so a whole hall does not come back in lockstep. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(8000, 500 * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.75 + random() / 2));
}
