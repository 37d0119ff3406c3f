import { DEFAULT_SETTINGS } from './settings';
import { actor, MODERATOR, Scenario, T0 } from './testing/harness';

const panel = [
  { role: 'moderator' as const, personId: 'mod', displayName: 'Mona Moderator' },
  { role: 'interpreter' as const, personId: 'dgs', displayName: 'Dana Dolmetscherin' },
];

describe('configure', () => {
  it('merges a partial configuration into the defaults and logs the full settings', () => {
    const s = new Scenario();
    const [event] = s.run({ type: 'configure', settings: { chairCount: 6, mode: 'closed' } });
    expect(event).toMatchObject({ type: 'fishbowl-configured', at: T0, actor: MODERATOR, settings: { ...DEFAULT_SETTINGS, chairCount: 6, mode: 'closed' } });
    expect(s.state.chairs).toHaveLength(6);
  });

  it('lays out fixed chairs first and the open chairs after them', () => {
    const s = new Scenario({ chairCount: 5, fixedChairs: panel });
    expect(s.state.chairs.map((c) => c.kind)).toEqual(['fixed', 'fixed', 'open', 'open', 'open']);
  });

  it('is a no-op when nothing changes', () => {
    const s = new Scenario();
    expect(s.run({ type: 'configure', settings: { chairCount: DEFAULT_SETTINGS.chairCount } })).toEqual([]);
  });

  it.each([
    [{ chairCount: 1 }, 'settings.chairCount'],
    [{ chairCount: 13 }, 'settings.chairCount'],
    [{ chairCount: 2, fixedChairs: panel }, 'settings.fixedChairs'],
    [{ fixedChairs: [panel[0], { ...panel[1], personId: 'mod' }] }, 'settings.fixedChairs[1].personId'],
    [{ invitationTimeoutMs: 1000 }, 'settings.invitationTimeoutMs'],
    [{ seatTimeLimitMs: 60_000, warningBeforeMs: 60_000 }, 'settings.warningBeforeMs'],
    [{ mode: 'half-open' }, 'settings.mode'],
    [{ colour: 'blue' }, 'settings.colour'],
  ])('refuses %j naming the field', (settings, field) => {
    const error = new Scenario().fail({ type: 'configure', settings: settings as never });
    expect(error.code).toBe('VALIDATION');
    expect(error.details).toMatchObject({ field });
  });

  it('locks the chair layout and the mode once running, but lets policies and limits change', () => {
    const s = Scenario.running();
    expect(s.fail({ type: 'configure', settings: { chairCount: 6 } }).details).toMatchObject({ reason: 'LAYOUT_LOCKED' });
    expect(s.fail({ type: 'configure', settings: { mode: 'closed' } }).details).toMatchObject({ reason: 'LAYOUT_LOCKED' });
    s.run({ type: 'configure', settings: { queuePolicy: 'first-time-first', seatTimeLimitMs: null, auto: true } });
    expect(s.state.settings).toMatchObject({ queuePolicy: 'first-time-first', seatTimeLimitMs: null, auto: true });
  });

  it('refuses a fixed chair for someone who is in the queue', () => {
    const s = new Scenario();
    s.ask('dgs');
    expect(s.fail({ type: 'configure', settings: { fixedChairs: panel } }).details).toMatchObject({ reason: 'ALREADY_QUEUED', personId: 'dgs' });
  });
});

describe('start', () => {
  it('seats the fixed chairs at the start, with no time limit', () => {
    const s = new Scenario({ fixedChairs: panel });
    s.run({ type: 'start' });
    expect(s.state.status).toBe('running');
    expect(s.seatedIds()).toEqual(['mod', 'dgs', null, null, null]);
    expect(s.state.chairs[0].occupant).toMatchObject({ since: T0, endsAt: null, where: null });
  });

  it('starts round 1 in a closed fishbowl', () => {
    const s = new Scenario({ mode: 'closed', roundLengthMs: 300_000 });
    const events = s.run({ type: 'start' });
    expect(s.types(events)).toEqual(['fishbowl-started', 'round-started']);
    expect(s.state.round).toEqual({ number: 1, startedAt: T0, endsAt: T0 + 300_000 });
  });

  it('cannot start twice', () => {
    const s = Scenario.running();
    expect(s.fail({ type: 'start' }).details).toMatchObject({ reason: 'ALREADY_RUNNING' });
  });

  it('keeps requests made before the start', () => {
    const s = new Scenario();
    s.ask('anna');
    s.run({ type: 'start' });
    expect(s.queueIds()).toEqual(['anna']);
  });
});

describe('end', () => {
  it('closes every seating and invitation explicitly, then clears the queue', () => {
    const s = Scenario.running({ fixedChairs: panel });
    s.ask('anna');
    s.ask('ben');
    s.seat('anna');
    s.run({ type: 'invite', personId: 'ben' });
    s.advance(60_000);
    const events = s.run({ type: 'end' });
    expect(s.types(events)).toEqual(['invitation-cancelled', 'left-chair', 'left-chair', 'left-chair', 'fishbowl-ended']);
    expect(events.filter((e) => e.type === 'left-chair').every((e) => 'reason' in e && e.reason === 'ended')).toBe(true);
    expect(s.state).toMatchObject({ status: 'ended', queue: [], invitations: [] });
    expect(s.seatedIds().every((id) => id === null)).toBe(true);
    expect(s.state.people.get('anna')?.seatedMs).toBe(60_000);
  });

  it('refuses everything after the end', () => {
    const s = Scenario.running();
    s.run({ type: 'end' });
    expect(s.fail({ type: 'end' }).details).toMatchObject({ reason: 'ENDED' });
    expect(s.fail({ type: 'start' }).details).toMatchObject({ reason: 'ENDED' });
    expect(s.fail({ type: 'configure', settings: { auto: true } }).details).toMatchObject({ reason: 'ENDED' });
    expect(s.fail({ type: 'ask', actor: actor('late'), where: 'hall' }).details).toMatchObject({ reason: 'ENDED' });
    expect(s.tick()).toEqual([]);
  });

  it('ends a closed round with the fishbowl', () => {
    const s = Scenario.running({ mode: 'closed' });
    expect(s.types(s.run({ type: 'end' }))).toEqual(['round-ended', 'fishbowl-ended']);
    expect(s.state.round).toBeNull();
  });
});
