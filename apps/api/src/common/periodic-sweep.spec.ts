import { PeriodicSweep } from './periodic-sweep';

describe('PeriodicSweep', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('never starts a sweep while one runs, reports a failure and goes on, and stop() waits for the running one', async () => {
    const ends: (() => void)[] = [];
    const errors: string[] = [];
    let calls = 0;
    const sweep = new PeriodicSweep(
      1000,
      () => {
        calls++;
        if (calls === 2) return Promise.reject(new Error('database gone'));
        return new Promise<void>((resolve) => ends.push(resolve));
      },
      (e) => errors.push(e.message),
    );
    sweep.start();
    jest.advanceTimersByTime(3000); // three ticks, but the first sweep still runs
    expect(calls).toBe(1);
    ends[0]();
    await Promise.resolve();
    await Promise.resolve();
    jest.advanceTimersByTime(1000);
    await Promise.resolve();
    await Promise.resolve();
    expect(errors).toEqual(['database gone']);
    jest.advanceTimersByTime(1000);
    expect(calls).toBe(3);
    let stopped = false;
    const stopping = sweep.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    ends[1]();
    await stopping;
    jest.advanceTimersByTime(5000);
    expect(calls).toBe(3);
  });
});
