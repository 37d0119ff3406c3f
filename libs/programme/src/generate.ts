/**
 * Synthetic programmes for benchmarks and property tests: N sessions spread evenly over R rooms
 * and D days (08:00 to 20:00 local), with people drawn at random so some conflicts occur, as in
 * a real draft. The same seed always gives the same programme.
 */
import { ROOM_KINDS, SESSION_KINDS, type Person, type Programme, type Room, type Session, type Track } from './model';
import { addDays, toInstant, toMs, zonedToUtc } from './time';
import { uuidV5 } from './uuid';
import { seededRandom } from '@podium/random';

export interface GenerateOptions {
  sessions: number;
  rooms: number;
  days: number;
  seed?: number;
  timeZone?: string;
  startDate?: string;
  /** People to draw speakers from; half the session count by default. */
  people?: number;
}


const DAY_MINUTES = 12 * 60;

export function generateProgramme(options: GenerateOptions): Programme {
  const { sessions: count, rooms: roomCount, days } = options;
  if (!(count >= 0 && roomCount >= 1 && days >= 1)) throw new RangeError('need sessions >= 0, rooms >= 1 and days >= 1');
  const random = seededRandom(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const timeZone = options.timeZone ?? 'Europe/Berlin';
  const startDate = options.startDate ?? '2021-09-20';
  const rooms: Room[] = Array.from({ length: roomCount }, (_, i) => ({
    id: `room-${i + 1}`,
    name: `Raum ${i + 1}`,
    kind: ROOM_KINDS[i % ROOM_KINDS.length],
    capacity: 20 + Math.floor(random() * 300),
    changeoverMinutes: i % 3 === 0 ? 10 : 0,
    position: i,
  }));
  const tracks: Track[] = ['Arbeit', 'Bildung', 'Teilhabe', 'Wohnen', 'Gesundheit'].map((name, i) => ({ id: `track-${i + 1}`, name }));
  const people: Person[] = Array.from({ length: options.people ?? Math.max(10, Math.ceil(count / 2)) }, (_, i) => ({
    id: `person-${i + 1}`,
    name: `Person ${i + 1}`,
  }));
  const dayStarts = Array.from({ length: days }, (_, d) => toMs(zonedToUtc(addDays(startDate, d), '08:00', timeZone)));
  const perRoom = Math.ceil(count / roomCount);
  const perDay = Math.max(1, Math.ceil(perRoom / days));
  const slot = Math.max(10, Math.floor(DAY_MINUTES / perDay));
  const sessions: Session[] = [];
  for (let i = 0; i < count; i++) {
    const room = rooms[i % roomCount];
    const k = Math.floor(i / roomCount);
    const day = Math.min(days - 1, Math.floor(k / perDay));
    const start = dayStarts[day] + (k % perDay) * slot * 60_000;
    const minutes = Math.max(5, slot - room.changeoverMinutes - Math.floor(random() * 10));
    const speakers = new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(people).id));
    sessions.push({
      id: `session-${i + 1}`,
      guid: uuidV5(`synthetic/session/${i + 1}`),
      kind: pick(SESSION_KINDS.filter((kind) => kind !== 'break')),
      title: `Sitzung ${i + 1}: ${pick(tracks).name}`,
      language: random() < 0.8 ? 'de' : 'en',
      start: toInstant(start),
      end: toInstant(start + minutes * 60_000),
      roomId: room.id,
      trackId: pick(tracks).id,
      people: [...speakers].map((personId, n) => ({ personId, role: n === 0 ? 'moderator' : 'speaker' })),
      livestream: room.kind === 'virtual-stage',
      recordingConsent: random() < 0.7,
      status: 'scheduled',
      delayMinutes: 0,
    });
  }
  const endDate = addDays(startDate, days - 1);
  return {
    conference: {
      id: 'synthetic',
      slug: `synthetic-${options.seed ?? 1}`,
      title: 'Synthetische Konferenz',
      timezone: timeZone,
      startDate,
      endDate,
      format: 'hybrid',
      allowGuests: true,
    },
    rooms,
    tracks,
    sessions,
    people,
  };
}
