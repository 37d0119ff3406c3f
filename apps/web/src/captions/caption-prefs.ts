/** How a viewer wants captions shown (EN 301 549 7.1.4: users change how captions look); kept in localStorage. */
export interface CaptionPrefs {
  on: boolean;
  size: 'small' | 'medium' | 'large' | 'xlarge';
  contrast: 'dark' | 'light' | 'yellow';
  position: 'bottom' | 'top' | 'beside';
}

export const CAPTION_SIZES = ['small', 'medium', 'large', 'xlarge'] as const;
export const CAPTION_CONTRASTS = ['dark', 'light', 'yellow'] as const;
export const CAPTION_POSITIONS = ['bottom', 'top', 'beside'] as const;
export const DEFAULT_CAPTION_PREFS: CaptionPrefs = { on: true, size: 'medium', contrast: 'dark', position: 'bottom' };
export const CAPTION_PREFS_KEY = 'podium.captions';

const oneOf = <T extends string>(list: readonly T[], value: unknown, fallback: T): T => (list.includes(value as T) ? (value as T) : fallback);

/** Reads stored preferences; anything missing or unknown (an older or edited entry) falls back to the default. */
export function parseCaptionPrefs(stored: string | null): CaptionPrefs {
  let raw: Record<string, unknown> = {};
  try {
    const parsed: unknown = stored ? JSON.parse(stored) : {};
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) raw = parsed as Record<string, unknown>;
  } catch {
    /* a broken entry: defaults */
  }
  const d = DEFAULT_CAPTION_PREFS;
  return {
    on: typeof raw.on === 'boolean' ? raw.on : d.on,
    size: oneOf(CAPTION_SIZES, raw.size, d.size),
    contrast: oneOf(CAPTION_CONTRASTS, raw.contrast, d.contrast),
    position: oneOf(CAPTION_POSITIONS, raw.position, d.position),
  };
}

/** A fresh segment id for the console: unique per line, readable in the transcript. */
export function newSegmentId(now: number, random: () => number = Math.random): string {
  return `cap-${now.toString(36)}-${Math.floor(random() * 36 ** 4).toString(36).padStart(4, '0')}`;
}
