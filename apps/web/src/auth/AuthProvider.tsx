import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { fetchMe, type ConferenceRole, type Me } from '../api/auth';
import { ApiError } from '../api/http';
import { readSession, writeSession, type StoredSession } from './session-store';

interface AuthValue {
  session: StoredSession | null;
  me: Me | null;
  loading: boolean;
  signIn(session: StoredSession): void;
  signOut(): void;
  /** Roles in a conference, including platform-wide ones. */
  rolesIn(slug: string | undefined): Set<ConferenceRole>;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<StoredSession | null>(readSession);
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(!!session);

  useEffect(() => {
    if (!session) {
      setMe(null);
      setLoading(false);
      return;
    }
    let cancelled = false;
    setLoading(true);
    fetchMe()
      .then((m) => !cancelled && setMe(m))
      .catch((error: unknown) => {
        if (cancelled) return;
        // An expired or revoked token: forget it, the person signs in again.
        if (error instanceof ApiError && error.status === 401) {
          writeSession(null);
          setSession(null);
        }
      })
      .finally(() => !cancelled && setLoading(false));
    return () => {
      cancelled = true;
    };
  }, [session]);

  // Another tab signed in or out.
  useEffect(() => {
    const onStorage = () => setSession(readSession());
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const signIn = useCallback((next: StoredSession) => {
    writeSession(next);
    setSession(next);
  }, []);
  const signOut = useCallback(() => {
    writeSession(null);
    setSession(null);
  }, []);
  const rolesIn = useCallback(
    (slug: string | undefined) => new Set((me?.roles ?? []).filter((r) => r.conference === null || r.conference === slug).map((r) => r.role)),
    [me],
  );

  const value = useMemo(() => ({ session, me, loading, signIn, signOut, rolesIn }), [session, me, loading, signIn, signOut, rolesIn]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

export function canModerate(roles: Set<ConferenceRole>): boolean {
  return roles.has('organiser') || roles.has('moderator');
}
