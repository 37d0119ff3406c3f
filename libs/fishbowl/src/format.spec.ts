import { counted } from './format';

describe('counted: the noun in the plural form of the language', () => {
  it.each([
    ['de', 0, '0 Stimmen'],
    ['de', 1, '1 Stimme'],
    ['de', 2, '2 Stimmen'],
    ['de', 21, '21 Stimmen'],
    ['en', 0, '0 votes'],
    ['en', 1, '1 vote'],
    ['en', 11, '11 votes'],
  ] as const)('%s %i', (lang, n, expected) => {
    expect(counted(lang, n, lang === 'de' ? { one: 'Stimme', other: 'Stimmen' } : { one: 'vote', other: 'votes' })).toBe(expected);
  });
});
