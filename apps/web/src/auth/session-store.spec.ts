import { readSession, SESSION_KEY, writeSession } from './session-store';

/** The browser's localStorage, in memory (or failing like a disabled one). */
function installStorage(items: Record<string, string> = {}, disabled = false): Map<string, string> {
  const map = new Map(Object.entries(items));
  const fail = () => {
    throw new Error('SecurityError: storage is disabled');
  };
  const storage = {
    getItem: (key: string) => (disabled ? fail() : (map.get(key) ?? null)),
    setItem: (key: string, value: string) => (disabled ? fail() : void map.set(key, value)),
    removeItem: (key: string) => (disabled ? fail() : void map.delete(key)),
  };
  Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
  return map;
}

afterEach(() => delete (globalThis as { localStorage?: unknown }).localStorage);

describe('the stored sign-in', () => {
  it('is kept under podium.session', () => {
    expect(SESSION_KEY).toBe('podium.session');
  });

  it('reads what was written, and nothing after signing out', () => {
    const map = installStorage();
    writeSession({ token: 'abc.def', displayName: 'Anna Beispiel' });
    expect(map.get('podium.session')).toBe('{"token":"abc.def","displayName":"Anna Beispiel"}');
    expect(readSession()).toEqual({ token: 'abc.def', displayName: 'Anna Beispiel' });
    writeSession(null);
    expect(map.has('podium.session')).toBe(false);
    expect(readSession()).toBeNull();
  });

  it.each<[string, string, { token: string; displayName: string } | null]>([
    ['not JSON', '{token', null],
    ['no token', '{"displayName":"Anna"}', null],
    ['an empty token', '{"token":"","displayName":"Anna"}', null],
    ['a token that is not text', '{"token":42,"displayName":"Anna"}', null],
    ['no name', '{"token":"abc"}', { token: 'abc', displayName: '' }],
    ['a name that is not text', '{"token":"abc","displayName":7}', { token: 'abc', displayName: '7' }],
  ])('reads a stored value with %s as %j', (_what, stored, expected) => {
    installStorage({ 'podium.session': stored });
    expect(readSession()).toEqual(expected);
  });

  it('works without storage (disabled by the browser): nobody is signed in, and writing does not throw', () => {
    installStorage({}, true);
    expect(readSession()).toBeNull();
    expect(() => writeSession({ token: 'abc', displayName: 'Anna' })).not.toThrow();
    expect(() => writeSession(null)).not.toThrow();
  });
});
