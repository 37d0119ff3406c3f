/** Test support only: small builders so specs state just what matters to them. */
import type { Conference, Programme, Room, Session } from '../model';
import { zonedToUtc } from '../time';

export const conference = (overrides: Partial<Conference> = {}): Conference => ({
  id: 'buko-2018',
  slug: 'buko2018',
  title: 'Bundeskonferenz der Integrationsbeauftragten 2018',
  timezone: 'Europe/Berlin',
  startDate: '2018-08-27',
  endDate: '2018-08-28',
  format: 'in-person',
  venue: 'Kassel',
  allowGuests: false,
  ...overrides,
});

export const room = (id: string, overrides: Partial<Room> = {}): Room => ({
  id,
  name: `Raum ${id}`,
  kind: 'hall',
  changeoverMinutes: 0,
  position: 0,
  ...overrides,
});

/** Berlin wall time on a date to an instant: at('2018-08-27', '13:00'). */
export const at = (date: string, time: string, zone = 'Europe/Berlin') => zonedToUtc(date, time, zone);

export const session = (id: string, from: string, to: string, overrides: Partial<Session> = {}, date = '2018-08-27'): Session => ({
  id,
  kind: 'forum',
  title: `Session ${id}`,
  language: 'de',
  start: at(date, from),
  end: at(date, to),
  roomId: 'plenum',
  people: [],
  livestream: false,
  recordingConsent: false,
  status: 'scheduled',
  delayMinutes: 0,
  ...overrides,
});

export const programme = (sessions: Session[], overrides: Partial<Programme> = {}): Programme => ({
  conference: conference(),
  rooms: [room('plenum', { name: 'Plenum', changeoverMinutes: 15 }), room('foyer', { name: 'Foyer', position: 1 })],
  tracks: [],
  people: [
    { id: 'wm', name: 'Annette Widmann-Mauz' },
    { id: 'kk', name: 'Kai Klose' },
  ],
  sessions,
  ...overrides,
});
