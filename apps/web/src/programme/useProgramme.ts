import { useCallback, useEffect, useState } from 'react';
import { loadBookmarks, readLocalBookmarks, setBookmark } from '../api/bookmarks';
import { loadProgramme, type ProgrammeData } from '../api/programme';
import { useAuth } from '../auth/AuthProvider';
import { useAsync } from '../ui/Async';

const cache = new Map<string, ProgrammeData>();

/** The programme of a conference; cached per page load so moving between its pages is instant. */
export function useProgramme(slug: string) {
  const state = useAsync(async (signal) => {
    const cached = cache.get(slug);
    const fresh = loadProgramme(slug, signal).then((p) => {
      cache.set(slug, p);
      return p;
    });
    return cached ?? fresh;
  }, [slug]);
  return state;
}

export function useBookmarks(slug: string) {
  const { session } = useAuth();
  const signedIn = !!session;
  const [ids, setIds] = useState<Set<string>>(() => new Set(readLocalBookmarks(slug)));
  useEffect(() => {
    let cancelled = false;
    loadBookmarks(slug, signedIn).then((list) => !cancelled && setIds(new Set(list)));
    return () => {
      cancelled = true;
    };
  }, [slug, signedIn]);
  const toggle = useCallback(
    (sessionId: string) => {
      const on = !ids.has(sessionId);
      const next = new Set(ids);
      if (on) next.add(sessionId);
      else next.delete(sessionId);
      setIds(next);
      void setBookmark(slug, sessionId, on, signedIn);
    },
    [ids, slug, signedIn],
  );
  return { ids, toggle };
}

/** A clock that ticks every `ms`, for now-and-next and countdowns. */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
