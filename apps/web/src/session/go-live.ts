/** The backstage hands "go live now" to the live page through session storage (one use). */
const key = (sessionId: string) => `podium.golive.${sessionId}`;

export function requestGoLive(sessionId: string): void {
  try {
    sessionStorage.setItem(key(sessionId), '1');
  } catch {
    /* storage disabled: the speaker switches camera and microphone on by hand */
  }
}

export function consumeGoLive(sessionId: string): boolean {
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
