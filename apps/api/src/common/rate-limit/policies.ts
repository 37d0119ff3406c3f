/** Doors that get hammered: how many hits per window, per person and per network address. */
export interface RateLimitPolicy {
  windowMs: number;
  perPerson?: number;
  /** Generous: a ministry's whole staff may sit behind one address. */
  perAddress?: number;
}

export const RATE_LIMIT_POLICIES = {
  /** Sign-in links (POST /api/auth/redeem, GET /signin/:token): guessing stays slow; real people redeem once. */
  redeem: { windowMs: 60_000, perAddress: 30 },
  /** Guest sign-in per address and conference: a hall of 300 on one venue Wi-Fi gets in within a minute. */
  guest: { windowMs: 60_000, perAddress: 400 },
  /** Guest sign-in per address over all conferences (also bounds probing of unknown slugs). */
  guestAnyConference: { windowMs: 60_000, perAddress: 1200 },
  join: { windowMs: 60_000, perPerson: 30, perAddress: 3000 },
  seat: { windowMs: 60_000, perPerson: 12, perAddress: 3000 },
  write: { windowMs: 60_000, perPerson: 600 },
} as const satisfies Record<string, RateLimitPolicy>;

export type RateLimitName = keyof typeof RATE_LIMIT_POLICIES;
