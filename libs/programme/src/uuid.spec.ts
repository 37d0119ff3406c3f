import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { PODIUM_NAMESPACE, sha1, toHex, uuidV5 } from './uuid';

const DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
const URL_NS = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

describe('sha1 and uuidV5 without node:crypto', () => {
  it('hashes like node:crypto for any text, across block boundaries (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(toHex(sha1(text))).toBe(createHash('sha1').update(text, 'utf8').digest('hex'));
      }),
      { numRuns: 300 },
    );
    for (const n of [0, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      expect(toHex(sha1('a'.repeat(n)))).toBe(createHash('sha1').update('a'.repeat(n)).digest('hex'));
    }
  });

  it('gives the RFC 4122 version-5 UUID (known vector)', () => {
    expect(uuidV5('www.example.com', DNS)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('has a namespace that is itself a version-5 UUID of its URL, and is stable', () => {
    expect(PODIUM_NAMESPACE).toBe(uuidV5('https://podium.invalid/', URL_NS));
    expect(uuidV5('buko-2018/session/welcome')).toBe(uuidV5('buko-2018/session/welcome'));
    expect(uuidV5('buko-2018/session/welcome')).not.toBe(uuidV5('buko-2018/session/closing'));
    expect(uuidV5('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
