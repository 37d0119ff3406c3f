/**
 * The backstage hands "go live now" to the live page through session storage: it survives a reload of the live page
 * (F5 must not take a speaker off air) and ends with the tab. The live page clears it when the person leaves it.
 */
const key = (sessionId: string) => `podium.golive.${sessionId}`;

export function requestGoLive(sessionId: string): void {
  try {
    sessionStorage.setItem(key(sessionId), '1');
  } catch {
    /* storage disabled: the speaker switches camera and microphone on by hand */
  }
}

export function goLiveRequested(sessionId: string): boolean {
  try {
    return sessionStorage.getItem(key(sessionId)) === '1';
  } catch {
    return false;
  }
}

export function clearGoLive(sessionId: string): void {
  try {
    sessionStorage.removeItem(key(sessionId));
  } catch {
    /* nothing to clear */
  }
}
