import { jsonTextTooDeep, valueTooDeep } from './json-depth';

const bytes = (s: string) => Buffer.from(s);

describe('JSON depth', () => {
  it('counts brackets outside strings only', () => {
    expect(jsonTextTooDeep(bytes('[[[1]]]'), 3)).toBe(false);
    expect(jsonTextTooDeep(bytes('[[[[1]]]]'), 3)).toBe(true);
    expect(jsonTextTooDeep(bytes('{"a":{"b":{"c":1}}}'), 3)).toBe(false);
    expect(jsonTextTooDeep(bytes('{"a":{"b":{"c":{}}}}'), 3)).toBe(true);
    // Brackets inside strings, also after an escaped quote, do not count.
    expect(jsonTextTooDeep(bytes('{"x":"[[[[[[\\"[[[[[["}'), 3)).toBe(false);
    // Siblings do not add up: depth, not count.
    expect(jsonTextTooDeep(bytes('[[1],[2],[3],[4],[5]]'), 2)).toBe(false);
  });

  it('refuses 100,000 nested arrays without a stack overflow', () => {
    expect(jsonTextTooDeep(bytes('['.repeat(100_000) + ']'.repeat(100_000)))).toBe(true);
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(valueTooDeep(deep)).toBe(true);
  });

  it('measures parsed values the same way', () => {
    expect(valueTooDeep({ a: { b: { c: 1 } } }, 3)).toBe(false);
    expect(valueTooDeep({ a: { b: { c: {} } } }, 3)).toBe(true);
    expect(valueTooDeep([[1], [2], { x: 'y' }], 2)).toBe(false);
    expect(valueTooDeep('[[[[[[[', 1)).toBe(false);
    expect(valueTooDeep(null, 0)).toBe(false);
  });
});
