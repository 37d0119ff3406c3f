import { handover, interpreterAttributes, isSignLanguage, parseLanguagePair } from '.';

describe('language pairs', () => {
  it('accepts BCP 47 tags and refuses the rest with the field named', () => {
    expect(parseLanguagePair({ from: 'de', to: 'en-GB' })).toEqual({ from: 'de', to: 'en-GB' });
    expect(() => parseLanguagePair({ from: 'de', to: 'de' })).toThrow('to: must differ');
    expect(() => parseLanguagePair({ from: 'Deutsch', to: 'en' })).toThrow('from: must be a language tag');
    expect(() => parseLanguagePair({ from: 'de', to: 'en', live: true })).toThrow('live: not allowed');
    expect(() => parseLanguagePair(null)).toThrow('Expected { from, to }');
    expect(() => parseLanguagePair(['de', 'en'])).toThrow('Expected { from, to }');
  });

  it('knows German Sign Language and its neighbours as sign languages', () => {
    expect(['gsg', 'sgg', 'asq', 'de', 'en'].map(isSignLanguage)).toEqual([true, true, true, false, false]);
  });

  it('opens a channel only for a spoken target', () => {
    expect(interpreterAttributes({ from: 'de', to: 'en' })).toEqual({ 'podium.languages': 'de>en', 'podium.interpretation': 'en' });
    expect(interpreterAttributes({ from: 'de', to: 'gsg' })).toEqual({ 'podium.languages': 'de>gsg' });
    expect(interpreterAttributes(null)).toEqual({});
  });
});

describe('handover', () => {
  const en = (identity: string, live?: string) => ({ identity, attributes: { 'podium.interpretation': 'en', ...(live ? { 'podium.live': live } : {}) } });
  const fr = { identity: 'p-fr', attributes: { 'podium.interpretation': 'fr', 'podium.live': 'true' } };

  it('puts the taker live and the partner of the same channel quiet, other channels untouched', () => {
    expect([...handover([en('p-a', 'true'), en('p-b'), fr], 'p-b')]).toEqual([
      ['p-a', 'false'],
      ['p-b', 'true'],
    ]);
  });

  it('changes nothing for someone already live, or without a channel', () => {
    expect(handover([en('p-a', 'true'), en('p-b', 'false')], 'p-a').size).toBe(0);
    expect(handover([en('p-a', 'true'), { identity: 'p-x', attributes: {} }], 'p-x').size).toBe(0);
  });
});
