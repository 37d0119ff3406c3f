import { localDateOf } from '@podium/programme';
import type { DemoConference } from './demo-data';

export const PROBE_SLUG = 'probebuehne';
const ZONE = 'Europe/Berlin';
const MINUTE = 60_000;

/**
 * A conference happening today, so that a newcomer can try the livestream and the fishbowl right
 * after `npm start`: the historic BuKo programmes are all in the past. Rebuilt on the first start of a day.
 */
export function probeConference(now: Date): DemoConference {
  const base = Math.floor(now.getTime() / (5 * MINUTE)) * 5 * MINUTE;
  const at = (fromMinutes: number, toMinutes: number) => ({ start: new Date(base + fromMinutes * MINUTE), end: new Date(base + toMinutes * MINUTE) });
  const first = new Date(base - 30 * MINUTE);
  const last = new Date(base + 240 * MINUTE);
  return {
    slug: PROBE_SLUG,
    title: 'Probebühne: Podium ausprobieren',
    description:
      'Eine Übungskonferenz, die immer heute stattfindet: Fishbowl „Aktuelle Stunde“ läuft gerade, Gäste können mit einem Namen teilnehmen und um einen Platz bitten.',
    timezone: ZONE,
    startDate: localDateOf(first, ZONE),
    endDate: localDateOf(last, ZONE),
    format: 'hybrid',
    venue: 'Probesaal',
    allowGuests: true,
    rooms: [
      { name: 'Plenum', kind: 'virtual-stage', capacity: 500, changeoverMinutes: 5 },
      { name: 'Saal', kind: 'hall', capacity: 200 },
      { name: 'Forum 1', kind: 'forum-room', capacity: 60 },
    ],
    tracks: ['Plenum', 'Foren'],
    sessions: [
      {
        kind: 'fishbowl', title: '„Aktuelle Stunde“ im Fishbowl-Format (Probe)', day: 1, start: '', end: '', at: at(-15, 105), room: 'Plenum', track: 'Plenum',
        abstract: 'Bitten Sie um einen Platz im Fishbowl: Die Moderation lädt ein, ein Stuhl bleibt frei.',
        people: [{ key: 'moderation', role: 'moderator' }, { key: 'widmann-mauz', role: 'speaker' }, { key: 'dgs', role: 'interpreter' }],
      },
      forum(1, 'Vielfalt im öffentlichen Dienst (Probe)', at(-30, 60)),
      {
        kind: 'keynote', title: 'Keynote: Zusammenhalt vor Ort (Probe)', day: 1, start: '', end: '', at: at(120, 165), room: 'Plenum', track: 'Plenum',
        people: [{ key: 'uslucan', role: 'speaker' }, { key: 'moderation', role: 'moderator' }, { key: 'dgs', role: 'interpreter' }],
      },
      { kind: 'closing', title: 'Abschluss (Probe)', day: 1, start: '', end: '', at: at(180, 210), room: 'Plenum', track: 'Plenum', people: [{ key: 'widmann-mauz', role: 'speaker' }] },
    ],
  };
}

function forum(n: number, title: string, at: { start: Date; end: Date }): DemoConference['sessions'][number] {
  return { kind: 'forum', title: `Forum ${n}: ${title}`, day: 1, start: '', end: '', at, room: `Forum ${n}`, track: 'Foren', capacity: 60, people: [{ key: `forum-${n}`, role: 'moderator' }] };
}
