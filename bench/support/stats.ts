/** Percentile by nearest rank over a copy of the samples (ms). */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return round(sorted[rank]);
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function summarise(samples: number[]): { p50_ms: number; p99_ms: number; max_ms: number; n: number } {
  return { p50_ms: percentile(samples, 50), p99_ms: percentile(samples, 99), max_ms: percentile(samples, 100), n: samples.length };
}

/** ours / baseline, rounded; null where the baseline is zero or missing. */
export function ratio(ours: number, baseline: number): number | null {
  return baseline > 0 && Number.isFinite(ours) ? round(ours / baseline) : null;
}
