import { useCallback, useEffect, useState } from 'react';
import { getAccessibility, type AccessibilityStatement } from '../api/accessibility';

/** The conference's start page slots and statement, loaded once per slug. */
export function useAccessibility(slug: string): { data: AccessibilityStatement | null; error: unknown; reload(): void } {
  const [data, setData] = useState<AccessibilityStatement | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    const abort = new AbortController();
    setError(null);
    getAccessibility(slug, abort.signal).then(setData, (e) => !abort.signal.aborted && setError(e));
    return () => abort.abort();
  }, [slug, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data, error, reload };
}
