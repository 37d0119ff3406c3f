import type { ProgrammeData, SessionView } from '../../api/programme';
import { conflictInput, conflictsOfMove } from './live-conflicts';

const session = (id: string, title: string, start: string, end: string, roomId: string | null, people: string[] = []): SessionView =>
  ({
    id,
    kind: 'forum',
    title,
    language: 'de',
    start,
    end,
    roomId,
    capacity: null,
    livestream: false,
    recordingConsent: false,
    status: 'scheduled',
    delayMinutes: 0,
    people: people.map((personId) => ({ personId, role: 'speaker', name: null, function: null, organisation: null })),
  }) as unknown as SessionView;

const programme = {
  conference: { id: 'c', slug: 'c', title: 'C', timezone: 'Europe/Berlin', startDate: '2020-09-21', endDate: '2020-09-21', format: 'digital', allowGuests: true, dayChange: '00:00' },
  rooms: [
    { id: 'plenum', name: 'Plenum', kind: 'virtual-stage', capacity: 500, changeoverMinutes: 15, position: 0 },
    { id: 'forum', name: 'Forum', kind: 'forum-room', capacity: 20, changeoverMinutes: 0, position: 1 },
  ],
  tracks: [],
  people: [],
  sessions: [session('a', 'Eröffnung', '2020-09-21T08:00:00.000Z', '2020-09-21T09:00:00.000Z', 'plenum', ['p1']), session('b', 'Werkstatt', '2020-09-21T11:00:00.000Z', '2020-09-21T12:00:00.000Z', 'forum')],
} as unknown as ProgrammeData;
const input = conflictInput(programme);
const b = programme.sessions[1];

describe('conflicts of a grid move (libs/programme rules on the wire programme)', () => {
  it('finds the changeover clash in the Plenum: 09:10 is inside the 15 minutes after the opening', () => {
    const found = conflictsOfMove(input, b, { start: '2020-09-21T09:10:00.000Z', end: '2020-09-21T10:00:00.000Z', roomId: 'plenum' });
    expect(found.map((c) => [c.kind, 'other' in c ? c.other.title : ''])).toEqual([['room-overlap', 'Eröffnung']]);
    expect(conflictsOfMove(input, b, { start: '2020-09-21T09:15:00.000Z', end: '2020-09-21T10:00:00.000Z', roomId: 'plenum' })).toEqual([]);
  });

  it('finds a person in two places and a session outside the conference day', () => {
    const withSpeaker = session('b', 'Werkstatt', '2020-09-21T11:00:00.000Z', '2020-09-21T12:00:00.000Z', 'forum', ['p1']);
    expect(conflictsOfMove(input, withSpeaker, { start: '2020-09-21T08:30:00.000Z', end: '2020-09-21T09:30:00.000Z', roomId: 'forum' }).map((c) => c.kind)).toEqual(['person-overlap']);
    // 23:30 to 00:30 Berlin time runs past the only day.
    expect(conflictsOfMove(input, b, { start: '2020-09-21T21:30:00.000Z', end: '2020-09-21T22:30:00.000Z', roomId: 'forum' }).map((c) => c.kind)).toEqual(['outside-conference']);
  });

  it('counts seats once the registrations are known: 21 do not fit the Forum of 20, 20 do', () => {
    const at = { start: '2020-09-21T13:00:00.000Z', end: '2020-09-21T14:00:00.000Z', roomId: 'forum' };
    expect(conflictsOfMove(input, b, at, 21)).toEqual([expect.objectContaining({ kind: 'capacity-exceeded', capacity: 20, registrations: 21 })]);
    expect(conflictsOfMove(input, b, at, 20)).toEqual([]);
    expect(conflictsOfMove(input, b, { ...at, roomId: 'plenum' }, 21)).toEqual([]);
  });
});
