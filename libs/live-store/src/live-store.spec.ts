import { DomainError } from '@podium/contracts';
import { LiveStore, type Committed } from './live-store';
import { MemoryEventLog } from './memory-log';
import { COUNTER, type CounterCommand, type CounterEvent, type CounterState } from './testing-counter';

const quiet = { warn: () => undefined, error: () => undefined };
const afterCommit = () => new Promise((resolve) => setImmediate(resolve));

function setup(boot?: (id: string) => Promise<CounterCommand | null>) {
  const log = new MemoryEventLog<CounterEvent>();
  const warnings: string[] = [];
  const store = new LiveStore<CounterState, CounterCommand, CounterEvent>({
    name: 'counter',
    aggregate: COUNTER,
    log,
    logger: { warn: (m) => warnings.push(m), error: () => undefined },
    boot,
    now: () => 1000,
  });
  const committed: Committed<CounterState, CounterEvent>[] = [];
  store.onCommitted((c) => committed.push(c));
  return { log, store, committed, warnings };
}

describe('LiveStore', () => {
  it('runs commands in order and answers each with the version after it', async () => {
    const { store } = setup();
    const results = await Promise.all([store.submit('a', { type: 'add', by: 2 }), store.submit('a', { type: 'add', by: 3 })]);
    expect(results.map((r) => r.version)).toEqual([1, 2]);
    expect((await store.current('a')).value).toBe(5);
  });

  it('group-commits a burst: the commands queued while a transaction runs share the next one', async () => {
    const { store, log } = setup();
    const first = store.submit('a', { type: 'add', by: 1 });
    const burst = Array.from({ length: 10 }, () => store.submit('a', { type: 'add', by: 1 }));
    await Promise.all([first, ...burst]);
    // One transaction for the first command, one for the ten behind it.
    expect(log.transactions).toBe(2);
    expect((await store.current('a')).value).toBe(11);
  });

  it('rejects a refused command with its DomainError and still commits the others of the batch', async () => {
    const { store } = setup();
    await store.submit('a', { type: 'add', by: 1 });
    const outcomes = await Promise.allSettled([store.submit('a', { type: 'add', by: -5 }), store.submit('a', { type: 'add', by: 4 })]);
    expect(outcomes[0]).toMatchObject({ status: 'rejected', reason: expect.any(DomainError) });
    expect(outcomes[1]).toEqual({ status: 'fulfilled', value: { version: 2, events: [{ type: 'added', by: 4, at: 1000, actor: 'me' }] } });
    expect(await store.log('a')).toHaveLength(2);
  });

  it('tells the listeners after the commit, with the version before the batch', async () => {
    const { store, committed } = setup();
    await store.submit('a', { type: 'add', by: 1 });
    await store.submit('a', { type: 'add', by: 2 });
    await afterCommit();
    expect(committed.map((c) => [c.id, c.from, c.events.length, c.state.value])).toEqual([
      ['a', 0, 1, 1],
      ['a', 1, 1, 3],
    ]);
  });

  it('catches up with appends of another process on read and before deciding', async () => {
    const { store, log } = setup();
    await store.submit('a', { type: 'add', by: 1 });
    log.appendDirectly('a', [{ type: 'added', by: 10, at: 5, actor: 'other' }]);
    expect(store.cached('a')?.value).toBe(1);
    expect((await store.current('a')).value).toBe(11);
    log.appendDirectly('a', [{ type: 'added', by: 100, at: 6, actor: 'other' }]);
    expect(await store.submit('a', { type: 'add', by: 1 })).toMatchObject({ version: 4 });
    expect(store.cached('a')?.value).toBe(112);
  });

  it('decides the first-use command before the first command on an empty log, and only logs its refusal', async () => {
    const booted = setup(async () => ({ type: 'add', by: 7 }));
    expect(await booted.store.submit('a', { type: 'add', by: 1 })).toMatchObject({ version: 2 });
    expect((await booted.store.current('a')).value).toBe(8);

    const refused = setup(async () => ({ type: 'add', by: -1 }));
    expect(await refused.store.submit('a', { type: 'add', by: 1 })).toMatchObject({ version: 1 });
    expect(refused.warnings).toEqual(['counter a: first-use command refused: below zero']);
  });

  it('keeps aggregates apart', async () => {
    const { store } = setup();
    await Promise.all([store.submit('a', { type: 'add', by: 1 }), store.submit('b', { type: 'add', by: 2 })]);
    expect([(await store.current('a')).value, (await store.current('b')).value]).toEqual([1, 2]);
  });

  it('writes the summary to the row: the deadline the timers sweep for', async () => {
    const { store, log } = setup();
    await store.submit('a', { type: 'close-at', at: 5000 });
    expect(await log.due(4999)).toEqual([]);
    expect(await log.due(5000)).toEqual([{ id: 'a', deadline: 5000 }]);
  });

  it('gives a failing log to every job of the batch and recovers on the next', async () => {
    const { store, log } = setup();
    await store.submit('a', { type: 'add', by: 1 });
    const original = log.transaction.bind(log);
    log.transaction = () => Promise.reject(new Error('database away'));
    await expect(store.submit('a', { type: 'add', by: 1 })).rejects.toThrow('database away');
    log.transaction = original;
    expect(await store.submit('a', { type: 'add', by: 1 })).toMatchObject({ version: 2 });
  });
});
