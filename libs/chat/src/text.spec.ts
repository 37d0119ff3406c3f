import { normaliseText, textProblem, tokenize } from './text';

describe('tokenize: plain text, links as tokens, never HTML', () => {
  it.each([
    ['hello', [{ kind: 'text', text: 'hello' }]],
    ['<b>bold</b><script>alert(1)</script>', [{ kind: 'text', text: '<b>bold</b><script>alert(1)</script>' }]],
    [
      'see https://example.org/a?b=1. ok',
      [
        { kind: 'text', text: 'see ' },
        { kind: 'link', text: 'https://example.org/a?b=1', href: 'https://example.org/a?b=1', host: 'example.org' },
        { kind: 'text', text: '. ok' },
      ],
    ],
    ['(http://Example.ORG)', [{ kind: 'text', text: '(' }, { kind: 'link', text: 'http://Example.ORG', href: 'http://example.org/', host: 'example.org' }, { kind: 'text', text: ')' }]],
    ['javascript:alert(1)', [{ kind: 'text', text: 'javascript:alert(1)' }]],
    ['data:text/html,<h1>x</h1>', [{ kind: 'text', text: 'data:text/html,<h1>x</h1>' }]],
    ['https://user:pw@evil.example/', [{ kind: 'text', text: 'https://user:pw@evil.example/' }]],
    ['https://a.example/"onmouseover="x', [{ kind: 'link', text: 'https://a.example/', href: 'https://a.example/', host: 'a.example' }, { kind: 'text', text: '"onmouseover="x' }]],
    ['', []],
  ])('%s', (text, expected) => {
    expect(tokenize(text)).toEqual(expected);
  });
});

describe('normaliseText and textProblem', () => {
  it('removes control and bidi override characters, trims, caps blank lines', () => {
    expect(normaliseText('  a\u0000b\u202ec\r\n\n\n\n\nd  ')).toBe('abc\n\n\nd');
  });
  it('accepts 1 to 1000 characters (code points), refuses empty and longer', () => {
    expect(textProblem('')).toBe('A message needs some text');
    expect(textProblem('x')).toBeNull();
    expect(textProblem('x'.repeat(1000))).toBeNull();
    expect(textProblem('😀'.repeat(1000))).toBeNull();
    expect(textProblem('x'.repeat(1001))).toBe('A message has at most 1000 characters');
  });
});
