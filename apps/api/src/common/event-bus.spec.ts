import { Logger } from '@nestjs/common';
import { EventBus } from './event-bus';

describe('EventBus', () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined));

  it('delivers in publish order to every listener, also after one of them throws', () => {
    const bus = new EventBus<number>('test');
    const seen: string[] = [];
    bus.subscribe((n) => seen.push(`a${n}`));
    bus.subscribe(() => {
      throw new Error('broken listener');
    });
    bus.subscribe((n) => seen.push(`c${n}`));
    expect(() => {
      bus.publish(1);
      bus.publish(2);
    }).not.toThrow();
    expect(seen).toEqual(['a1', 'c1', 'a2', 'c2']);
  });

  it('stops delivering once unsubscribed', () => {
    const bus = new EventBus<string>('test');
    const seen: string[] = [];
    const stop = bus.subscribe((s) => seen.push(s));
    bus.publish('x');
    stop();
    bus.publish('y');
    expect(seen).toEqual(['x']);
  });
});
