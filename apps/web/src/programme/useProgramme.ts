import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { loadBookmarks, readLocalBookmarks, setBookmark } from '../api/bookmarks';
import { loadProgramme, type ProgrammeData } from '../api/programme';
import { useAuth } from '../auth/AuthProvider';
import type { SocketException } from '@podium/contracts';
import { useAsync } from '../ui/Async';
import { useSocketException } from '../ui/ExceptionNotice';
import { applyProgrammeChange, followProgramme, type ProgrammeChange, type ProgrammeLinkStatus } from './live';

const cache = new Map<string, ProgrammeData>();

export interface ProgrammeLive {
  status: ProgrammeLinkStatus;
  refusal: string | null;
  /** The last pushed change and the programme just before it, for announcements. */
  last: { change: ProgrammeChange; before: ProgrammeData } | null;
  /** The server's last `exception` on this link, shown for a while. */
  exception: SocketException | null;
}

/**
 * The programme of a conference; cached per page load so moving between its pages is instant, and
 * refreshed behind the cached copy; `reload()` skips the cache.
 * With `live`, it follows the `/programme` namespace: pushed changes (status, times, delays) are
 * applied at once, and every (re)subscription loads the whole programme again (missed changes).
 */
export function useProgramme(slug: string, options: { live?: boolean } = {}) {
  const bypassCache = useRef(false);
  const setDataRef = useRef<((update: (prev: ProgrammeData | undefined) => ProgrammeData | undefined) => void) | null>(null);
  const state = useAsync(async (signal) => {
    const cached = bypassCache.current ? undefined : cache.get(slug);
    bypassCache.current = false;
    const fresh = loadProgramme(slug, signal).then((p) => {
      cache.set(slug, p);
      return p;
    });
    if (!cached) return fresh;
    // Shown at once from the cache; the fresh copy replaces it (someone may have changed it meanwhile).
    fresh.then((p) => !signal.aborted && setDataRef.current?.(() => p), () => undefined);
    return cached;
  }, [slug]);
  setDataRef.current = state.setData;
  const { reload: reloadState } = state;
  // After a write of our own the cache is old by definition: reload asks the api.
  const reload = useCallback(() => {
    bypassCache.current = true;
    reloadState();
  }, [reloadState]);
  const { session } = useAuth();
  const token = session?.token ?? null;
  const [live, setLive] = useState<Omit<ProgrammeLive, 'exception'>>({ status: 'connecting', refusal: null, last: null });
  const [exception, showException] = useSocketException();
  const dataRef = useRef(state.data);
  dataRef.current = state.data;
  const { setData } = state;
  const follow = !!options.live;

  useEffect(() => {
    if (!follow) return;
    let stopped = false;
    let loading: AbortController | null = null;
    const resync = () => {
      loading?.abort();
      const controller = new AbortController();
      loading = controller;
      loadProgramme(slug, controller.signal).then(
        (p) => {
          if (stopped || controller.signal.aborted) return;
          cache.set(slug, p);
          setData(() => p);
        },
        () => undefined, // the page keeps what it shows; the next change or reconnect tries again
      );
    };
    const stop = followProgramme(slug, token, {
      status: (status, refusal) => !stopped && setLive((prev) => (prev.status === status && prev.refusal === refusal ? prev : { ...prev, status, refusal })),
      resync,
      exception: (e) => !stopped && showException(e),
      change: (change) => {
        if (stopped) return;
        const before = dataRef.current;
        if (!before) return resync();
        const next = applyProgrammeChange(before, change);
        if (!next) return resync();
        cache.set(slug, next);
        dataRef.current = next;
        setData(() => next);
        setLive((prev) => ({ ...prev, last: { change, before } }));
        // An edit may also have moved rooms or renamed things the push does not carry.
        if (change.reason === 'edit') resync();
      },
    });
    return () => {
      stopped = true;
      loading?.abort();
      stop();
    };
  }, [slug, token, follow, setData, showException]);

  const withException: ProgrammeLive = useMemo(() => ({ ...live, exception }), [live, exception]);
  return { ...state, reload, live: withException };
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
