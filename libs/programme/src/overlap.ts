/** Sort-and-sweep over intervals: every overlapping pair in O(n log n + pairs), never all pairs. */

export interface Interval<T> {
  start: number;
  end: number;
  item: T;
}

/**
 * Pairs of intervals closer than `gapMs` (0: plainly overlapping; touching ends do not count).
 * The earlier-starting interval comes first in each pair.
 */
export function overlappingPairs<T>(intervals: readonly Interval<T>[], gapMs = 0): Array<[T, T]> {
  const sorted = [...intervals].sort((a, b) => a.start - b.start || a.end - b.end);
  const pairs: Array<[T, T]> = [];
  const active: Interval<T>[] = [];
  for (const next of sorted) {
    // Drop intervals that end (plus the gap) before this one starts; each leaves the list once.
    let kept = 0;
    for (const a of active) if (a.end + gapMs > next.start) active[kept++] = a;
    active.length = kept;
    for (const a of active) pairs.push([a.item, next.item]);
    active.push(next);
  }
  return pairs;
}

/** Whether two intervals are closer than the gap (same rule as `overlappingPairs`). */
export function intervalsClash(a: { start: number; end: number }, b: { start: number; end: number }, gapMs = 0): boolean {
  return a.start < b.end + gapMs && b.start < a.end + gapMs;
}
