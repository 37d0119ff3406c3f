import { translate } from './I18nProvider';

describe('plural forms in translate (written by hand)', () => {
  it.each([
    ['de', 0, '0 Stimmen'],
    ['de', 1, '1 Stimme'],
    ['de', 2, '2 Stimmen'],
    ['en', 0, '0 votes'],
    ['en', 1, '1 vote'],
    ['en', 5, '5 votes'],
  ] as const)('questions.votes %s %i', (lang, count, expected) => {
    expect(translate(lang, 'questions.votes', { count })).toBe(expected);
  });

  it('other counted texts pick the singular the same way', () => {
    expect([translate('de', 'questions.listLabel', { count: 1 }), translate('de', 'questions.listLabel', { count: 3 })]).toEqual(['1 Frage', '3 Fragen']);
    expect([translate('en', 'stage.viewers', { count: 1 }), translate('en', 'stage.viewers', { count: 2 })]).toEqual(['1 person in the livestream', '2 people in the livestream']);
  });

  it('a key without plural forms is looked up as it is', () => {
    expect(translate('de', 'my.overlapHeading', { count: 1 })).toBe('Zeitliche Überschneidungen: 1');
  });
});

describe('a counted quantity is written with the language’s digit grouping (issue 16)', () => {
  it.each([
    ['de', 1200, 'Bei 1.200 Veranstaltungen passt „start“ nicht zu „date“ in Europe/Berlin; „date“ mit seinem Zeitzonenversatz gilt.'],
    ['en', 1200, '1,200 events give a “start” that differs from their “date” read in Europe/Berlin; the “date” with its offset was used.'],
    ['de', 1, 'Bei einer Veranstaltung passt „start“ nicht zu „date“ in Europe/Berlin; „date“ mit seinem Zeitzonenversatz gilt.'],
  ] as const)('OFFSET_MISMATCH %s %i', (lang, count, expected) => {
    expect(translate(lang, 'org.import.code.OFFSET_MISMATCH', { count, zone: 'Europe/Berlin' })).toBe(expected);
  });

  it('the plural form is still picked by the number', () => {
    expect([translate('de', 'questions.votes', { count: 1 }), translate('de', 'questions.votes', { count: 12345 })]).toEqual(['1 Stimme', '12.345 Stimmen']);
    expect(translate('en', 'questions.votes', { count: 1000 })).toBe('1,000 votes');
  });
});

describe('the number of report entries (issue 16)', () => {
  it.each([
    ['de', 1, '1 Hinweis:'],
    ['de', 1200, '1.200 Hinweise:'],
    ['en', 1, '1 note:'],
    ['en', 1200, '1,200 notes:'],
  ] as const)('%s %i', (lang, count, expected) => {
    expect(translate(lang, 'org.import.entries', { count })).toBe(expected);
  });
});
