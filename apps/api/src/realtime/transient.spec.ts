import { DomainError } from '@podium/contracts';
import { isTransient, retryTransient } from './transient';

describe('retryTransient', () => {
  const failingTimes = (times: number, error: unknown) => {
    let calls = 0;
    const work = async () => {
      calls++;
      if (calls <= times) throw error;
      return 'answer';
    };
    return { work, calls: () => calls };
  };

  it('tries again while the database is briefly away, then answers', async () => {
    const pool = failingTimes(2, new Error('timeout exceeded when trying to connect'));
    await expect(retryTransient(pool.work, [1, 1, 1])).resolves.toBe('answer');
    expect(pool.calls()).toBe(3);
  });

  it('gives up after the last wait and passes the error on', async () => {
    const down = failingTimes(10, Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    await expect(retryTransient(down.work, [1, 1])).rejects.toThrow('ECONNREFUSED');
    expect(down.calls()).toBe(3);
  });

  it('does not repeat a refusal or our own bug', async () => {
    const refused = failingTimes(1, new DomainError('UNAUTHENTICATED', 'no'));
    await expect(retryTransient(refused.work, [1])).rejects.toThrow('no');
    expect(refused.calls()).toBe(1);
    const bug = failingTimes(1, new TypeError("Cannot read properties of undefined (reading 'x')"));
    await expect(retryTransient(bug.work, [1])).rejects.toThrow(TypeError);
    expect(bug.calls()).toBe(1);
  });

  it.each([
    ['too many connections', { code: '53300' }, true],
    ['serialisation failure', { code: '40001' }, true],
    ['deadlock', { driverError: { code: '40P01' } }, true],
    ['the database system is starting up', { code: '57P03' }, true],
    ['unique violation', { code: '23505' }, false],
    ['nothing', null, false],
  ])('%s is transient: %s', (_name, error, expected) => {
    expect(isTransient(error)).toBe(expected);
  });
});
