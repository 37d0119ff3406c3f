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

  it('stretches the interval to twice the cost of the last flush, counted from its start', () => {
    const c = make();
    cost = 300;
    c.push('a', [1]); // 10,000 to 10,300: the next flush may start at 10,600
    c.push('a', [2]);
    advance(299);
    expect(flushes).toHaveLength(1);
    advance(1);
    expect(flushes).toHaveLength(2); // 10,600 to 10,900
    cost = 0;
    c.push('a', [3]); // the last flush cost 300 too: at 11,200, 300 ms after its end
    advance(299);
    expect(flushes).toHaveLength(2);
    advance(1);
    expect(flushes).toEqual([['a', [1]], ['a', [2]], ['a', [3]]]);
  });

  it('sends a change at once when the last flush is twice its cost ago (the 10,000-client round)', () => {
    const c = make();
    cost = 150;
    c.push('a', [1]); // 10,000 to 10,150
    advance(150); // 10,300: 300 ms after its start
    c.push('a', [2]);
    expect(flushes).toEqual([['a', [1]], ['a', [2]]]);
  });

  it('pauses at most 1 s after a flush that cost more than that', () => {
    const c = make();
    cost = 1500;
    c.push('a', [1]); // 10,000 to 11,500; twice the cost would be 13,000
    c.push('a', [2]);
    advance(999);
    expect(flushes).toHaveLength(1);
    advance(1); // 12,500
    expect(flushes).toHaveLength(2);
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
