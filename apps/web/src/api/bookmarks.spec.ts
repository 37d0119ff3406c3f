import { loadBookmarks, readLocalBookmarks, setBookmark } from './bookmarks';

/** The browser's localStorage, in memory. */
function installStorage(items: Record<string, string> = {}): Map<string, string> {
  const map = new Map(Object.entries(items));
  const storage = { getItem: (key: string) => map.get(key) ?? null, setItem: (key: string, value: string) => void map.set(key, value), removeItem: (key: string) => void map.delete(key) };
  Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
  return map;
}

// Visitors who are not signed in keep their bookmarks in this browser only: no request may go out.
const fetchSpy = jest.fn(() => Promise.reject(new Error('no request expected')));
beforeEach(() => Object.defineProperty(globalThis, 'fetch', { value: fetchSpy, configurable: true, writable: true }));
afterEach(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage;
  fetchSpy.mockClear();
});

describe('bookmarks kept in this browser ("Mein Programm" without signing in)', () => {
  it('reads the ids stored per conference, dropping anything that is not an id', () => {
    installStorage({ 'podium.bookmarks.buko-2020': '["s-1", 7, null, "s-2"]', 'podium.bookmarks.other': '["x"]' });
    expect(readLocalBookmarks('buko-2020')).toEqual(['s-1', 's-2']);
  });

  it.each([
    ['nothing stored', {}],
    ['broken JSON', { 'podium.bookmarks.buko-2020': '["s-1"' }],
    ['an object instead of a list', { 'podium.bookmarks.buko-2020': '{"s-1":true}' }],
  ])('reads %s as no bookmarks', (_what, items) => {
    installStorage(items);
    expect(readLocalBookmarks('buko-2020')).toEqual([]);
  });

  it('adds and removes a bookmark locally, once each, without asking the server', async () => {
    const map = installStorage({ 'podium.bookmarks.buko-2020': '["s-1"]' });
    await setBookmark('buko-2020', 's-2', true, false);
    await setBookmark('buko-2020', 's-2', true, false);
    expect(map.get('podium.bookmarks.buko-2020')).toBe('["s-1","s-2"]');
    await setBookmark('buko-2020', 's-1', false, false);
    expect(map.get('podium.bookmarks.buko-2020')).toBe('["s-2"]');
    await expect(loadBookmarks('buko-2020', false)).resolves.toEqual(['s-2']);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('signed in: joins the server list and the local one (server first, no duplicates) and keeps the union locally', async () => {
    const map = installStorage({ 'podium.bookmarks.buko-2020': '["s-1","s-2"]' });
    fetchSpy.mockImplementationOnce(() => Promise.resolve(new Response('{"sessionIds":["s-3","s-1"]}', { status: 200 })) as never);
    await expect(loadBookmarks('buko-2020', true)).resolves.toEqual(['s-3', 's-1', 's-2']);
    expect(map.get('podium.bookmarks.buko-2020')).toBe('["s-3","s-1","s-2"]');
    expect((fetchSpy.mock.calls[0] as unknown[])[0]).toBe('/api/conferences/buko-2020/bookmarks');
  });

  it('falls back to the local list when the server cannot be asked', async () => {
    installStorage({ 'podium.bookmarks.buko-2020': '["s-1"]' });
    await expect(loadBookmarks('buko-2020', true)).resolves.toEqual(['s-1']);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });
});
