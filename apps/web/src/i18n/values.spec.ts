import { translate } from './I18nProvider';
import type { Language } from './types';
import { valueFormat } from './values';

const format = (lang: Language, zone?: string) => valueFormat(lang, (key, vars) => translate(lang, key, vars), zone);

describe('values inside sentences, written by their type in the interface language', () => {
  const de = format('de', 'Europe/Berlin');
  const en = format('en', 'Europe/Berlin');

  it('quotes text as each language does', () => {
    expect(de.text('Plenarsaal')).toBe('„Plenarsaal“');
    expect(en.text('Plenarsaal')).toBe('“Plenarsaal”');
  });

  it('writes JSON text from a file as the value it is, never as JSON', () => {
    expect(de.json('"Plenarsaal"')).toBe('„Plenarsaal“');
    expect(de.json('"sagt \\"hallo\\""')).toBe('„sagt "hallo"“');
    expect(de.json('1.5')).toBe('1,5');
    expect(de.json('12000')).toBe('12.000');
    expect(de.json('null')).toBe('(keine Angabe)');
    expect(de.json('""')).toBe('(leerer Text)');
    expect(de.json('true')).toBe('wahr');
    expect(de.json('{"name":"x"}')).toBe('(ein Objekt)');
    expect(de.json('["de","en"]')).toBe('„de“ und „en“');
    expect(de.json('[]')).toBe('(leere Liste)');
    expect(en.json('{"name":"x"}')).toBe('(an object)');
    expect(en.json('["de","en",3]')).toBe('“de”, “en” and 3');
    // Not JSON after all (an older api): the text itself, quoted.
    expect(de.json('Plenarsaal')).toBe('„Plenarsaal“');
  });

  it('writes days, times and wall times in words, without the browser zone moving them', () => {
    expect(de.date('2026-06-02')).toBe('2. Juni 2026');
    expect(en.date('2026-06-02')).toBe('2 June 2026');
    expect(de.time('09:05')).toBe('09:05');
    expect(de.time('23:30:00')).toBe('23:30');
    expect(de.dateTime('2026-06-02 10:00')).toBe('2. Juni 2026, 10:00');
    expect(en.dateTime('2026-06-02 10:00')).toBe('2 June 2026, 10:00');
    expect(de.dateTime('2026-12-31 23:59')).toBe('31. Dezember 2026, 23:59');
  });

  it('shows an instant in the conference zone, or at its own offset when no zone is known', () => {
    expect(de.dateTime('2026-06-02T08:00:00Z')).toBe('2. Juni 2026, 10:00');
    expect(de.dateTime('2026-06-02T10:00:00+02:00')).toBe('2. Juni 2026, 10:00');
    expect(format('de', 'America/New_York').dateTime('2026-06-02T10:00:00+02:00')).toBe('2. Juni 2026, 04:00');
    expect(format('de').dateTime('2026-06-02T10:00:00-05:00')).toBe('2. Juni 2026, 10:00');
    expect(format('en', 'No/Such_Zone').dateTime('2026-06-02T23:30:00+02:00')).toBe('2 June 2026, 23:30');
  });

  it('quotes what is no date or time instead of guessing', () => {
    expect(de.date('morgen')).toBe('„morgen“');
    expect(de.time('25 Uhr')).toBe('„25 Uhr“');
    expect(en.dateTime('2026-06-02')).toBe('“2026-06-02”');
  });

  it('groups numbers and joins lists as each language does', () => {
    expect(de.number(2147483647)).toBe('2.147.483.647');
    expect(en.number(2147483647)).toBe('2,147,483,647');
    expect(de.list(['a'])).toBe('a');
    expect(de.list(['a', 'b'])).toBe('a und b');
    expect(en.list(['a', 'b', 'c'])).toBe('a, b and c');
  });
});
