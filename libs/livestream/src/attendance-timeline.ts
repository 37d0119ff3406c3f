/**
 * Attendance over time for organisers' reports ("how many watched the keynote, and when"): the
 * stage room's connections cut into equal buckets. Pure: presence rows in, numbers out.
 */

/** One connection to the stage room; `toMs` null while it is still open. */
export interface PresenceInterval {
  /** The person (or the identity of a guest without one): counted once per bucket. */
  who: string;
  fromMs: number;
  toMs: number | null;
}

export interface AttendanceBucket {
  startMs: number;
  /** Most connections open at one instant within the bucket (two devices of one person: 2). */
  peak: number;
  /** Different people connected at any time within the bucket. */
  unique: number;
}

export interface AttendanceTimeline {
  bucketMs: number;
  /** Start of the first bucket and end of the last; null when nobody ever connected. */
  fromMs: number | null;
  toMs: number | null;
  buckets: AttendanceBucket[];
}

/** More buckets than this is a request for a chart nobody can read; the caller picks wider ones. */
export const MAX_ATTENDANCE_BUCKETS = 500;

/** How many buckets these intervals need at this width (to refuse a request before building it). */
export function bucketCount(intervals: readonly PresenceInterval[], bucketMs: number, nowMs: number): number {
  const range = rangeOf(intervals, bucketMs, nowMs);
  return range ? Math.round((range.toMs - range.fromMs) / bucketMs) : 0;
}

function rangeOf(intervals: readonly PresenceInterval[], bucketMs: number, nowMs: number): { fromMs: number; toMs: number } | null {
  if (intervals.length === 0) return null;
  let first = Infinity;
  let last = -Infinity;
  for (const i of intervals) {
    first = Math.min(first, i.fromMs);
    last = Math.max(last, i.toMs ?? Math.max(nowMs, i.fromMs));
  }
  // Buckets align to whole multiples of their width (UTC), so 15-minute buckets start at :00, :15, ...
  const fromMs = Math.floor(first / bucketMs) * bucketMs;
  const toMs = Math.max(fromMs + bucketMs, Math.ceil(last / bucketMs) * bucketMs);
  return { fromMs, toMs };
}

export function attendanceTimeline(intervals: readonly PresenceInterval[], bucketMs: number, nowMs: number): AttendanceTimeline {
  if (!(bucketMs > 0)) throw new RangeError('bucketMs must be positive');
  const range = rangeOf(intervals, bucketMs, nowMs);
  if (!range) return { bucketMs, fromMs: null, toMs: null, buckets: [] };
  const closed = intervals.map((i) => ({ who: i.who, fromMs: i.fromMs, toMs: i.toMs ?? Math.max(nowMs, i.fromMs) }));
  // Edges for the peak: at one instant a leave counts before a join (a reconnect is not two viewers).
  const edges = closed.flatMap((i) => [{ t: i.fromMs, d: 1 }, { t: i.toMs, d: -1 }]).sort((a, b) => a.t - b.t || a.d - b.d);
  const buckets: AttendanceBucket[] = [];
  let open = 0;
  let e = 0;
  for (let start = range.fromMs; start < range.toMs; start += bucketMs) {
    const end = start + bucketMs;
    // Connections that end exactly at the bucket's start are not in it: their leave edge goes first.
    while (e < edges.length && (edges[e].t < start || (edges[e].t === start && edges[e].d < 0))) open += edges[e++].d;
    let peak = open;
    while (e < edges.length && edges[e].t < end) {
      open += edges[e++].d;
      peak = Math.max(peak, open);
    }
    const people = new Set<string>();
    // A connection counts in a bucket it overlaps; one of zero length counts where it happened.
    for (const i of closed) if (i.fromMs < end && (i.toMs > start || (i.toMs === i.fromMs && i.fromMs >= start))) people.add(i.who);
    buckets.push({ startMs: start, peak, unique: people.size });
  }
  return { bucketMs, fromMs: range.fromMs, toMs: range.toMs, buckets };
}
