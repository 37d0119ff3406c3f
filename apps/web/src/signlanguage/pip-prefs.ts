/** Where and how large each viewer wants the sign-language picture-in-picture; kept in localStorage. */
export interface PipPrefs {
  corner: 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';
  /** small = 320x240, the BITV minimum: never smaller. */
  size: 'small' | 'medium' | 'large';
  hidden: boolean;
}

export const PIP_CORNERS = ['top-left', 'top-right', 'bottom-left', 'bottom-right'] as const;
export const PIP_SIZES = ['small', 'medium', 'large'] as const;
export const DEFAULT_PIP_PREFS: PipPrefs = { corner: 'bottom-right', size: 'medium', hidden: false };
export const PIP_PREFS_KEY = 'podium.signLanguage';

const oneOf = <T extends string>(list: readonly T[], value: unknown, fallback: T): T => (list.includes(value as T) ? (value as T) : fallback);

/** Stored preferences; anything missing or unknown falls back to the default, one by one. */
export function parsePipPrefs(stored: string | null): PipPrefs {
  let raw: Record<string, unknown> = {};
  try {
    const parsed: unknown = stored ? JSON.parse(stored) : {};
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) raw = parsed as Record<string, unknown>;
  } catch {
    /* a broken entry: defaults */
  }
  const d = DEFAULT_PIP_PREFS;
  return { corner: oneOf(PIP_CORNERS, raw.corner, d.corner), size: oneOf(PIP_SIZES, raw.size, d.size), hidden: typeof raw.hidden === 'boolean' ? raw.hidden : d.hidden };
}

export type Direction = 'left' | 'right' | 'up' | 'down';

/** An arrow key moves the picture to the corner on that side (the other axis stays). */
export function moveCorner(corner: PipPrefs['corner'], direction: Direction): PipPrefs['corner'] {
  const [v, h] = corner.split('-') as ['top' | 'bottom', 'left' | 'right'];
  if (direction === 'left' || direction === 'right') return `${v}-${direction}`;
  return `${direction === 'up' ? 'top' : 'bottom'}-${h}`;
}

/** One step larger (+1) or smaller (-1), within the sizes. */
export function resize(size: PipPrefs['size'], step: 1 | -1): PipPrefs['size'] {
  const i = Math.min(PIP_SIZES.length - 1, Math.max(0, PIP_SIZES.indexOf(size) + step));
  return PIP_SIZES[i];
}
