import { Coalescer } from './coalescer';

describe('Coalescer', () => {
  let clock = 0;
  let cost = 0;
  let flushes: [string, number[]][];
  const make = () => {
    flushes = [];
    return new Coalescer<number>({
      flush: (id, changes) => {
        flushes.push([id, changes]);
        clock += cost;
      },
      onError: () => undefined,
      now: () => clock,
      cost: () => clock,
    });
  };
  beforeEach(() => {
    jest.useFakeTimers();
    clock = 10_000;
    cost = 0;
  });
  afterEach(() => jest.useRealTimers());
  const advance = (ms: number) => {
    clock += ms;
    jest.advanceTimersByTime(ms);
  };

  it('flushes an isolated change at once', () => {
    const c = make();
    c.push('a', [1]);
    expect(flushes).toEqual([['a', [1]]]);
  });

  it('coalesces a burst into one flush after 100 ms, in order', () => {
    const c = make();
    c.push('a', [1]);
    c.push('a', [2]);
    c.push('a', [3, 4]);
    expect(flushes).toEqual([['a', [1]]]);
    advance(99);
    expect(flushes).toHaveLength(1);
    advance(1);
    expect(flushes).toEqual([['a', [1]], ['a', [2, 3, 4]]]);
  });

  it('keeps aggregates apart', () => {
    const c = make();
    c.push('a', [1]);
    c.push('b', [2]);
    expect(flushes).toEqual([['a', [1]], ['b', [2]]]);
  });

  it('stretches the interval to twice the cost of the last flush, at most 1 s', () => {
    const c = make();
    cost = 300;
    c.push('a', [1]); // costs 300 ms: the next flush waits 600 ms from its end
    c.push('a', [2]);
    advance(599);
    expect(flushes).toHaveLength(1);
    advance(1);
    expect(flushes).toHaveLength(2);
    cost = 0;
    c.push('a', [3]); // the last flush cost 300 too: again 600 ms after it
    advance(599);
    expect(flushes).toHaveLength(2);
    advance(1);
    expect(flushes).toEqual([['a', [1]], ['a', [2]], ['a', [3]]]);
  });

  it('reports a failing flush and goes on', () => {
    const errors: string[] = [];
    const c = new Coalescer<number>({
      flush: () => {
        throw new Error('boom');
      },
      onError: (id, e) => errors.push(`${id}: ${(e as Error).message}`),
      now: () => clock,
    });
    c.push('a', [1]);
    expect(errors).toEqual(['a: boom']);
  });
});
