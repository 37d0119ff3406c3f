import { normaliseDisplayName, sameDisplayName } from './names';

describe('display names', () => {
  it('keeps display names to one short visible line', () => {
    expect(normaliseDisplayName('  Anna \n Muster ')).toBe('Anna Muster');
    expect(normaliseDisplayName('\u0007')).toBeNull();
    expect(normaliseDisplayName('x'.repeat(81))).toBeNull();
    expect(normaliseDisplayName('x'.repeat(80))).toBe('x'.repeat(80));
  });

  it('composes to NFC: a decomposed umlaut becomes the single character', () => {
    expect(normaliseDisplayName('Mu\u0308ller')).toBe('M\u00fcller');
  });

  it('drops bidi controls so a name cannot reorder itself', () => {
    expect(normaliseDisplayName('Anna\u202Eabc')).toBe('Annaabc');
    for (const c of ['\u202A', '\u202B', '\u202C', '\u202D', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C']) {
      expect(normaliseDisplayName(`A${c}B`)).toBe('AB');
    }
  });

  it('drops invisible characters and refuses a name made only of them', () => {
    for (const c of ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\uFE0F', '\u{E0100}']) {
      expect(normaliseDisplayName(`Bo${c}b`)).toBe('Bob');
    }
    expect(normaliseDisplayName('\u200B\u200D\u202E\uFEFF \u00AD')).toBeNull();
  });

  it('counts characters, not UTF-16 units: 80 emoji are allowed, 81 are not', () => {
    expect(normaliseDisplayName('\u{1F600}'.repeat(80))).not.toBeNull();
    expect(normaliseDisplayName('\u{1F600}'.repeat(81))).toBeNull();
  });

  it('finds names that read the same', () => {
    expect(sameDisplayName('Annette Widmann-Mauz', 'annette  widmann-MAUZ')).toBe(true);
    expect(sameDisplayName('Annette\u200B Widmann-Mauz', 'Annette Widmann-Mauz')).toBe(true);
    expect(sameDisplayName('Moderation BuKo', 'Moderation BuKo (Gast)')).toBe(false);
    expect(sameDisplayName('\u200B', '')).toBe(false);
  });
});
