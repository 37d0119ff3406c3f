import { safeNextPath } from './next-path';

describe('the page a sign-in link continues to', () => {
  it.each([
    ['/c/buko-2020/s/abc/moderation', '/c/buko-2020/s/abc/moderation'],
    ['/c/buko-2020/organisation?tab=1#x', '/c/buko-2020/organisation?tab=1#x'],
    ['/', '/'],
  ])('keeps the same-site path %s', (raw, next) => {
    expect(safeNextPath(raw)).toBe(next);
  });

  it.each([
    [undefined],
    [''],
    [['/c/a', '/c/b']],
    ['https://evil.example/'],
    ['//evil.example/'],
    ['/\\evil.example/'],
    ['javascript:alert(1)'],
    ['/c/a b'],
    ['/c/\u0000a'],
    ['/api/auth/signin.js'],
    ['/signin/abc'],
    ['/' + 'a'.repeat(600)],
  ])('falls back to the start page for %j', (raw) => {
    expect(safeNextPath(raw)).toBe('/');
  });
});
