import { DomainError } from '@podium/contracts';
import fc from 'fast-check';
import { applyModeratorAction, canTransition, dueTransitions, lifecycleAt, timeImpliedStatus } from './lifecycle';
import { LIFECYCLE_STATUSES, type Session, type SessionStatus } from './model';
import { at, session } from './testing/factories';

// Aktuelle Stunde, 14:30 to 16:00 on 27 August 2018 in Kassel.
const fishbowl = session('fishbowl', '14:30', '16:00', { kind: 'fishbowl', title: 'Aktuelle Stunde' });
const t = (time: string) => at('2018-08-27', time);

function expectError(fn: () => unknown, code: string) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe(code);
    return;
  }
  throw new Error(`expected DomainError ${code}`);
}

describe('what time implies', () => {
  it('moves scheduled -> backstage (15 min before) -> live -> ended', () => {
    expect(timeImpliedStatus(fishbowl, t('14:14'))).toBe('scheduled');
    expect(timeImpliedStatus(fishbowl, t('14:15'))).toBe('backstage');
    expect(timeImpliedStatus(fishbowl, t('14:30'))).toBe('live');
    expect(timeImpliedStatus(fishbowl, t('15:59'))).toBe('live');
    expect(timeImpliedStatus(fishbowl, t('16:00'))).toBe('ended');
    expect(timeImpliedStatus(fishbowl, t('14:25'), 0)).toBe('scheduled');
  });

  it('follows the shown (delayed) times', () => {
    const late = { ...fishbowl, delayMinutes: 20 };
    expect(lifecycleAt(late, t('14:40'))).toBe('backstage');
    expect(lifecycleAt(late, t('16:10'))).toBe('live');
    expect(lifecycleAt(late, t('16:20'))).toBe('ended');
  });

  it('accepts a Date, an instant or epoch milliseconds for now', () => {
    expect(lifecycleAt(fishbowl, new Date(t('15:00')))).toBe('live');
    expect(lifecycleAt(fishbowl, Date.parse(t('15:00')))).toBe('live');
  });
});

describe('manual status is never overridden backwards', () => {
  it('a session ended early stays ended', () => {
    const ended = applyModeratorAction(fishbowl, { type: 'end-now' }, t('15:10'));
    expect(ended.status).toBe('ended');
    expect(lifecycleAt(ended, t('15:30'))).toBe('ended');
  });

  it('a session started early stays live until its end, then ends', () => {
    const live = applyModeratorAction(fishbowl, { type: 'start-now' }, t('14:05'));
    expect(live.status).toBe('live');
    expect(live.start).toBe(fishbowl.start);
    expect(lifecycleAt(live, t('14:10'))).toBe('live');
    expect(lifecycleAt(live, t('14:20'))).toBe('live');
    expect(lifecycleAt(live, t('16:00'))).toBe('ended');
  });

  it('a cancelled session stays cancelled whatever the time', () => {
    const cancelled = { ...fishbowl, status: 'cancelled' as const };
    expect(lifecycleAt(cancelled, t('15:00'))).toBe('cancelled');
    expect(dueTransitions([cancelled], t('17:00'))).toEqual([]);
  });

  it('never goes backwards along the line (property)', () => {
    const statuses = fc.constantFrom<SessionStatus>(...LIFECYCLE_STATUSES);
    fc.assert(
      fc.property(statuses, fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 600 }), (stored, a, b) => {
        const s = { ...fishbowl, status: stored };
        const base = Date.parse(t('12:00')) + Math.min(a, b) * 60_000;
        const later = Date.parse(t('12:00')) + Math.max(a, b) * 60_000;
        const rank = (x: SessionStatus) => LIFECYCLE_STATUSES.indexOf(x as never);
        expect(rank(lifecycleAt(s, base))).toBeGreaterThanOrEqual(rank(stored));
        expect(rank(lifecycleAt(s, later))).toBeGreaterThanOrEqual(rank(lifecycleAt(s, base)));
      }),
    );
  });
});

describe('dueTransitions', () => {
  const programme: Session[] = [
    session('welcome', '13:00', '14:00', { status: 'live' }),
    fishbowl,
    session('forum', '16:30', '18:00'),
  ];

  it('lists each session whose stored status lags behind, straight to where it belongs', () => {
    expect(dueTransitions(programme, t('14:20'))).toEqual([
      { sessionId: 'welcome', from: 'live', to: 'ended' },
      { sessionId: 'fishbowl', from: 'scheduled', to: 'backstage' },
    ]);
    expect(dueTransitions(programme, t('18:30')).map((d) => `${d.sessionId}:${d.from}->${d.to}`)).toEqual([
      'welcome:live->ended',
      'fishbowl:scheduled->ended',
      'forum:scheduled->ended',
    ]);
  });

  it('is empty once the transitions are applied, so each happens exactly once', () => {
    const now = t('14:40');
    const applied = programme.map((s) => {
      const due = dueTransitions([s], now)[0];
      return due && s.status === due.from ? { ...s, status: due.to } : s;
    });
    expect(applied.map((s) => s.status)).toEqual(['ended', 'live', 'scheduled']);
    expect(dueTransitions(applied, now)).toEqual([]);
  });
});

describe('moderator actions', () => {
  it('start and end are idempotent, so a retried click does no harm', () => {
    const live = applyModeratorAction(fishbowl, { type: 'start-now' }, t('14:20'));
    expect(applyModeratorAction(live, { type: 'start-now' }, t('14:21'))).toBe(live);
    const ended = applyModeratorAction(live, { type: 'end-now' }, t('15:00'));
    expect(applyModeratorAction(ended, { type: 'end-now' }, t('15:01'))).toBe(ended);
  });

  it('refuses to restart an ended session or to cancel a live one', () => {
    const ended = { ...fishbowl, status: 'ended' as const };
    expectError(() => applyModeratorAction(ended, { type: 'start-now' }, t('14:00')), 'CONFLICT');
    expectError(() => applyModeratorAction(fishbowl, { type: 'cancel' }, t('15:00')), 'CONFLICT');
    expectError(() => applyModeratorAction(fishbowl, { type: 'set-status', status: 'backstage' }, t('15:00')), 'CONFLICT');
  });

  it('cancels before the start and reinstates a cancelled session', () => {
    const cancelled = applyModeratorAction(fishbowl, { type: 'cancel' }, t('10:00'));
    expect(cancelled.status).toBe('cancelled');
    expect(applyModeratorAction(cancelled, { type: 'reinstate' }, t('10:05')).status).toBe('scheduled');
    expectError(() => applyModeratorAction(fishbowl, { type: 'reinstate' }, t('10:00')), 'CONFLICT');
  });

  it('extends a running session by whole minutes and keeps it live', () => {
    const extended = applyModeratorAction(fishbowl, { type: 'extend', minutes: 15 }, t('15:50'));
    expect(extended.end).toBe(t('16:15'));
    expect(extended.status).toBe('live');
    expect(lifecycleAt(extended, t('16:05'))).toBe('live');
    expect(fishbowl.end).toBe(t('16:00'));
  });

  it('validates the extension', () => {
    for (const minutes of [0, -5, 2.5, 100_000]) expectError(() => applyModeratorAction(fishbowl, { type: 'extend', minutes }, t('15:00')), 'VALIDATION');
    expectError(() => applyModeratorAction({ ...fishbowl, status: 'ended' }, { type: 'extend', minutes: 10 }, t('15:00')), 'CONFLICT');
    expectError(() => applyModeratorAction(fishbowl, { type: 'extend', minutes: 10 }, t('16:30')), 'CONFLICT');
  });

  it('has a transition table that only moves forward (or back from cancelled)', () => {
    expect(canTransition('scheduled', 'live')).toBe(true);
    expect(canTransition('live', 'backstage')).toBe(false);
    expect(canTransition('ended', 'live')).toBe(false);
    expect(canTransition('cancelled', 'scheduled')).toBe(true);
    expect(canTransition('live', 'cancelled')).toBe(false);
  });
});
