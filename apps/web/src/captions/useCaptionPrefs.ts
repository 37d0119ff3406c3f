import { useCallback, useState } from 'react';
import { CAPTION_PREFS_KEY, parseCaptionPrefs, type CaptionPrefs } from './caption-prefs';

function stored(): string | null {
  try {
    return localStorage.getItem(CAPTION_PREFS_KEY);
  } catch {
    return null; // storage blocked: defaults, nothing remembered
  }
}

/** The viewer's caption preferences, remembered on this device. */
export function useCaptionPrefs(): [CaptionPrefs, (change: Partial<CaptionPrefs>) => void] {
  const [prefs, setPrefs] = useState(() => parseCaptionPrefs(stored()));
  const update = useCallback((change: Partial<CaptionPrefs>) => {
    setPrefs((old) => {
      const next = { ...old, ...change };
      try {
        localStorage.setItem(CAPTION_PREFS_KEY, JSON.stringify(next));
      } catch {
        /* not remembered, still applied */
      }
      return next;
    });
  }, []);
  return [prefs, update];
}
