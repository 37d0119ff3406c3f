import { eventTimeMs } from './webhook.service';

describe('eventTimeMs', () => {
  it('places an event at the end of its whole second, never after it was received', () => {
    expect(eventTimeMs({ createdAt: 1767261660n }, 1767261700_000)).toBe(1767261660_999);
    expect(eventTimeMs({ createdAt: 1767261660n }, 1767261660_250)).toBe(1767261660_250);
    expect(eventTimeMs({ createdAt: 0n }, 42)).toBe(42);
  });
});
