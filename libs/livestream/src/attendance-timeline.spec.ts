import fc from 'fast-check';
import { attendanceTimeline, bucketCount, type PresenceInterval } from './attendance-timeline';

const MIN = 60_000;
const at = (minute: number) => Date.UTC(2020, 9, 26, 9, 0) + minute * MIN;

describe('attendanceTimeline', () => {
  it('is empty when nobody connected', () => {
    expect(attendanceTimeline([], 5 * MIN, at(0))).toEqual({ bucketMs: 5 * MIN, fromMs: null, toMs: null, buckets: [] });
    expect(bucketCount([], MIN, at(0))).toBe(0);
  });

  it('counts people once per bucket and connections at their peak, on aligned buckets', () => {
    const rows: PresenceInterval[] = [
      { who: 'ada', fromMs: at(1), toMs: at(12) },
      { who: 'ada', fromMs: at(3), toMs: at(4) }, // a second device
      { who: 'ben', fromMs: at(6), toMs: at(7) },
      { who: 'cem', fromMs: at(11), toMs: null }, // still watching
    ];
    const t = attendanceTimeline(rows, 5 * MIN, at(14));
    expect(t.fromMs).toBe(at(0));
    expect(t.toMs).toBe(at(15));
    expect(t.buckets).toEqual([
      { startMs: at(0), peak: 2, unique: 1 },
      { startMs: at(5), peak: 2, unique: 2 },
      { startMs: at(10), peak: 2, unique: 2 },
    ]);
  });

  it('does not count a connection that ended exactly when a bucket starts, nor a reconnect as two', () => {
    const rows: PresenceInterval[] = [
      { who: 'ada', fromMs: at(0), toMs: at(5) },
      { who: 'ada', fromMs: at(7), toMs: at(8) },
      { who: 'ben', fromMs: at(2), toMs: at(4) },
      { who: 'ben', fromMs: at(4), toMs: at(6) }, // reconnect at the same instant
    ];
    const t = attendanceTimeline(rows, 5 * MIN, at(20));
    expect(t.buckets).toEqual([
      { startMs: at(0), peak: 2, unique: 2 },
      { startMs: at(5), peak: 1, unique: 2 },
    ]);
  });

  it('refuses a bucket width that is not positive', () => {
    expect(() => attendanceTimeline([], 0, at(0))).toThrow(RangeError);
  });

  it('matches counting instant by instant (property)', () => {
    const interval = fc
      .record({ who: fc.constantFrom('a', 'b', 'c', 'd'), from: fc.integer({ min: 0, max: 60 }), length: fc.integer({ min: 0, max: 30 }), open: fc.boolean() })
      .map(({ who, from, length, open }) => ({ who, fromMs: from, toMs: open ? null : from + length }));
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 12 }), fc.integer({ min: 1, max: 13 }), fc.integer({ min: 0, max: 100 }), (rows, width, now) => {
        const t = attendanceTimeline(rows, width, now);
        const closed = rows.map((r) => ({ ...r, toMs: r.toMs ?? Math.max(now, r.fromMs) }));
        for (const b of t.buckets) {
          let peak = 0;
          for (let x = b.startMs; x < b.startMs + width; x++) peak = Math.max(peak, closed.filter((r) => r.fromMs <= x && x < r.toMs).length);
          const end = b.startMs + width;
          const unique = new Set(closed.filter((r) => r.fromMs < end && (r.toMs > b.startMs || (r.toMs === r.fromMs && r.fromMs >= b.startMs))).map((r) => r.who)).size;
          expect(b).toEqual({ startMs: b.startMs, peak, unique });
        }
        // Every connection lies inside the covered range, which is whole buckets.
        for (const r of closed) {
          expect(r.fromMs).toBeGreaterThanOrEqual(t.fromMs!);
          expect(r.toMs).toBeLessThanOrEqual(t.toMs!);
        }
        expect(t.buckets.length).toBe(bucketCount(rows, width, now));
        if (rows.length) expect((t.toMs! - t.fromMs!) / width).toBe(t.buckets.length);
      }),
      { numRuns: 500 },
    );
  });
});
