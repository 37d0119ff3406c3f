import { parseChoice } from './choice';

describe('parseChoice', () => {
  it('keeps a language tag and falls back to the floor for anything else', () => {
    expect(parseChoice('en')).toBe('en');
    expect(parseChoice('en-GB')).toBe('en-GB');
    expect(parseChoice(null)).toBeNull();
    expect(parseChoice('')).toBeNull();
    expect(parseChoice('<script>')).toBeNull();
  });
});
