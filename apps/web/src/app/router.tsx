import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/** History routes; the api answers index.html for every path that is not its own. */
export type Route =
  | { name: 'home' }
  | { name: 'programme'; slug: string }
  | { name: 'my-programme'; slug: string }
  | { name: 'session'; slug: string; sessionId: string }
  | { name: 'live'; slug: string; sessionId: string }
  | { name: 'forum'; slug: string; sessionId: string }
  | { name: 'market'; slug: string }
  | { name: 'people'; slug: string }
  | { name: 'contact-call'; slug: string; requestId: string }
  | { name: 'speed-call'; slug: string; speedId: string }
  | { name: 'moderate'; slug: string; sessionId: string }
  | { name: 'backstage'; slug: string; sessionId: string }
  | { name: 'captioning'; slug: string; sessionId: string }
  | { name: 'hall'; slug: string; sessionId: string }
  | { name: 'projector'; slug: string; sessionId: string }
  | { name: 'organise'; slug: string; tab: string }
  | { name: 'accessibility'; slug: string }
  | { name: 'guest'; slug: string; next: string | null }
  | { name: 'not-found' };

const PATTERNS: [RegExp, (m: string[], q: URLSearchParams) => Route][] = [
  [/^\/$/, () => ({ name: 'home' })],
  [/^\/c\/([^/]+)\/?$/, (m) => ({ name: 'programme', slug: m[1] })],
  [/^\/c\/([^/]+)\/mein-programm\/?$/, (m) => ({ name: 'my-programme', slug: m[1] })],
  [/^\/c\/([^/]+)\/barrierefreiheit\/?$/, (m) => ({ name: 'accessibility', slug: m[1] })],
  [/^\/c\/([^/]+)\/markt\/?$/, (m) => ({ name: 'market', slug: m[1] })],
  [/^\/c\/([^/]+)\/kontakte\/?$/, (m) => ({ name: 'people', slug: m[1] })],
  [/^\/c\/([^/]+)\/kontakte\/anruf\/([^/]+)\/?$/, (m) => ({ name: 'contact-call', slug: m[1], requestId: m[2] })],
  [/^\/c\/([^/]+)\/kontakte\/speed\/([^/]+)\/?$/, (m) => ({ name: 'speed-call', slug: m[1], speedId: m[2] })],
  [/^\/c\/([^/]+)\/gast\/?$/, (m, q) => ({ name: 'guest', slug: m[1], next: q.get('next') })],
  [/^\/c\/([^/]+)\/organisation(?:\/([a-z-]+))?\/?$/, (m) => ({ name: 'organise', slug: m[1], tab: m[2] ?? 'conference' })],
  [/^\/c\/([^/]+)\/s\/([^/]+)\/?$/, (m) => ({ name: 'session', slug: m[1], sessionId: m[2] })],
  [/^\/c\/([^/]+)\/s\/([^/]+)\/live\/?$/, (m) => ({ name: 'live', slug: m[1], sessionId: m[2] })],
  [/^\/c\/([^/]+)\/s\/([^/]+)\/forum\/?$/, (m) => ({ name: 'forum', slug: m[1], sessionId: m[2] })],
  [/^\/c\/([^/]+)\/s\/([^/]+)\/moderation\/?$/, (m) => ({ name: 'moderate', slug: m[1], sessionId: m[2] })],
  [/^\/c\/([^/]+)\/s\/([^/]+)\/backstage\/?$/, (m) => ({ name: 'backstage', slug: m[1], sessionId: m[2] })],
  [/^\/c\/([^/]+)\/s\/([^/]+)\/schriftdolmetschung\/?$/, (m) => ({ name: 'captioning', slug: m[1], sessionId: m[2] })],
  [/^\/h\/([^/]+)\/([^/]+)\/?$/, (m) => ({ name: 'hall', slug: m[1], sessionId: m[2] })],
  [/^\/p\/([^/]+)\/([^/]+)\/?$/, (m) => ({ name: 'projector', slug: m[1], sessionId: m[2] })],
];

export function parseRoute(pathname: string, search: string): Route {
  const query = new URLSearchParams(search);
  for (const [pattern, build] of PATTERNS) {
    const m = pattern.exec(pathname);
    if (m) return build(m.map((part) => (part === undefined ? part : safeDecode(part))), query);
  }
  return { name: 'not-found' };
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export const paths = {
  home: () => '/',
  programme: (slug: string) => `/c/${encodeURIComponent(slug)}`,
  myProgramme: (slug: string) => `/c/${encodeURIComponent(slug)}/mein-programm`,
  guest: (slug: string, next?: string) => `/c/${encodeURIComponent(slug)}/gast${next ? `?next=${encodeURIComponent(next)}` : ''}`,
  organise: (slug: string, tab = 'conference') => `/c/${encodeURIComponent(slug)}/organisation${tab === 'conference' ? '' : `/${tab}`}`,
  session: (slug: string, id: string) => `/c/${encodeURIComponent(slug)}/s/${encodeURIComponent(id)}`,
  live: (slug: string, id: string) => `/c/${encodeURIComponent(slug)}/s/${encodeURIComponent(id)}/live`,
  people: (slug: string) => `/c/${encodeURIComponent(slug)}/kontakte`,
  contactCall: (slug: string, id: string) => `/c/${encodeURIComponent(slug)}/kontakte/anruf/${encodeURIComponent(id)}`,
  speedCall: (slug: string, id: string) => `/c/${encodeURIComponent(slug)}/kontakte/speed/${encodeURIComponent(id)}`,
  market: (slug: string) => `/c/${encodeURIComponent(slug)}/markt`,
  forum: (slug: string, id: string) => `/c/${encodeURIComponent(slug)}/s/${encodeURIComponent(id)}/forum`,
  moderate: (slug: string, id: string) => `/c/${encodeURIComponent(slug)}/s/${encodeURIComponent(id)}/moderation`,
  backstage: (slug: string, id: string) => `/c/${encodeURIComponent(slug)}/s/${encodeURIComponent(id)}/backstage`,
  captioning: (slug: string, id: string) => `/c/${encodeURIComponent(slug)}/s/${encodeURIComponent(id)}/schriftdolmetschung`,
  hall: (slug: string, id: string) => `/h/${encodeURIComponent(slug)}/${encodeURIComponent(id)}`,
  accessibility: (slug: string) => `/c/${encodeURIComponent(slug)}/barrierefreiheit`,
  projector: (slug: string, id: string) => `/p/${encodeURIComponent(slug)}/${encodeURIComponent(id)}`,
};

const NAVIGATE = 'podium:navigate';

export function navigate(to: string, replace = false): void {
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE));
  window.scrollTo(0, 0);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.pathname, location.search));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.pathname, location.search));
    window.addEventListener('popstate', update);
    window.addEventListener(NAVIGATE, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(NAVIGATE, update);
    };
  }, []);
  return route;
}

/** An ordinary link that navigates without reloading (modifier clicks keep their browser meaning). */
export function Link({ to, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handle} {...rest} />;
}
