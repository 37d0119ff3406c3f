import { SLUG_PATTERN } from './patterns';

describe('HTML patterns', () => {
  // Browsers build `new RegExp('^(?:' + pattern + ')$', 'v')`; an invalid pattern means no validation at all.
  const asBrowser = (pattern: string) => new RegExp(`^(?:${pattern})$`, 'v');

  it('the slug pattern compiles with the v flag and accepts what the api accepts', () => {
    const slug = asBrowser(SLUG_PATTERN);
    expect(['buko-2020', 'probebuehne', 'a1'].map((s) => slug.test(s))).toEqual([true, true, true]);
    expect(['BuKo', 'buko 2020', 'bükö', ''].map((s) => slug.test(s))).toEqual([false, false, false, false]);
  });

  it('the old pattern was invalid under the v flag (why the constant exists)', () => {
    expect(() => asBrowser('[a-z0-9-]+')).toThrow(SyntaxError);
  });
});
