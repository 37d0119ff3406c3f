import type { CaptionSegment } from '@podium/contracts';

/**
 * What a viewer shows: the last `keep` segments in arrival order, a later update of a segment
 * replacing the earlier one in place (interim text, then the final line, then a correction).
 */
export function applySegment(shown: readonly CaptionSegment[], next: CaptionSegment, keep = 3): CaptionSegment[] {
  const at = shown.findIndex((s) => s.segmentId === next.segmentId);
  const updated = at === -1 ? [...shown, next] : shown.map((s, i) => (i === at ? next : s));
  return updated.slice(-keep);
}
