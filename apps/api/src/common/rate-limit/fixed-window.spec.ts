import { FixedWindowCounter } from './fixed-window';

describe('FixedWindowCounter', () => {
  it('counts within a window and starts over after it', () => {
    const counter = new FixedWindowCounter();
    expect(counter.hit('k', 1000, 0).count).toBe(1);
    expect(counter.hit('k', 1000, 500).count).toBe(2);
    expect(counter.hit('other', 1000, 500).count).toBe(1);
    const next = counter.hit('k', 1000, 1000);
    expect(next).toEqual({ count: 1, resetAt: 2000 });
  });
});
