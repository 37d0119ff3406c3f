import type { ProgrammeData, SessionView } from '../api/programme';
import { groupByDay, groupBySlot, isLive, isOver, nowAndNext, overlaps, peopleOf, roleLabel } from './helpers';

const at = (iso: string) => Date.parse(iso);

function s(id: string, start: string, end: string, over: Partial<SessionView> = {}): SessionView {
  // Only start, end and the delay matter to the helpers; shown and local times are not read by them.
  const base = { id, kind: 'forum', title: id, subtitle: null, abstract: null, description: null, language: 'de', start, end } as const;
  const times = { shownStart: start, shownEnd: end, localStart: start, localEnd: end, durationMinutes: 0 };
  const rest = { livestream: false, recordingConsent: false, recordingUrl: null, feedbackUrl: null, status: 'scheduled', delayMinutes: 0, roomId: 'r1', trackId: null, capacity: null } as const;
  return { ...base, ...times, ...rest, people: [], ...over };
}

describe('live and over, with an announced delay', () => {
  const talk = s('talk', '2020-09-09T08:00:00Z', '2020-09-09T09:00:00Z');
  it.each([
    ['07:59', false, false],
    ['08:00', true, false],
    ['08:59', true, false],
    ['09:00', false, true],
  ])('on time at %s: live %s, over %s', (time, live, over) => {
    const now = at(`2020-09-09T${time}:00Z`);
    expect([isLive(talk, now), isOver(talk, now)]).toEqual([live, over]);
  });

  it('15 minutes late: not live at 08:10, still live at 09:10, over at 09:15', () => {
    const late = { ...talk, delayMinutes: 15 };
    expect(isLive(late, at('2020-09-09T08:10:00Z'))).toBe(false);
    expect(isLive(late, at('2020-09-09T09:10:00Z'))).toBe(true);
    expect(isOver(late, at('2020-09-09T09:15:00Z'))).toBe(true);
  });

  it('the status the moderator set wins over the clock', () => {
    expect(isLive({ ...talk, status: 'live' }, at('2020-09-09T10:00:00Z'))).toBe(true);
    expect(isOver({ ...talk, status: 'live' }, at('2020-09-09T10:00:00Z'))).toBe(false);
    expect(isLive({ ...talk, status: 'ended' }, at('2020-09-09T08:30:00Z'))).toBe(false);
    expect(isLive({ ...talk, status: 'cancelled' }, at('2020-09-09T08:30:00Z'))).toBe(false);
  });
});

describe('grouping', () => {
  const a = s('a', '2020-09-09T08:00:00Z', '2020-09-09T09:00:00Z');
  const b = s('b', '2020-09-09T08:30:00Z', '2020-09-09T09:30:00Z');
  const c = s('c', '2020-09-09T09:00:00Z', '2020-09-09T10:00:00Z');
  const d = s('d', '2020-09-09T08:00:00Z', '2020-09-09T08:45:00Z');

  it('overlapping pairs: touching ends do not overlap, cancelled sessions are left out', () => {
    const ids = (pairs: [SessionView, SessionView][]) => pairs.map(([x, y]) => `${x.id}-${y.id}`);
    expect(ids(overlaps([c, b, a]))).toEqual(['a-b', 'b-c']);
    expect(ids(overlaps([a, { ...b, status: 'cancelled' }, c]))).toEqual([]);
  });

  it('parallel sessions share a slot, in start order', () => {
    expect(groupBySlot([c, a, d, b]).map((slot) => slot.sessions.map((x) => x.id))).toEqual([['a', 'd'], ['b'], ['c']]);
  });

  it('days by local date, in order', () => {
    const late = s('late', '2020-09-09T22:30:00Z', '2020-09-09T23:30:00Z');
    const berlinDate = (ms: number) => new Date(ms + 2 * 3600_000).toISOString().slice(0, 10); // CEST by hand
    expect(groupByDay([late, a], berlinDate).map((day) => [day.date, day.sessions.map((x) => x.id)])).toEqual([
      ['2020-09-09', ['a']],
      ['2020-09-10', ['late']],
    ]);
  });

  it('days with a day change keep the night session on the evening before', () => {
    const late = s('late', '2020-09-09T22:30:00Z', '2020-09-09T23:30:00Z'); // 00:30 CEST on the 10th
    const dawn = s('dawn', '2020-09-10T02:00:00Z', '2020-09-10T03:00:00Z'); // 04:00 CEST: the next day
    const berlinDate = (ms: number) => new Date(ms + 2 * 3600_000).toISOString().slice(0, 10); // CEST by hand
    expect(groupByDay([dawn, late, a], berlinDate, '04:00').map((day) => [day.date, day.sessions.map((x) => x.id)])).toEqual([
      ['2020-09-09', ['a', 'late']],
      ['2020-09-10', ['dawn']],
    ]);
  });
});

describe('programme lookups', () => {
  const programme: ProgrammeData = {
    conference: { id: 'c', slug: 'c', title: 'C', description: null, timezone: 'Europe/Berlin', startDate: '2020-09-09', endDate: '2020-09-09', format: 'digital', venue: null, allowGuests: false, published: true, url: null, days: ['2020-09-09'], dayChange: '00:00' },
    rooms: [
      { id: 'r1', name: 'Plenum', kind: 'virtual-stage', capacity: null, changeoverMinutes: 0, position: 0 },
      { id: 'r2', name: 'Forum', kind: 'forum-room', capacity: null, changeoverMinutes: 0, position: 1 },
      { id: 'r3', name: 'Leer', kind: 'forum-room', capacity: null, changeoverMinutes: 0, position: 2 },
    ],
    tracks: [],
    people: [{ id: 'p1', name: 'Annette', function: null, organisation: null, biography: null }],
    sessions: [
      s('now1', '2020-09-09T08:00:00Z', '2020-09-09T09:00:00Z'),
      s('next1', '2020-09-09T09:00:00Z', '2020-09-09T10:00:00Z'),
      s('later1', '2020-09-09T11:00:00Z', '2020-09-09T12:00:00Z'),
      s('next2', '2020-09-09T10:00:00Z', '2020-09-09T11:00:00Z', { roomId: 'r2' }),
      s('gone', '2020-09-09T09:00:00Z', '2020-09-09T10:00:00Z', { roomId: 'r3', status: 'cancelled' }),
    ],
  };

  it('now and next per room, rooms with neither left out', () => {
    const rows = nowAndNext(programme, at('2020-09-09T08:30:00Z'));
    expect(rows.map((r) => [r.room.name, r.now?.id, r.next?.id])).toEqual([
      ['Plenum', 'now1', 'next1'],
      ['Forum', undefined, 'next2'],
    ]);
  });

  it('names come from the people list, else from the session entry', () => {
    const withPeople = s('x', '2020-09-09T08:00:00Z', '2020-09-09T09:00:00Z', {
      people: [
        { personId: 'p1', role: 'speaker', name: null, function: null, organisation: null },
        { personId: 'p2', role: 'moderator', name: 'Gast Moderation', function: null, organisation: null },
      ],
    });
    expect(peopleOf(withPeople, programme).map((p) => [p.name, p.role])).toEqual([
      ['Annette', 'speaker'],
      ['Gast Moderation', 'moderator'],
    ]);
  });
});

describe('the label of a person on a session', () => {
  it.each([
    ['speaker', 'fishbowl', 'role.panelist'],
    ['speaker', 'panel', 'role.panelist'],
    ['speaker', 'keynote', 'role.speaker'],
    ['moderator', 'fishbowl', 'role.moderator'],
    ['interpreter', 'panel', 'role.interpreter'],
  ])('%s of a %s is %s', (role, kind, key) => {
    expect(roleLabel(role, kind)).toBe(key);
  });
});
