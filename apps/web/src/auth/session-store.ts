/** The browser's sign-in, as `/signin/<secret>` and guest sign-in store it. */
export interface StoredSession {
  token: string;
  displayName: string;
}

export const SESSION_KEY = 'podium.session';

export function readSession(): StoredSession | null {
  try {
    const raw = localStorage.getItem(SESSION_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredSession>;
    return typeof parsed.token === 'string' && parsed.token ? { token: parsed.token, displayName: String(parsed.displayName ?? '') } : null;
  } catch {
    return null;
  }
}

export function writeSession(session: StoredSession | null): void {
  try {
    if (session) localStorage.setItem(SESSION_KEY, JSON.stringify(session));
    else localStorage.removeItem(SESSION_KEY);
  } catch {
    /* storage disabled: the session lasts until the page is closed */
  }
}
