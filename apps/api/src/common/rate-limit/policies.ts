/** Doors that get hammered: how many hits per window, per person, per network address and per socket. */
export interface RateLimitPolicy {
  windowMs: number;
  perPerson?: number;
  /** Generous: a ministry's whole staff may sit behind one address. */
  perAddress?: number;
  /** A socket lives in one process, so its count stays local (no Redis round trip per message). */
  perSocket?: number;
}

export const RATE_LIMIT_POLICIES = {
  /** Sign-in links (POST /api/auth/redeem, GET /signin/:token): guessing stays slow; real people redeem once. */
  redeem: { windowMs: 60_000, perAddress: 30 },
  /** Guest sign-in per address and conference: a hall of 300 on one venue Wi-Fi gets in within a minute. */
  guest: { windowMs: 60_000, perAddress: 400 },
  /** Guest sign-in per address over all conferences (also bounds probing of unknown slugs). */
  guestAnyConference: { windowMs: 60_000, perAddress: 1200 },
  join: { windowMs: 60_000, perPerson: 30, perAddress: 3000 },
  /** Caption lines and corrections from a captioner's console: a line every half second at most. */
  caption: { windowMs: 60_000, perPerson: 120, perAddress: 3000 },
  seat: { windowMs: 60_000, perPerson: 12, perAddress: 3000 },
  /** Audience participation from a socket (questions:ask, upvote): a person votes on many questions; a venue's 1,000 vote at once. */
  participation: { windowMs: 60_000, perPerson: 120, perAddress: 6000 },
  /** Chat posts and reports: a lively person writes a line every two seconds; a hall on one address may all chat. */
  chat: { windowMs: 60_000, perPerson: 30, perAddress: 6000 },
  /** Every HTTP write (POST/PUT/PATCH/DELETE) of a signed-in person without a stricter policy. */
  write: { windowMs: 60_000, perPerson: 600 },
  /** Every Socket.IO message on every namespace: 20/s per socket on average; a venue's 1000 sockets may each send a few. */
  event: { windowMs: 5_000, perSocket: 100, perAddress: 2500 },
  /** Poll ballots (a changed vote is a new one): 1,000 people of one venue voting within a second pass. */
  vote: { windowMs: 60_000, perPerson: 60, perAddress: 6000 },
  /** Reactions: beyond the lib's 3 per person, kind and second they are dropped anyway; this bounds the work. */
  reaction: { windowMs: 10_000, perPerson: 100, perAddress: 20_000 },
  /** Socket.IO handshakes (each checks a token): a reconnect storm of one venue passes, a connect loop does not. */
  connect: { windowMs: 60_000, perAddress: 3000 },
} as const satisfies Record<string, RateLimitPolicy>;

export type RateLimitName = keyof typeof RATE_LIMIT_POLICIES;

/**
 * Concurrent sockets (all namespaces together) per person and per address; and raw engine.io connections
 * per address in one process, above the socket cap so a client multiplexing or not meets the socket cap first.
 */
export const SOCKET_CAPS = { perPerson: 20, perAddress: 1000, connectionsPerAddress: 2000 } as const;
