import { CachedLookup } from './cached-lookup';
import { SessionDirectory, toDirectorySession } from './session-directory';
import type { SessionDirectoryRepository, SessionDirectoryRow } from './session-directory-repository';

/** A loader over a hand-written table that counts what it was asked; `fail` makes the next load reject. */
function table(rows: Record<string, string>) {
  const asked: string[] = [];
  let fail = false;
  const load = async (key: string) => {
    asked.push(key);
    if (fail) {
      fail = false;
      throw new Error('database away');
    }
    return rows[key] ?? null;
  };
  return { asked, load, failNext: () => (fail = true) };
}

describe('CachedLookup: one load per key and TTL, misses cached, failures forgotten', () => {
  let now = 1_000_000;
  const clock = () => now;

  it('loads a key once within the TTL and again after it', async () => {
    const t = table({ a: 'Alpha' });
    const cache = new CachedLookup(t.load, { ttlMs: 60_000, now: clock });
    expect(await cache.get('a')).toBe('Alpha');
    now += 60_000;
    expect(await cache.get('a')).toBe('Alpha');
    expect(t.asked).toEqual(['a']);
    now += 1;
    expect(await cache.get('a')).toBe('Alpha');
    expect(t.asked).toEqual(['a', 'a']);
  });

  it('shares one load between concurrent lookups', async () => {
    const t = table({ b: 'Beta' });
    const cache = new CachedLookup(t.load, { ttlMs: 60_000, now: clock });
    expect(await Promise.all([cache.get('b'), cache.get('b'), cache.get('b')])).toEqual(['Beta', 'Beta', 'Beta']);
    expect(t.asked).toEqual(['b']);
  });

  it('caches a miss as null, so unknown keys cost one load per TTL too', async () => {
    const t = table({});
    const cache = new CachedLookup(t.load, { ttlMs: 60_000, now: clock });
    expect(await cache.get('x')).toBeNull();
    expect(await cache.get('x')).toBeNull();
    expect(t.asked).toEqual(['x']);
  });

  it('forgets a failed load: the caller sees the error, the next lookup asks again', async () => {
    const t = table({ c: 'Gamma' });
    const cache = new CachedLookup(t.load, { ttlMs: 60_000, now: clock });
    t.failNext();
    await expect(cache.get('c')).rejects.toThrow('database away');
    expect(await cache.get('c')).toBe('Gamma');
    expect(t.asked).toEqual(['c', 'c']);
  });

  it('takes a younger entry when the caller asks for one (maxAgeMs), never an older one than the TTL', async () => {
    const t = table({ d: 'Delta' });
    const cache = new CachedLookup(t.load, { ttlMs: 60_000, now: clock });
    await cache.get('d');
    now += 4_000;
    await cache.get('d', 5_000);
    expect(t.asked).toEqual(['d']);
    now += 2_000;
    await cache.get('d', 5_000);
    expect(t.asked).toEqual(['d', 'd']);
    now += 61_000;
    await cache.get('d', 120_000);
    expect(t.asked).toEqual(['d', 'd', 'd']);
  });

  it('starts over when full instead of growing without bound; forget drops one key', async () => {
    const t = table({ a: 'A', b: 'B', c: 'C' });
    const cache = new CachedLookup(t.load, { ttlMs: 60_000, maxEntries: 2, now: clock });
    await cache.get('a');
    await cache.get('b');
    await cache.get('c'); // full: a and b are dropped
    await cache.get('c');
    await cache.get('a');
    expect(t.asked).toEqual(['a', 'b', 'c', 'a']);
    cache.forget('a');
    await cache.get('a');
    expect(t.asked).toEqual(['a', 'b', 'c', 'a', 'a']);
  });
});

describe('SessionDirectory: anything but a uuid never reaches the database', () => {
  const ROW: SessionDirectoryRow = {
    id: '0b6f1a52-3c1d-4c55-9e36-3f6b7d0c2a11',
    conference_id: 'c0a80101-0000-4000-8000-000000000001',
    kind: 'forum',
    title: 'Offener Raum',
    status: 'live',
    ends_at: new Date('2031-07-01T12:00:00Z'),
    delay_minutes: 5,
    interactive: true,
    timezone: 'Europe/Berlin',
  };

  it('answers null for non-uuids without a query, and the row for its (upper-case too) id with one', async () => {
    const asked: string[] = [];
    const repository = { byId: async (id: string) => (asked.push(id), id === ROW.id ? ROW : null) } as unknown as SessionDirectoryRepository;
    const directory = new SessionDirectory(repository);
    for (const bad of ['', 'x', "' OR 1=1 --", 42, null, undefined, { id: ROW.id }]) expect(await directory.lookup(bad)).toBeNull();
    expect(asked).toEqual([]);
    expect(await directory.lookup(ROW.id.toUpperCase())).toEqual({
      id: '0b6f1a52-3c1d-4c55-9e36-3f6b7d0c2a11',
      conferenceId: 'c0a80101-0000-4000-8000-000000000001',
      kind: 'forum',
      title: 'Offener Raum',
      timeZone: 'Europe/Berlin',
      status: 'live',
      endsAtMs: Date.UTC(2031, 6, 1, 12, 0, 0),
      delayMinutes: 5,
      interactive: true,
    });
    await directory.lookup(ROW.id);
    expect(asked).toEqual([ROW.id]);
  });

  it('maps a row field by field', () => {
    expect(toDirectorySession({ ...ROW, kind: 'talk', interactive: false }).interactive).toBe(false);
  });
});
