import { ConcurrentSockets } from './concurrent-sockets';

describe('ConcurrentSockets without Redis', () => {
  const caps = new ConcurrentSockets(null);
  afterAll(() => caps.onModuleDestroy());

  it('admits up to the limit per key, refuses the next, and frees a place on release', async () => {
    expect(await caps.claim('p:anna', 's1', 2)).toBe(true);
    expect(await caps.claim('p:anna', 's2', 2)).toBe(true);
    expect(await caps.claim('p:anna', 's3', 2)).toBe(false);
    // Another key has its own count.
    expect(await caps.claim('p:ben', 's3', 2)).toBe(true);
    await caps.release('p:anna', 's1');
    expect(await caps.claim('p:anna', 's3', 2)).toBe(true);
    // Releasing twice (disconnect and connection close) frees one place only.
    await caps.release('p:anna', 's2');
    await caps.release('p:anna', 's2');
    expect(await caps.claim('p:anna', 's4', 2)).toBe(true);
    expect(await caps.claim('p:anna', 's5', 2)).toBe(false);
  });
});
