import { useCallback, useState } from 'react';
import { parsePipPrefs, PIP_PREFS_KEY, type PipPrefs } from './pip-prefs';

function stored(): string | null {
  try {
    return localStorage.getItem(PIP_PREFS_KEY);
  } catch {
    return null; // storage blocked: defaults, nothing remembered
  }
}

/** The viewer's picture-in-picture preferences, remembered on this device. */
export function usePipPrefs(): [PipPrefs, (change: Partial<PipPrefs>) => void] {
  const [prefs, setPrefs] = useState(() => parsePipPrefs(stored()));
  const update = useCallback((change: Partial<PipPrefs>) => {
    setPrefs((old) => {
      const next = { ...old, ...change };
      try {
        localStorage.setItem(PIP_PREFS_KEY, JSON.stringify(next));
      } catch {
        /* not remembered, still applied */
      }
      return next;
    });
  }, []);
  return [prefs, update];
}
