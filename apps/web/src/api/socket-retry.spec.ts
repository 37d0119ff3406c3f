import { isRetryable, retryDelayMs } from './socket-retry';

describe('when a live socket tries again by itself', () => {
  it.each([
    ['UNAVAILABLE', true],
    ['INTERNAL', true],
    ['RATE_LIMITED', true],
    ['UNAUTHENTICATED', false],
    ['FORBIDDEN', false],
    ['NOT_FOUND', false],
    ['VALIDATION', false],
    [undefined, false],
  ])('%s: retry %s', (code, retry) => {
    expect(isRetryable(code)).toBe(retry);
  });

  it('backs off 0.5, 1, 2, 4 s, then stays at 8 s (middle of the jitter)', () => {
    const middle = () => 0.5;
    expect([0, 1, 2, 3, 4, 5, 10].map((attempt) => retryDelayMs(attempt, middle))).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
  });

  it('jitters by a quarter either way', () => {
    expect([retryDelayMs(2, () => 0), retryDelayMs(2, () => 1)]).toEqual([1500, 2500]);
  });
});
