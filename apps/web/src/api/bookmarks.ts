import type { BookmarkIds } from '@podium/contracts';
import { ApiError, del, enc, get, put } from './http';

/**
 * "Mein Programm": kept on the server for signed-in people when the api offers it, and always in
 * this browser, so it also works for visitors who have not signed in.
 */
const localKey = (slug: string) => `podium.bookmarks.${slug}`;
const path = (slug: string) => `/api/conferences/${enc(slug)}/bookmarks`;

export function readLocalBookmarks(slug: string): string[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(localKey(slug)) ?? '[]') as unknown;
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function writeLocal(slug: string, ids: string[]): void {
  try {
    localStorage.setItem(localKey(slug), JSON.stringify(ids));
  } catch {
    /* storage disabled */
  }
}

export async function loadBookmarks(slug: string, signedIn: boolean): Promise<string[]> {
  const local = readLocalBookmarks(slug);
  if (!signedIn) return local;
  try {
    const { sessionIds: remote } = await get<BookmarkIds>(path(slug));
    // Bookmarks made before signing in go to the server too: the personal calendar reads only its list.
    const missing = local.filter((id) => !remote.includes(id));
    await Promise.all(missing.map((id) => put(`${path(slug)}/${enc(id)}`).catch((error) => {
      if (!(error instanceof ApiError)) throw error; // a session deleted meanwhile stays local only
    })));
    const merged = [...new Set([...remote, ...local])];
    writeLocal(slug, merged);
    return merged;
  } catch {
    return local;
  }
}

export async function setBookmark(slug: string, sessionId: string, on: boolean, signedIn: boolean): Promise<void> {
  const ids = new Set(readLocalBookmarks(slug));
  if (on) ids.add(sessionId);
  else ids.delete(sessionId);
  writeLocal(slug, [...ids]);
  if (!signedIn) return;
  try {
    if (on) await put(`${path(slug)}/${enc(sessionId)}`);
    else await del(`${path(slug)}/${enc(sessionId)}`);
  } catch (error) {
    // The server list is a convenience; the browser keeps the bookmark either way.
    if (!(error instanceof ApiError)) throw error;
  }
}
