import { translate } from '../i18n/I18nProvider';
import type { ConflictInfo } from '../api/organiser';
import { conflictText, type ConflictNames } from './conflict-text';

const names: ConflictNames = {
  person: (id) => ({ 'p-1': 'Sina Sprecherin' })[id],
  room: (id) => ({ 'r-1': 'Forum 1' })[id],
  conferenceDays: { start: '2020-09-21', end: '2020-09-23' },
};
const talk = { id: 's-1', title: 'Werkstatt' };
const other = { id: 's-2', title: 'Podium' };
const de = (c: ConflictInfo) => {
  const { key, vars } = conflictText(c, names);
  return translate('de', key, vars);
};

describe('conflicts in the organiser language, with names instead of ids', () => {
  it.each<[string, ConflictInfo, string]>([
    ['room', { kind: 'room-overlap', session: talk, other, roomId: 'r-1', changeoverMinutes: 0, message: 'x' }, '„Werkstatt“ und „Podium“ überschneiden sich im Raum Forum 1.'],
    ['room with changeover', { kind: 'room-overlap', session: talk, other, roomId: 'r-1', changeoverMinutes: 15, message: 'x' }, '„Werkstatt“ und „Podium“ überschneiden sich im Raum Forum 1 (mit 15 Minuten Umbaupause).'],
    ['person', { kind: 'person-overlap', session: talk, other, personId: 'p-1', message: 'x' }, 'Sina Sprecherin ist zur selben Zeit bei „Werkstatt“ und „Podium“ eingeplant.'],
    ['unknown person', { kind: 'person-overlap', session: talk, other, personId: 'p-9', message: 'x' }, 'Eine Person ist zur selben Zeit bei „Werkstatt“ und „Podium“ eingeplant.'],
    ['outside', { kind: 'outside-conference', session: talk, message: 'x' }, '„Werkstatt“ liegt außerhalb der Konferenztage (2020-09-21 bis 2020-09-23).'],
    ['capacity', { kind: 'capacity-exceeded', session: talk, capacity: 20, registrations: 23, message: 'x' }, '„Werkstatt“ ist überbucht: 23 Anmeldungen für 20 Plätze.'],
  ])('%s', (_, conflict, text) => {
    expect(de(conflict)).toBe(text);
  });

  it('names the person in English too, never the id', () => {
    const { key, vars } = conflictText({ kind: 'person-overlap', session: talk, other, personId: 'p-1', message: 'x' }, names);
    expect(translate('en', key, vars)).toBe('Sina Sprecherin is on “Werkstatt” and “Podium” at the same time.');
  });
});
