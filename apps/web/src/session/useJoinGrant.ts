import { useCallback, useEffect, useRef, useState } from 'react';
import { joinSession, type JoinGrant } from '../api/livestream';

/**
 * A LiveKit grant for the session. `renew()` fetches a fresh token, e.g. when the room dropped for
 * good after LiveKit's own reconnect attempts; retries with backoff while the api is unreachable.
 */
export function useJoinGrant(sessionId: string, enabled: boolean, room: 'stage' | 'backstage' = 'stage') {
  const [grant, setGrant] = useState<JoinGrant | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const retries = useRef(0);
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    joinSession(sessionId, room)
      .then((g) => {
        if (cancelled) return;
        retries.current = 0;
        setError(null);
        setGrant(g);
      })
      .catch((e: unknown) => {
        if (cancelled) return;
        setError(e);
        const status = (e as { status?: number }).status ?? 0;
        // Network trouble or a restarting api: try again; a refusal (4xx) stays.
        if (status === 0 || status >= 500) timer = setTimeout(() => setAttempt((a) => a + 1), Math.min(30_000, 1000 * 2 ** retries.current++));
      });
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [sessionId, enabled, attempt, room]);
  const renew = useCallback(() => setAttempt((a) => a + 1), []);
  return { grant, error, renew };
}
