import { CHAT_LIMITS } from '@podium/contracts';

/**
 * Which messages a history request returns: seq below `before` (none: the newest), at most `limit`
 * (clamped to 1..200), oldest first. The edge turns this into its query.
 */
export function historyWindow(before: number | null, limit: number | undefined): { before: number; limit: number } {
  const clamped = Math.max(1, Math.min(CHAT_LIMITS.historyLimit, Math.floor(limit ?? CHAT_LIMITS.historyLimit)));
  return { before: before ?? Number.MAX_SAFE_INTEGER, limit: clamped };
}

/** The page of `rows` (any order) the window selects, oldest first: the pure version of the edge's query. */
export function selectWindow<T extends { seq: number }>(rows: readonly T[], window: { before: number; limit: number }): T[] {
  return rows
    .filter((r) => r.seq < window.before)
    .sort((a, b) => b.seq - a.seq)
    .slice(0, window.limit)
    .reverse();
}
