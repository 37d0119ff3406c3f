import { agenda, nowAndNext, sessionsByDay, sessionsInRoom, sessionsInTrack, sessionsOnDay } from './queries';
import { at, conference, room, session } from './testing/factories';

const rooms = [room('foyer', { name: 'Foyer', position: 2 }), room('plenum', { name: 'Plenum', position: 1 }), room('forum', { name: 'Forum', position: 3 })];
const sessions = [
  session('pk', '12:00', '12:45', { roomId: 'foyer', trackId: 'day1' }),
  session('welcome', '13:00', '14:00', { trackId: 'day1' }),
  session('fishbowl', '14:30', '16:00', { trackId: 'day1' }),
  session('forum', '16:30', '18:00', { roomId: 'forum', trackId: 'day1' }),
  session('closing', '18:00', '18:30'),
  session('late', '23:30', '23:59', { roomId: 'foyer' }),
  session('market', '08:30', '09:00', { roomId: 'foyer', trackId: 'day2' }, '2018-08-28'),
  session('keynote', '11:00', '12:30', { trackId: 'day2' }, '2018-08-28'),
];

describe('programme by day, room and track', () => {
  it('groups by the local date in the conference timezone, every day listed', () => {
    const days = sessionsByDay([...sessions].reverse(), conference());
    expect(days.map((d) => [d.date, d.sessions.map((s) => s.id)])).toEqual([
      ['2018-08-27', ['pk', 'welcome', 'fishbowl', 'forum', 'closing', 'late']],
      ['2018-08-28', ['market', 'keynote']],
    ]);
    const empty = sessionsByDay([], conference({ endDate: '2018-08-29' }));
    expect(empty.map((d) => d.date)).toEqual(['2018-08-27', '2018-08-28', '2018-08-29']);
  });

  it('keeps a session late in the Berlin evening on its Berlin day', () => {
    // 23:30 Berlin is 21:30 UTC; still 27 August either way, but 00:30 Berlin would be the 27th in UTC.
    const night = session('night', '00:30', '01:00', {}, '2018-08-28');
    expect(sessionsOnDay([night], '2018-08-28', 'Europe/Berlin').map((s) => s.id)).toEqual(['night']);
    expect(sessionsOnDay([night], '2018-08-28', 'UTC')).toEqual([]);
  });

  it('lists a room and a track in time order', () => {
    expect(sessionsInRoom(sessions, 'foyer').map((s) => s.id)).toEqual(['pk', 'late', 'market']);
    expect(sessionsInTrack(sessions, 'day2').map((s) => s.id)).toEqual(['market', 'keynote']);
  });
});

describe('nowAndNext', () => {
  it('gives per room, in display order, what is on and what comes next', () => {
    const board = nowAndNext(sessions, rooms, at('2018-08-27', '14:45'));
    expect(board.map((r) => [r.room.id, r.now?.id, r.next?.id])).toEqual([
      ['plenum', 'fishbowl', 'closing'],
      ['foyer', undefined, 'late'],
      ['forum', undefined, 'forum'],
    ]);
  });

  it('follows the lifecycle: started early is now, ended early is not, cancelled never', () => {
    const early = sessions.map((s) => (s.id === 'closing' ? { ...s, status: 'live' as const } : s.id === 'fishbowl' ? { ...s, status: 'ended' as const } : s));
    const plenum = nowAndNext(early, rooms, at('2018-08-27', '15:00'))[0];
    expect([plenum.now?.id, plenum.next?.id]).toEqual(['closing', 'keynote']);
    const cancelled = sessions.map((s) => (s.id === 'closing' ? { ...s, status: 'cancelled' as const } : s));
    expect(nowAndNext(cancelled, rooms, at('2018-08-27', '16:10'))[0].next?.id).toBe('keynote');
  });

  it('uses the shown times of a delayed session', () => {
    const delayed = sessions.map((s) => (s.id === 'fishbowl' ? { ...s, delayMinutes: 30 } : s));
    const plenum = nowAndNext(delayed, rooms, at('2018-08-27', '14:45'))[0];
    expect([plenum.now?.id, plenum.next?.id]).toEqual([undefined, 'fishbowl']);
  });
});

describe('agenda', () => {
  it('lists bookmarks in order and warns about overlaps, cancellations and missing sessions', () => {
    const marked = [...sessions, session('parallel', '17:00', '18:30', { roomId: 'foyer' }), session('gone', '10:00', '11:00', { status: 'cancelled' })];
    const result = agenda(marked, ['closing', 'forum', 'parallel', 'gone', 'deleted']);
    expect(result.sessions.map((s) => s.id)).toEqual(['gone', 'forum', 'parallel', 'closing']);
    expect(result.warnings.map((w) => [w.kind, w.sessionId, w.otherSessionId])).toEqual([
      ['cancelled', 'gone', undefined],
      ['overlap', 'forum', 'parallel'],
      ['overlap', 'parallel', 'closing'],
    ]);
    expect(result.missing).toEqual(['deleted']);
  });

  it('has no warnings for back-to-back sessions', () => {
    expect(agenda(sessions, ['forum', 'closing']).warnings).toEqual([]);
  });
});
