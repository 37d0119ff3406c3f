import { DomainError } from '@podium/contracts';
import { Deadlines, type DeadlinesOptions } from './deadlines';

describe('Deadlines', () => {
  let clock = 0;
  let ticks: string[];
  let appended: number;
  let due: { id: string; deadline: number }[];
  let next: number | null;
  const make = (overrides: Partial<DeadlinesOptions> = {}) => {
    ticks = [];
    return new Deadlines({
      tick: async (id) => {
        ticks.push(`${id}@${clock}`);
        return { events: Array.from({ length: appended }) };
      },
      nextDeadline: () => next,
      due: async () => due,
      isRefusal: (e) => e instanceof DomainError,
      onError: () => undefined,
      now: () => clock,
      ...overrides,
    });
  };
  const advance = async (ms: number) => {
    clock += ms;
    await jest.advanceTimersByTimeAsync(ms);
  };
  beforeEach(() => {
    jest.useFakeTimers();
    clock = 1_000_000;
    appended = 1;
    due = [];
    next = null;
  });
  afterEach(() => jest.useRealTimers());

  it('ticks once at the armed deadline', async () => {
    const d = make();
    d.arm('a', 1_000_500, true);
    await advance(499);
    expect(ticks).toEqual([]);
    await advance(1);
    expect(ticks).toEqual(['a@1000500']);
    d.stop();
  });

  it('lets the sweep move a timer earlier but never later; a commit moves it either way', () => {
    const d = make();
    d.arm('a', 1_000_500, true);
    d.arm('a', 1_000_900, false);
    expect(d.armedAt('a')).toBe(1_000_500);
    d.arm('a', 1_000_200, false);
    expect(d.armedAt('a')).toBe(1_000_200);
    d.arm('a', 1_000_900, true);
    expect(d.armedAt('a')).toBe(1_000_900);
    d.arm('a', null, true);
    expect(d.armedAt('a')).toBeNull();
    d.stop();
  });

  it('arms what the sweep finds due within two sweep periods', async () => {
    due = [{ id: 'b', deadline: 1_001_000 }];
    const d = make();
    d.start();
    await advance(0);
    expect(d.armedAt('b')).toBe(1_001_000);
    d.stop();
    expect(d.armedAt('b')).toBeNull();
  });

  it('backs off 1 s when an overdue tick changed nothing and the deadline still stands', async () => {
    appended = 0;
    next = 1_000_100;
    const d = make();
    d.arm('a', 1_000_100, true);
    await advance(100);
    expect(ticks).toEqual(['a@1000100']);
    expect(d.armedAt('a')).toBe(1_001_100);
    d.stop();
  });

  it('stays quiet about refused ticks and reports other failures', async () => {
    const errors: string[] = [];
    const d = make({ tick: async (id) => Promise.reject(id === 'a' ? new DomainError('CONFLICT', 'not running') : new Error('database away')), onError: (m) => errors.push(m) });
    d.arm('a', clock, true);
    d.arm('b', clock, true);
    await advance(0);
    expect(errors).toEqual(['tick of b failed (the sweep retries)']);
    d.stop();
  });
});
