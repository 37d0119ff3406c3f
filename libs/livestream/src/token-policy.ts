/**
 * Short-lived join tokens: a leaked or revoked token is useless within minutes. A connected client
 * is not affected by expiry (LiveKit refreshes its token in-session every 5 min with a validity of
 * at least 10 min); the browser asks our api for a new token before (re)joining once this one is due.
 */
export const TOKEN_TTL_SECONDS = 10 * 60;
/** Ask for a new token this long before expiry, so a reconnect never presents an expired one. */
export const TOKEN_REFRESH_MARGIN_SECONDS = 2 * 60;

export interface TokenTimes {
  /** Unix seconds (the JWT nbf/iat). */
  issuedAt: number;
  /** Unix seconds (the JWT exp). */
  expiresAt: number;
  /** Unix seconds after which the client should fetch a fresh token. */
  refreshAt: number;
}

export function tokenTimes(nowMs: number): TokenTimes {
  const issuedAt = Math.floor(nowMs / 1000);
  const expiresAt = issuedAt + TOKEN_TTL_SECONDS;
  return { issuedAt, expiresAt, refreshAt: expiresAt - TOKEN_REFRESH_MARGIN_SECONDS };
}

export function tokenNeedsRefresh(expiresAtSeconds: number, nowMs: number): boolean {
  return nowMs / 1000 >= expiresAtSeconds - TOKEN_REFRESH_MARGIN_SECONDS;
}
