/** Display names are shown to everybody: one short line of visible text that cannot pose as another line or person. */
export const DISPLAY_NAME_MAX_LENGTH = 80;

// Bidi controls (embeddings, overrides, isolates, marks) could reorder what others see.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/gu;
// Zero-width characters, word joiner, BOM, soft hyphen and variation selectors draw nothing.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/gu;
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/gu;

/** NFC, without bidi controls, invisible or control characters, whitespace collapsed; null when empty or longer than `max` (80) characters. */
export function normaliseDisplayName(raw: string, max = DISPLAY_NAME_MAX_LENGTH): string | null {
  const name = raw
    .normalize('NFC')
    .replace(BIDI_CONTROLS, '')
    .replace(INVISIBLE, '')
    .replace(/\s+/gu, ' ')
    .replace(CONTROL, '')
    .trim();
  const length = [...name].length;
  if (length < 1 || length > max) return null;
  return name;
}

/** Whether two display names read the same to a person (normalised, case-insensitive). */
export function sameDisplayName(a: string, b: string): boolean {
  const left = normaliseDisplayName(a);
  const right = normaliseDisplayName(b);
  return left !== null && right !== null && left.toLocaleLowerCase('de') === right.toLocaleLowerCase('de');
}
