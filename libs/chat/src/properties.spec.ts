import fc from 'fast-check';
import { tokenize } from './text';

describe('tokenize properties', () => {
  it('the tokens spell the text exactly, and every link is http(s)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('https://a.example/x', 'http://', 'javascript:', '<a href=x>', ' ', '.', ')')), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const tokens = tokenize(text);
        expect(tokens.map((t) => t.text).join('')).toBe(text);
        for (const t of tokens) if (t.kind === 'link') expect(t.href).toMatch(/^https?:\/\//);
      }),
    );
  });

  it('no two text tokens in a row', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const kinds = tokenize(text).map((t) => t.kind).join(',');
        expect(kinds).not.toContain('text,text');
      }),
    );
  });
});
