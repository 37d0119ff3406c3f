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

// Written by hand: the plural form is picked by the number, the number written with the language's digit grouping.
describe('a counted quantity is written with the language’s digit grouping (issue 16)', () => {
  const zone = 'Europe/Berlin';
  it.each([
    ['de', 'org.import.code.OFFSET_MISMATCH', 1200, 'Bei 1.200 Veranstaltungen passt „start“ nicht zu „date“ in Europe/Berlin; „date“ mit seinem Zeitzonenversatz gilt.'],
    ['en', 'org.import.code.OFFSET_MISMATCH', 1200, '1,200 events give a “start” that differs from their “date” read in Europe/Berlin; the “date” with its offset was used.'],
    ['de', 'org.import.code.OFFSET_MISMATCH', 1, 'Bei einer Veranstaltung passt „start“ nicht zu „date“ in Europe/Berlin; „date“ mit seinem Zeitzonenversatz gilt.'],
    ['de', 'questions.votes', 1, '1 Stimme'],
    ['de', 'questions.votes', 12345, '12.345 Stimmen'],
    ['en', 'questions.votes', 1000, '1,000 votes'],
    ['de', 'org.import.entries', 1, '1 Hinweis:'],
    ['de', 'org.import.entries', 1200, '1.200 Hinweise:'],
    ['en', 'org.import.entries', 1, '1 note:'],
    ['en', 'org.import.entries', 1200, '1,200 notes:'],
  ] as const)('%s %s %i', (lang, key, count, expected) => {
    expect(translate(lang, key, { count, zone })).toBe(expected);
  });
});
