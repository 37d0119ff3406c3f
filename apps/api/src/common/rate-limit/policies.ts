/** Doors that get hammered: how many hits per window, per person and per network address. */
export interface RateLimitPolicy {
  windowMs: number;
  perPerson?: number;
  /** Generous: a ministry's whole staff may sit behind one address. */
  perAddress?: number;
}

export const RATE_LIMIT_POLICIES = {
  signin: { windowMs: 60_000, perAddress: 30 },
  join: { windowMs: 60_000, perPerson: 30, perAddress: 3000 },
  seat: { windowMs: 60_000, perPerson: 12, perAddress: 3000 },
  write: { windowMs: 60_000, perPerson: 600 },
} as const satisfies Record<string, RateLimitPolicy>;

export type RateLimitName = keyof typeof RATE_LIMIT_POLICIES;
