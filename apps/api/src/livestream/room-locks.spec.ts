import { RoomLocks } from './room-locks';

describe('RoomLocks', () => {
  it('runs jobs of one room one after another, other rooms alongside, and survives failures', async () => {
    const locks = new RoomLocks();
    const log: string[] = [];
    const job = (name: string, ms: number, fail = false) => async () => {
      log.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, ms));
      log.push(`end ${name}`);
      if (fail) throw new Error(name);
    };
    await Promise.allSettled([locks.run('a', job('a1', 20, true)), locks.run('a', job('a2', 1)), locks.run('b', job('b1', 5))]);
    expect(log).toEqual(['start a1', 'start b1', 'end b1', 'end a1', 'start a2', 'end a2']);
  });
});
