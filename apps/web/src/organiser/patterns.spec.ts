import { SLUG_PATTERN } from './patterns';

describe('HTML patterns', () => {
  // Browsers build `new RegExp('^(?:' + pattern + ')$', 'v')`; an invalid pattern means no validation at all.
  const asBrowser = (pattern: string) => new RegExp(`^(?:${pattern})$`, 'v');

  it('the slug pattern compiles with the v flag and accepts what the api accepts (a letter or digit first, at most 63)', () => {
    const slug = asBrowser(SLUG_PATTERN);
    expect(['buko-2020', 'probebuehne', 'a1'].map((s) => slug.test(s))).toEqual([true, true, true]);
    expect(['BuKo', 'buko 2020', 'bükö', '', '-buko', 'a'.repeat(64)].map((s) => slug.test(s))).toEqual([false, false, false, false, false, false]);
    expect(slug.test('a'.repeat(63))).toBe(true);
  });

  it('the old pattern was invalid under the v flag (why the constant exists)', () => {
    expect(() => asBrowser('[a-z0-9-]+')).toThrow(SyntaxError);
  });
});
