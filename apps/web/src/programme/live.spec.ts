import type { ProgrammeChange, SessionView } from '@podium/contracts';
import type { ProgrammeData } from '../api/programme';
import { applyProgrammeChange } from './live';

function session(id: string, start: string, end: string): SessionView {
  return {
    id,
    kind: 'forum',
    title: `Forum ${id}`,
    subtitle: null,
    abstract: null,
    description: null,
    language: 'de',
    start,
    end,
    shownStart: start,
    shownEnd: end,
    localStart: start,
    localEnd: end,
    durationMinutes: 60,
    delayMinutes: 0,
    status: 'scheduled',
    roomId: 'r1',
    trackId: null,
    capacity: null,
    livestream: true,
    recordingConsent: false,
    recordingUrl: null,
    feedbackUrl: null,
    people: [],
  };
}

const programme: ProgrammeData = {
  conference: { id: 'conf-1', slug: 'buko', title: 'BuKo', description: null, timezone: 'Europe/Berlin', startDate: '2020-09-09', endDate: '2020-09-09', format: 'hybrid', venue: null, allowGuests: true, published: true, url: null, days: ['2020-09-09'], dayChange: '00:00' },
  rooms: [],
  tracks: [],
  people: [],
  sessions: [session('a', '2020-09-09T08:00:00.000Z', '2020-09-09T09:00:00.000Z'), session('b', '2020-09-09T09:00:00.000Z', '2020-09-09T10:00:00.000Z')],
};

describe('a pushed programme change applied to the loaded programme', () => {
  it('takes status, plan, delay and shown times of the sessions named and leaves the others as they were', () => {
    const change: ProgrammeChange = {
      conferenceId: 'conf-1',
      reason: 'delay',
      sessions: [{ id: 'b', status: 'scheduled', delayMinutes: 10, start: '2020-09-09T09:00:00.000Z', end: '2020-09-09T10:00:00.000Z', shownStart: '2020-09-09T09:10:00.000Z', shownEnd: '2020-09-09T10:10:00.000Z' }],
    };
    const next = applyProgrammeChange(programme, change)!;
    expect(next.sessions.map((s) => [s.id, s.status, s.delayMinutes, s.shownStart, s.shownEnd])).toEqual([
      ['a', 'scheduled', 0, '2020-09-09T08:00:00.000Z', '2020-09-09T09:00:00.000Z'],
      ['b', 'scheduled', 10, '2020-09-09T09:10:00.000Z', '2020-09-09T10:10:00.000Z'],
    ]);
    expect(next.sessions[0]).toBe(programme.sessions[0]);
    expect(programme.sessions[1].delayMinutes).toBe(0); // the loaded copy is not changed in place
  });

  it('drops removed sessions', () => {
    const next = applyProgrammeChange(programme, { conferenceId: 'conf-1', reason: 'edit', sessions: [], removed: ['a'] })!;
    expect(next.sessions.map((s) => s.id)).toEqual(['b']);
  });

  it('asks for a full reload (null) when the change names a session it does not know', () => {
    const change: ProgrammeChange = {
      conferenceId: 'conf-1',
      reason: 'edit',
      sessions: [{ id: 'new', status: 'scheduled', delayMinutes: 0, start: '2020-09-09T11:00:00.000Z', end: '2020-09-09T12:00:00.000Z', shownStart: '2020-09-09T11:00:00.000Z', shownEnd: '2020-09-09T12:00:00.000Z' }],
    };
    expect(applyProgrammeChange(programme, change)).toBeNull();
  });

  it('ignores a change of another conference', () => {
    const change: ProgrammeChange = { conferenceId: 'conf-2', reason: 'moderator', sessions: [], removed: ['a'] };
    expect(applyProgrammeChange(programme, change)).toBe(programme);
  });
});
