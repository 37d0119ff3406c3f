import { useCallback, useEffect, useState } from 'react';
import { clearGoLive, goLiveRequested, requestGoLive } from './go-live';

/**
 * "Live gehen" holds while the live page stays mounted. A reload unloads the page without unmounting it, so the
 * stored request survives and the speaker stays on air; leaving the page inside the app (a link, the back button)
 * unmounts it and clears the request, so coming back later publishes nothing. `leave` ends it on the page itself.
 */
export function useGoLive(sessionId: string): { live: boolean; leave: () => void } {
  const [live, setLive] = useState(() => goLiveRequested(sessionId));
  useEffect(() => {
    if (!live) return;
    requestGoLive(sessionId); // again after StrictMode's trial unmount cleared it
    return () => clearGoLive(sessionId);
  }, [live, sessionId]);
  const leave = useCallback(() => setLive(false), []);
  return { live, leave };
}
