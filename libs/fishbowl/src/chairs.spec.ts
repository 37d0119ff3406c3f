import { rotationSuggestion } from './policies';
import { actor, MODERATOR, Scenario, SYSTEM, T0 } from './testing/harness';

const panel = [{ role: 'moderator' as const, personId: 'mod', displayName: 'Mona Moderator' }];

describe('leaving a chair', () => {
  it('a guest leaves their own chair; their seated time is added up', () => {
    const s = Scenario.running({ chairCount: 3 });
    s.ask('anna');
    s.seat('anna');
    const [event] = s.advance(45_000).run({ type: 'leave', actor: actor('anna') });
    expect(event).toMatchObject({ type: 'left-chair', personId: 'anna', chairIndex: 0, reason: 'left' });
    expect(s.state.chairs[0].occupant).toBeNull();
    expect(s.state.people.get('anna')).toMatchObject({ seatings: 1, seatedMs: 45_000 });
  });

  it('sums the seated time over all seatings', () => {
    const s = Scenario.running({ chairCount: 3 });
    s.ask('anna');
    s.seat('anna');
    s.advance(10_000).run({ type: 'leave', actor: actor('anna') });
    s.ask('anna');
    s.seat('anna');
    s.advance(20_000).run({ type: 'leave', actor: actor('anna') });
    expect(s.state.people.get('anna')).toMatchObject({ seatings: 2, seatedMs: 30_000 });
  });

  it('refuses leaving without a seat and leaving a fixed chair', () => {
    const s = Scenario.running({ fixedChairs: panel });
    expect(s.fail({ type: 'leave', actor: actor('anna') }).details).toMatchObject({ reason: 'NOT_SEATED' });
    expect(s.fail({ type: 'leave', actor: MODERATOR }).details).toMatchObject({ reason: 'FIXED_CHAIR' });
  });

  it('the moderator asks a guest to leave (removes them), never a fixed chair', () => {
    const s = Scenario.running({ fixedChairs: panel });
    s.ask('anna');
    s.seat('anna');
    expect(s.fail({ type: 'remove', actor: actor('ben'), personId: 'anna' }).code).toBe('FORBIDDEN');
    expect(s.run({ type: 'remove', personId: 'anna' })[0]).toMatchObject({ reason: 'removed', actor: MODERATOR });
    expect(s.fail({ type: 'remove', personId: 'mod' }).details).toMatchObject({ reason: 'FIXED_CHAIR' });
    expect(s.fail({ type: 'remove', personId: 'anna' }).details).toMatchObject({ reason: 'NOT_SEATED' });
  });
});

describe('seat time limit', () => {
  it('warns 30 s before and ends the seat at the limit, each once, at tick', () => {
    const s = Scenario.running({ chairCount: 3 });
    s.ask('anna');
    s.seat('anna');
    expect(s.advance(149_999).tick()).toEqual([]);
    const warning = s.advance(1).tick();
    expect(warning).toEqual([{ type: 'time-warning', at: T0 + 150_000, actor: SYSTEM, personId: 'anna', endsAt: T0 + 180_000 }]);
    expect(s.state.chairs[0].occupant?.warned).toBe(true);
    expect(s.advance(10_000).tick()).toEqual([]);
    expect(s.advance(20_000).tick()).toMatchObject([{ type: 'left-chair', personId: 'anna', reason: 'time-limit' }]);
    expect(s.state.people.get('anna')?.seatedMs).toBe(180_000);
  });

  it('a late tick skips the warning and only ends the seat', () => {
    const s = Scenario.running({ chairCount: 3 });
    s.ask('anna');
    s.seat('anna');
    expect(s.types(s.advance(200_000).tick())).toEqual(['left-chair']);
  });

  it('fixed chairs have no time limit', () => {
    const s = Scenario.running({ fixedChairs: panel });
    expect(s.advance(3_600_000).tick()).toEqual([]);
    expect(s.state.chairs[0].occupant?.personId).toBe('mod');
  });
});

describe('rotation in an open fishbowl', () => {
  /** Two open chairs (plus the moderator), Anna seated first, Ben 60 s later; Cem asks. */
  function full(settings = {}) {
    const s = Scenario.running({ chairCount: 3, fixedChairs: panel, rotationGraceMs: 30_000, ...settings });
    s.ask('anna');
    s.seat('anna');
    s.advance(60_000);
    s.ask('ben');
    s.seat('ben');
    return s;
  }

  it('no suggestion while a chair is free or nobody waits', () => {
    const s = full();
    expect(rotationSuggestion(s.state, s.now)).toBeNull();
    s.ask('cem');
    expect(rotationSuggestion(s.state, s.now)).not.toBeNull();
    s.run({ type: 'withdraw', actor: actor('cem') });
    expect(rotationSuggestion(s.state, s.now)).toBeNull();
  });

  it('longest-seated names the guest seated longest; fixed chairs are never named', () => {
    const s = full();
    s.ask('cem');
    expect(rotationSuggestion(s.state, s.now)).toEqual({ personId: 'anna', displayName: 'ANNA', chairIndex: 1, policy: 'longest-seated', dueAt: T0 + 30_000 });
  });

  it('most-speaking-time names the guest with most speaking time in this fishbowl', () => {
    const s = full({ rotationPolicy: 'most-speaking-time', speakingMeasure: 'reported' });
    s.run({ type: 'report-speaking', actor: SYSTEM, personId: 'ben', speaking: true });
    s.advance(40_000);
    s.ask('cem');
    expect(rotationSuggestion(s.state, s.now)).toMatchObject({ personId: 'ben', policy: 'most-speaking-time' });
  });

  it('prefers guests past the grace time', () => {
    const s = Scenario.running({ chairCount: 2, rotationGraceMs: 60_000, rotationPolicy: 'most-speaking-time', speakingMeasure: 'reported' });
    s.ask('anna');
    s.seat('anna');
    s.advance(60_000);
    s.ask('ben');
    s.seat('ben');
    s.run({ type: 'report-speaking', actor: SYSTEM, personId: 'ben', speaking: true });
    s.advance(30_000);
    s.ask('cem');
    // Ben spoke more, but only Anna has sat the 60 s grace.
    expect(rotationSuggestion(s.state, s.now)?.personId).toBe('anna');
  });

  it('the moderator confirms; the named guest leaves and a chair is free again', () => {
    const s = full();
    s.ask('cem');
    const [event] = s.run({ type: 'confirm-rotation', personId: 'anna' });
    expect(event).toMatchObject({ type: 'left-chair', personId: 'anna', reason: 'rotation', actor: MODERATOR });
    expect(s.state.chairs.filter((c) => c.kind === 'open' && !c.occupant)).toHaveLength(1);
  });

  it('refuses a confirmation of a suggestion that has changed, or when none is due', () => {
    const s = full();
    expect(s.fail({ type: 'confirm-rotation' }).details).toMatchObject({ reason: 'NO_ROTATION' });
    s.ask('cem');
    expect(s.fail({ type: 'confirm-rotation', personId: 'ben' }).details).toMatchObject({ reason: 'SUGGESTION_CHANGED', suggested: 'anna' });
    expect(s.fail({ type: 'confirm-rotation', actor: actor('cem') }).code).toBe('FORBIDDEN');
  });

  it('auto mode rotates when the suggestion is due, at tick', () => {
    const s = Scenario.running({ chairCount: 2, auto: true, rotationGraceMs: 60_000 });
    s.ask('anna');
    s.run({ type: 'accept', actor: actor('anna') });
    s.ask('ben');
    s.run({ type: 'accept', actor: actor('ben') });
    s.ask('cem'); // both chairs full, cem waits; nobody has sat 60 s yet
    expect(s.state.chairs.every((c) => c.occupant)).toBe(true);
    const events = s.advance(60_000).tick();
    expect(s.types(events)).toEqual(['left-chair', 'guest-invited']);
    expect(events[0]).toMatchObject({ personId: 'anna', reason: 'rotation', actor: SYSTEM });
  });

  it('no rotation in a closed fishbowl', () => {
    const s = Scenario.running({ mode: 'closed', chairCount: 2 });
    s.ask('anna');
    s.seat('anna');
    s.ask('ben');
    s.seat('ben');
    s.ask('cem');
    expect(rotationSuggestion(s.state, s.now)).toBeNull();
    expect(s.fail({ type: 'confirm-rotation' }).details).toMatchObject({ reason: 'NOT_OPEN_MODE' });
  });
});

describe('speaking time', () => {
  it('equals seated time unless speaking is reported', () => {
    const s = Scenario.running({ chairCount: 2, speakingMeasure: 'reported' });
    s.ask('anna');
    s.seat('anna');
    s.run({ type: 'report-speaking', actor: SYSTEM, personId: 'anna', speaking: true });
    s.advance(20_000).run({ type: 'report-speaking', actor: SYSTEM, personId: 'anna', speaking: false });
    s.advance(10_000).run({ type: 'report-speaking', actor: MODERATOR, personId: 'anna', speaking: true });
    s.advance(5_000).run({ type: 'leave', actor: actor('anna') }); // leaving stops the interval
    expect(s.state.people.get('anna')).toMatchObject({ seatedMs: 35_000, reportedSpeakingMs: 25_000 });
  });

  it('ignores repeated reports and refuses reports for people not seated or by attendees', () => {
    const s = Scenario.running({ chairCount: 2 });
    s.ask('anna');
    s.seat('anna');
    s.run({ type: 'report-speaking', actor: SYSTEM, personId: 'anna', speaking: true });
    expect(s.run({ type: 'report-speaking', actor: SYSTEM, personId: 'anna', speaking: true })).toEqual([]);
    expect(s.fail({ type: 'report-speaking', actor: SYSTEM, personId: 'ben', speaking: true }).details).toMatchObject({ reason: 'NOT_SEATED' });
    expect(s.fail({ type: 'report-speaking', actor: actor('anna'), personId: 'anna', speaking: false }).code).toBe('FORBIDDEN');
  });
});
